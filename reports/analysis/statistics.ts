// Small statistics over lists that may hold gaps (null): the gaps are left out.

export function mean(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v !== null) {
      sum += v;
      n++;
    }
  }
  return n ? sum / n : null;
}

/** Sample standard deviation (n − 1); null under two values. */
export function standardDeviation(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length < 2) return null;
  const m = present.reduce((a, b) => a + b, 0) / present.length;
  return Math.sqrt(present.reduce((a, v) => a + (v - m) ** 2, 0) / (present.length - 1));
}

/** Max minus min; null under two values. */
export function spread(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length < 2 ? null : Math.max(...present) - Math.min(...present);
}
