// Item scores as stored with a submitted response: float64 values, NaN standing for "no score".
export function packScores(scores: readonly (number | null)[]): Buffer {
  return Buffer.from(Float64Array.from(scores, (s) => (s === null ? NaN : s)).buffer);
}

/** NaN stands for "no score": callers test with Number.isNaN. */
export function unpackScores(blob: Uint8Array): Float64Array {
  // Copy into an aligned buffer: SQLite hands back blobs at any offset.
  return new Float64Array(new Uint8Array(blob).buffer);
}
