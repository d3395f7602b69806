import { describe, expect, it } from 'vitest'
import { isIpv6 } from './ip.ts'
import { luhnValid } from './luhn.ts'
import { createPublishedPhones } from './phone.ts'

describe('luhnValid', () => {
  it.each([
    ['4111111111111111', true],
    ['378282246310005', true],
    ['6011111111111117', true],
    ['4111111111111112', false],
    ['1234567890123456', false],
    ['', false],
    ['41x1', false],
  ])('%s → %s', (digits, expected) => {
    expect(luhnValid(digits)).toBe(expected)
  })
})

describe('isIpv6', () => {
  it.each([
    ['2001:db8:85a3:0:0:8a2e:370:7334', true],
    ['2001:db8::1', true],
    ['::1', true],
    ['fe80::1%eth0', true],
    ['::ffff:192.0.2.1', true],
    ['0:0:0:0:0:ffff:192.0.2.1', true],
    ['1:2:3:4:5:6:7', false],
    ['1::2::3', false],
    ['::', false],
    ['12345::1', false],
    ['::ffff:999.0.2.1', false],
  ])('%s → %s', (candidate, expected) => {
    expect(isIpv6(candidate)).toBe(expected)
  })
})

describe('published phones', () => {
  const isPublished = createPublishedPhones(['1-800-232-4636', '+44 20 7946 0000', '988'])
  it.each([
    ['18002324636', true],
    ['8002324636', true],
    ['442079460000', true],
    ['02079460000', true],
    ['8002324637', false],
    ['2324636', false],
  ])('%s → %s', (digits, expected) => {
    expect(isPublished(digits)).toBe(expected)
  })
})
