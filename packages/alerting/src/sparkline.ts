const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const

export interface SparklineOptions {
  /** Most recent points kept (default 24). */
  width?: number
  /** Shared scale, so two lines (observed, expected) are comparable. Defaults to the series' own. */
  min?: number
  max?: number
}

/**
 * A Unicode sparkline (`▁▂▃▅▇`) of the last `width` values. Non-finite values render as a space;
 * a flat series renders at the lowest bar.
 */
export function sparkline(values: readonly number[], options: SparklineOptions = {}): string {
  const width = Math.max(1, options.width ?? 24)
  const recent = values.slice(-width)
  const finite = recent.filter((v) => Number.isFinite(v))
  if (finite.length === 0) return ' '.repeat(recent.length)
  const lo = options.min ?? Math.min(...finite)
  const hi = options.max ?? Math.max(...finite)
  const span = hi - lo
  return recent
    .map((v) => {
      if (!Number.isFinite(v)) return ' '
      if (span <= 0) return BARS[0]
      const level = Math.round(((Math.min(Math.max(v, lo), hi) - lo) / span) * (BARS.length - 1))
      return BARS[level] ?? BARS[0]
    })
    .join('')
}

/** Observed and expected as two sparklines on one shared scale (from 0), for the last `width` points. */
export function trendLines(
  series: readonly { observed: number; expected: number }[],
  width = 24,
): { observed: string; expected: string } {
  const recent = series.slice(-width)
  const all = recent.flatMap((p) => [p.observed, p.expected]).filter((v) => Number.isFinite(v))
  const max = all.length > 0 ? Math.max(0, ...all) : 0
  const scale = { width, min: 0, max }
  return {
    observed: sparkline(
      recent.map((p) => p.observed),
      scale,
    ),
    expected: sparkline(
      recent.map((p) => p.expected),
      scale,
    ),
  }
}
