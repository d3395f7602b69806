import { createHash, createHmac } from 'node:crypto'

/** Stable short hex digest (sha256) of the parts, for deterministic ids and dedup tokens. */
export function stableHash(...parts: readonly string[]): string {
  const h = createHash('sha256')
  for (const p of parts) {
    h.update(p)
    h.update('\u0000')
  }
  return h.digest('hex').slice(0, 32)
}

/** Keyed hash of an identifier (HMAC-SHA256), so author ids are never stored in the clear. */
export function keyedHash(key: string, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex').slice(0, 32)
}
