import type { GraphElement } from '@stepcraft/viewer';
import type { VisitStatus } from './run-summary.js';

/** The looks an element or edge can have. */
export type StyleName = 'marker' | 'problem' | VisitStatus;

interface Look {
  readonly mermaid: string;
  readonly dot: Readonly<Record<string, string>>;
}

/** One palette for both formats: green = ran, amber = ran after handling an error, red = failed there. */
export const STYLES: Readonly<Record<StyleName | 'taken', Look>> = {
  marker: {
    mermaid: 'fill:#37474f,stroke:#37474f,color:#ffffff',
    dot: { fillcolor: '#37474f', color: '#37474f', fontcolor: '#ffffff' },
  },
  problem: {
    mermaid: 'fill:#fff3cd,stroke:#b26a00,stroke-dasharray:5 3',
    dot: { fillcolor: '#fff3cd', color: '#b26a00', style: 'dashed,filled' },
  },
  unvisited: {
    mermaid: 'fill:#f5f5f5,stroke:#c8c8c8,color:#8a8a8a',
    dot: { fillcolor: '#f5f5f5', color: '#c8c8c8', fontcolor: '#8a8a8a' },
  },
  visited: {
    mermaid: 'fill:#d7f0dd,stroke:#1e7b34,color:#0b3d18',
    dot: { fillcolor: '#d7f0dd', color: '#1e7b34', fontcolor: '#0b3d18' },
  },
  handled: {
    mermaid: 'fill:#ffe8b3,stroke:#b26a00,color:#4a2c00',
    dot: { fillcolor: '#ffe8b3', color: '#b26a00', fontcolor: '#4a2c00' },
  },
  failed: {
    mermaid: 'fill:#f9d0d0,stroke:#b00020,stroke-width:3px,color:#5c0010',
    dot: { fillcolor: '#f9d0d0', color: '#b00020', fontcolor: '#5c0010', penwidth: '3' },
  },
  taken: {
    mermaid: 'stroke:#1e7b34,stroke-width:3px',
    dot: { color: '#1e7b34', penwidth: '2.5' },
  },
};

/** The look of an element: markers and broken states keep theirs; states take their run status. */
export function styleOf(element: GraphElement, status: VisitStatus | undefined): StyleName | undefined {
  if (element.type === 'Start' || element.type === 'End') return 'marker';
  if (element.type === 'Missing' || element.type === 'Unknown') return 'problem';
  return status;
}
