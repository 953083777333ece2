// What every view that shows workspace data does: load it when shown, reload after each edit while shown, and
// drop an answer that a newer request has overtaken.
import { untrack } from 'svelte';
import { toAppError } from './api';

export class ViewData<T> {
  value = $state.raw<T | null>(null);
  error = $state<string | null>(null);
  #seq = 0;

  /**
   * `load` is read on each call, so a view may pass its current prop. `accept` sees the previous value and the new
   * one before the new one is shown (the Costs view marks what changed).
   */
  constructor(
    private load: () => Promise<T>,
    private message: (e: unknown) => string = (e) => toAppError(e).message,
    private accept: (previous: T | null, next: T) => void = () => {},
  ) {}

  async reload(): Promise<void> {
    const mine = ++this.#seq;
    try {
      const next = await this.load();
      if (mine === this.#seq) {
        this.accept(this.value, next);
        [this.value, this.error] = [next, null];
      }
    } catch (e) {
      if (mine === this.#seq) this.error = this.message(e);
    }
  }

  /** Shows a value an edit returned; a load still under way is dropped. */
  show(next: T): void {
    this.#seq++;
    [this.value, this.error] = [next, null];
  }

  /** Call during component set-up: reloads whenever `active()` turns true, and when `version()` changes while it is. */
  follow(active: () => boolean, version: () => number): void {
    $effect(() => {
      if (!active()) return;
      void version();
      untrack(() => void this.reload());
    });
  }
}
