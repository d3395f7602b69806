/** One parsed row of a NAB-format series CSV (`timestamp,value`). */
export interface SeriesRow {
  /** 1-based line number in the input. */
  readonly line: number
  /** The timestamp text exactly as written. */
  readonly timestampText: string
  /** The value text exactly as written. */
  readonly valueText: string
  readonly timestampMs: number
  readonly value: number
}

export type SeriesLine =
  | { readonly ok: true; readonly row: SeriesRow }
  | { readonly ok: false; readonly line: number; readonly reason: string }

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?Z?$/

/**
 * Parses a NAB timestamp (`2015-02-26 21:42:53`, optional fraction, read as UTC) to epoch ms, or
 * undefined if it is not one or names an impossible date.
 */
export function parseNabTimestamp(text: string): number | undefined {
  const m = TIMESTAMP.exec(text.trim())
  if (!m) return undefined
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const fraction = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0
  const ms = Date.UTC(y, mo - 1, d, h, mi, se, fraction)
  const back = new Date(ms)
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || se > 59)
    return undefined
  return ms
}

/** Parses one data line (`timestamp,value`); `line` is its 1-based number, for error messages. */
export function parseSeriesLine(text: string, line: number): SeriesLine {
  const comma = text.indexOf(',')
  if (comma === -1) return { ok: false, line, reason: 'expected "timestamp,value"' }
  const timestampText = text.slice(0, comma)
  const valueText = text.slice(comma + 1).trim()
  const timestampMs = parseNabTimestamp(timestampText)
  if (timestampMs === undefined)
    return { ok: false, line, reason: `bad timestamp "${timestampText.slice(0, 40)}"` }
  const value = valueText === '' ? Number.NaN : Number(valueText)
  if (!Number.isFinite(value)) return { ok: false, line, reason: `bad value "${valueText.slice(0, 40)}"` }
  return { ok: true, row: { line, timestampText, valueText, timestampMs, value } }
}

/** Parses a whole NAB-format CSV text: the header line, then one row per line (blank lines skipped). */
export function parseSeriesCsv(text: string): SeriesLine[] {
  const out: SeriesLine[] = []
  const lines = text.split(/\r?\n/)
  lines.forEach((l, i) => {
    if (i === 0 || l.trim() === '') return
    out.push(parseSeriesLine(l, i + 1))
  })
  return out
}
