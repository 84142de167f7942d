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
 * A list of `count` rows of `rowHeight` pixels: a spacer gives the scrollbar its full length and a small pool of
 * absolutely positioned rows is reused as the view scrolls (one redraw per animation frame), so 25,000 rows cost
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
  const pool: HTMLElement[] = [];
  let count = 0;
  let scheduled = false;

  const draw = () => {
    scheduled = false;
    const height = element.clientHeight || rowHeight * 20;
    const first = Math.max(0, Math.floor(element.scrollTop / rowHeight) - OVERSCAN);
    const last = Math.min(count, Math.ceil((element.scrollTop + height) / rowHeight) + OVERSCAN);
    const needed = last - first;
    while (pool.length < needed) {
      const row = h('div', { class: 'vl-row' });
      row.style.height = `${rowHeight}px`;
      pool.push(row);
      element.append(row);
    }
    pool.forEach((row, slot) => {
      const index = first + slot;
      if (slot >= needed) {
        row.hidden = true;
        return;
      }
      row.hidden = false;
      row.style.transform = `translateY(${index * rowHeight}px)`;
      row.dataset.index = String(index);
      renderRow(row, index);
    });
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(draw);
  };
  element.addEventListener('scroll', schedule, { passive: true });
  new ResizeObserver(schedule).observe(element);

  return {
    element,
    setCount(next) {
      count = next;
      spacer.style.height = `${count * rowHeight}px`;
      draw();
    },
    refresh: draw,
    reveal(index) {
      const top = index * rowHeight;
      const height = element.clientHeight;
      if (top < element.scrollTop || top + rowHeight > element.scrollTop + height) {
        element.scrollTop = Math.max(0, top - height / 2);
      }
      draw();
    },
  };
}
