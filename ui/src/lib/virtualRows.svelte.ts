// Only the rows in sight exist in the DOM: TanStack Virtual's core works out which, from the scroll area's size and
// offset and each row's measured height; this class holds its answer as Svelte state (its own Svelte adapter is
// written for stores, and this is all we need of it).
import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type VirtualItem,
} from '@tanstack/virtual-core';

export type RowsOptions = {
  /** The element that scrolls: the rows' table sits somewhere inside it. */
  scroller: () => HTMLElement | null;
  count: () => number;
  /** A row's height before it is measured. */
  estimate: number;
  /** Rows drawn beyond each edge of the window, so fast scrolling and arrow keys rarely meet a blank. */
  overscan?: number;
};

export class VirtualRows {
  items = $state.raw<VirtualItem[]>([]);
  total = $state(0);
  /** Where the first row starts inside the scroller (what is above the table: legend, header). */
  margin = $state(0);
  readonly virtualizer: Virtualizer<HTMLElement, HTMLElement>;

  constructor(private readonly o: RowsOptions) {
    this.virtualizer = new Virtualizer<HTMLElement, HTMLElement>(this.options());
  }

  private options() {
    return {
      count: this.o.count(),
      getScrollElement: this.o.scroller,
      estimateSize: () => this.o.estimate,
      overscan: this.o.overscan ?? 8,
      scrollMargin: this.margin,
      observeElementRect,
      observeElementOffset,
      scrollToFn: elementScroll,
      // A row and the details row under it move together: one item, measured as both.
      measureElement: (el: HTMLElement) => {
        let h = el.getBoundingClientRect().height;
        const next = el.nextElementSibling as HTMLElement | null;
        if (next && next.dataset.detailsOf === el.dataset.index) h += next.getBoundingClientRect().height;
        return h;
      },
      onChange: () => this.read(),
    };
  }

  private read() {
    this.items = this.virtualizer.getVirtualItems();
    this.total = this.virtualizer.getTotalSize();
  }

  /** Starts following the scroller; returns the cleanup. Call from an effect once the table is in the page. */
  mount(): () => void {
    const stop = this.virtualizer._didMount();
    this.update();
    return stop;
  }

  /** After the row count or the space above the rows changed. */
  update(margin = this.margin) {
    this.margin = margin;
    this.virtualizer.setOptions({ ...this.virtualizer.options, ...this.options() });
    this.virtualizer._willUpdate();
    this.read();
  }

  /** Height of the blank above the drawn rows, and below them. */
  get padTop(): number {
    return this.items.length ? this.items[0].start - this.margin : 0;
  }

  get padBottom(): number {
    return this.items.length ? this.total - (this.items[this.items.length - 1].end - this.margin) : 0;
  }

  /** Brings row `index` into the drawn rows and into sight. */
  reveal(index: number) {
    this.virtualizer.scrollToIndex(index, { align: 'auto' });
  }

  measure = (el: HTMLElement | null) => this.virtualizer.measureElement(el);
}
