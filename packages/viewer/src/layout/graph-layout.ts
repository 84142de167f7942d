import type { EdgeKind, GraphGroup, NodeType } from '../graph/model.js';

/** A box placed on the page: a state, a start/end marker, a Map or Parallel state, or one Parallel branch. */
export interface LayoutBox {
  readonly id: string;
  readonly kind: 'node' | 'group';
  readonly type: NodeType | GraphGroup['type'];
  /** The state's name (absent for markers and branches). */
  readonly name?: string;
  /** A second line: a Task's integration, a branch's `Branch N`, a distributed Map's mode. */
  readonly detail?: string;
  /** The group holding this box, if any. */
  readonly parent?: string;
  /** For a branch: its index in the Parallel's `Branches`. */
  readonly branch?: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An arrow routed between two boxes (by id), as a polyline, with its label's box when it has one. */
export interface LayoutEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly label?: string;
  /** `x0, y0, x1, y1, …`: start, bends, end. */
  readonly points: readonly number[];
  readonly labelBox?: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
}

/** A workflow graph with every box and arrow placed, in page coordinates (the origin at the top left). */
export interface GraphLayout {
  readonly width: number;
  readonly height: number;
  /** Groups come before what they hold, so drawing in order paints containers first. */
  readonly boxes: readonly LayoutBox[];
  readonly edges: readonly LayoutEdge[];
}
