// Item values as stored with a submitted response (reports/analysis/quality.ts, itemValues): float64, a score from 0
// to 100, or no score: NaN (shown, unanswered), −1 (« je ne sais pas »), −2 (question hidden to the respondent).
export function packScores(scores: readonly (number | null)[]): Buffer {
  return Buffer.from(Float64Array.from(scores, (s) => (s === null ? NaN : s)).buffer);
}

/** Anything but a score (NaN or a negative code) is "no score": callers test with isScore (quality.ts). */
export function unpackScores(blob: Uint8Array): Float64Array {
  // Copy into an aligned buffer: SQLite hands back blobs at any offset.
  return new Float64Array(new Uint8Array(blob).buffer);
}
