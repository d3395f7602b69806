import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Clock } from '@pulse/core'

/**
 * The stream's credential. EventSource cannot send headers, so `POST /api/session` (with the bearer
 * token) sets an HttpOnly, SameSite=Strict cookie scoped to `/api/stream`. Its value names the token
 * id and an expiry, signed with HMAC-SHA256 under a per-process key; the token is looked up again on
 * use, so revoking it also ends its sessions.
 */
export interface SessionSigner {
  issue(tokenId: string): { value: string; expiresAt: number }
  /** The token id, or undefined when the value is malformed, forged or expired. */
  verify(value: string): string | undefined
}

export const SESSION_COOKIE = 'pulse_feed_session'
export const SESSION_COOKIE_PATH = '/api/stream'

export function createSessionSigner(options: { clock: Clock; ttlMs: number; key?: Buffer }): SessionSigner {
  const key = options.key ?? randomBytes(32)
  const mac = (payload: string): Buffer => createHmac('sha256', key).update(payload).digest()
  return {
    issue(tokenId) {
      const expiresAt = options.clock.now() + options.ttlMs
      const payload = `${tokenId}.${expiresAt}`
      return { value: `${payload}.${mac(payload).toString('base64url')}`, expiresAt }
    },
    verify(value) {
      const match = /^([0-9a-f]{16})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(value)
      if (!match?.[1] || !match[2] || !match[3]) return undefined
      const given = Buffer.from(match[3], 'base64url')
      const expected = mac(`${match[1]}.${match[2]}`)
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
      if (Number(match[2]) <= options.clock.now()) return undefined
      return match[1]
    },
  }
}

/** Reads one cookie from a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

export function sessionCookieHeader(value: string, maxAgeSeconds: number, secure: boolean): string {
  const attrs = [
    `${SESSION_COOKIE}=${value}`,
    `Path=${SESSION_COOKIE_PATH}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Strict',
  ]
  if (secure) attrs.push('Secure')
  return attrs.join('; ')
}
