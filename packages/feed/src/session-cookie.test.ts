import { manualClock } from '@pulse/core'
import { describe, expect, it } from 'vitest'
import { createSessionSigner, readCookie, sessionCookieHeader } from './session-cookie.ts'

describe('session cookie', () => {
  const id = '0123456789abcdef'

  it('round-trips a token id until it expires', () => {
    const clock = manualClock(1_000_000)
    const signer = createSessionSigner({ clock, ttlMs: 60_000 })
    const { value } = signer.issue(id)
    expect(signer.verify(value)).toBe(id)
    clock.advance(59_999)
    expect(signer.verify(value)).toBe(id)
    clock.advance(1)
    expect(signer.verify(value)).toBeUndefined()
  })

  it('refuses tampered values and values signed with another key', () => {
    const clock = manualClock(0)
    const signer = createSessionSigner({ clock, ttlMs: 60_000 })
    const other = createSessionSigner({ clock, ttlMs: 60_000 })
    const { value } = signer.issue(id)
    const [tokenId, expiry, mac] = value.split('.')
    expect(other.verify(value)).toBeUndefined()
    expect(signer.verify(`fedcba9876543210.${expiry}.${mac}`)).toBeUndefined()
    expect(signer.verify(`${tokenId}.${Number(expiry) * 10}.${mac}`)).toBeUndefined()
    expect(signer.verify(`${tokenId}.${expiry}`)).toBeUndefined()
    expect(signer.verify('')).toBeUndefined()
  })

  it('reads one cookie among several and builds a strict HttpOnly cookie', () => {
    expect(readCookie('a=1; pulse_feed_session=abc.def; b=2', 'pulse_feed_session')).toBe('abc.def')
    expect(readCookie('xpulse_feed_session=1', 'pulse_feed_session')).toBeUndefined()
    expect(readCookie(undefined, 'pulse_feed_session')).toBeUndefined()
    const header = sessionCookieHeader('v', 3600, true)
    expect(header).toContain('HttpOnly')
    expect(header).toContain('SameSite=Strict')
    expect(header).toContain('Path=/api/stream')
    expect(header).toContain('Secure')
    expect(sessionCookieHeader('v', 3600, false)).not.toContain('Secure')
  })
})
