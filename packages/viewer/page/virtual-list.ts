import { h } from './dom.js';

/** A scrolling list that keeps only the rows in view (plus a margin) in the document. */
export interface VirtualList {
  readonly element: HTMLElement;
  /** Sets how many rows there are and redraws. */
  setCount(count: number): void;
  /** Redraws the rows in view (after what they show changed). */
  refresh(): void;
  /** Scrolls so that row `index` is in view. */
  reveal(index: number): void;
}

/** Rows drawn beyond the visible ones on each side, so fast scrolling shows no gaps. */
const OVERSCAN = 8;

/**
 * A list of `count` rows of `rowHeight` pixels: a spacer gives the scrollbar its full length, and only the rows in
 * view (plus a margin) exist, absolutely positioned, redrawn at most once per animation frame. A row keeps its
 * element while it stays in view, and rows that scroll out are reused for rows that scroll in, so 25,000 rows cost
 * as much as 50. `renderRow` fills a row element for an index; it must set everything it shows.
 */
export function createVirtualList(options: {
  readonly className: string;
  readonly rowHeight: number;
  readonly renderRow: (row: HTMLElement, index: number) => void;
}): VirtualList {
  const { rowHeight, renderRow } = options;
  const spacer = h('div', { class: 'vl-spacer' });
  const element = h('div', { class: `vl ${options.className}`, tabindex: 0 }, spacer);
  const shown = new Map<number, HTMLElement>();
  const spare: HTMLElement[] = [];
  let count = 0;
  let scheduled = false;

  const draw = (isFullRedraw: boolean) => {
    scheduled = false;
    const height = element.clientHeight || rowHeight * 20;
    const first = Math.max(0, Math.floor(element.scrollTop / rowHeight) - OVERSCAN);
    const last = Math.min(count, Math.ceil((element.scrollTop + height) / rowHeight) + OVERSCAN);
    for (const [index, row] of shown) {
      if (index >= first && index < last) continue;
      shown.delete(index);
      row.hidden = true;
      spare.push(row);
    }
    for (let index = first; index < last; index++) {
      let row = shown.get(index);
      const isNew = row === undefined;
      if (row === undefined) {
        row = spare.pop() ?? h('div', { class: 'vl-row' });
        if (row.parentNode === null) {
          row.style.height = `${rowHeight}px`;
          element.append(row);
        }
        row.hidden = false;
        row.style.transform = `translateY(${index * rowHeight}px)`;
        row.dataset.index = String(index);
        shown.set(index, row);
      }
      if (isNew || isFullRedraw) renderRow(row, index);
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => draw(false));
  };
  element.addEventListener('scroll', schedule, { passive: true });
  new ResizeObserver(schedule).observe(element);

  return {
    element,
    setCount(next) {
      count = next;
      spacer.style.height = `${count * rowHeight}px`;
      draw(true);
    },
    refresh: () => draw(true),
    reveal(index) {
      const top = index * rowHeight;
      const height = element.clientHeight;
      if (top < element.scrollTop || top + rowHeight > element.scrollTop + height) {
        element.scrollTop = Math.max(0, top - height / 2);
      }
      draw(false);
    },
  };
}
