// The keys of a tab list (WAI-ARIA): the arrows move to the next or previous tab, round the ends; Home and End to
// the first and last.

/** The index of the tab `key` moves to from tab `index` of `count`, or undefined when the key is not a tab key. */
export function tabKeyTarget(key: string, index: number, count: number): number | undefined {
  const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: count - 1 }[key];
  return to === undefined ? undefined : (to + count) % count;
}
