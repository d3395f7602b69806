/** Narrowing helpers for platform JSON, which is `unknown` until proven otherwise. */
export type Json = Record<string, unknown>

export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

export const nonEmpty = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined

/** A non-negative integer count, from a number or numeric string; anything else is undefined. */
export function count(v: unknown): number | undefined {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined
}

export const rec = (v: unknown): Json => (isRecord(v) ? v : {})

export const arr = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : [])

/** Unix seconds (possibly fractional) → ISO UTC, or undefined. */
export function fromUnixSeconds(v: unknown): string | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0
    ? new Date(Math.round(v * 1000)).toISOString()
    : undefined
}

/** Any date string `Date` understands (ISO, RFC 822) → ISO UTC, or undefined. */
export function toIso(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.trim() === '') return undefined
  const ms = Date.parse(v.trim())
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

/** Deduplicated, in order. */
export const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)]

/** Compares numeric id strings (snowflakes) without precision loss: negative, zero or positive. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length
  return a < b ? -1 : a > b ? 1 : 0
}
