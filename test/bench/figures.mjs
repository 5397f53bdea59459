// How the benches write their figures. A figure whose measurement failed is never printed as a
// number: it is null, and `<figure>.reason` says why, so that a failure can neither pass for a
// result nor hide among the others.

/**
 * A ratio to 3 significant digits: a small one stays readable (0.0123), where 2 decimals would
 * print it as 0.
 * @param {number} value
 */
export function ratio(value) {
  return Number(value.toPrecision(3));
}

/**
 * Marks `names` as not measured, with the reason.
 * @param {Record<string, unknown>} figures
 * @param {string[]} names
 * @param {string} reason
 */
export function unmeasured(figures, names, reason) {
  for (const name of names) {
    figures[name] = null;
    figures[`${name}.reason`] = reason;
  }
}
