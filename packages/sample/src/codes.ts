import { hash32 } from './random.ts'

/** Alphabets of platform ids. */
export const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567'
export const TID = '234567abcdefghijklmnopqrstuvwxyz'
export const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** `value` (a non-negative integer below 2^53) in `alphabet`, left-padded to `width` digits. */
export function encode(alphabet: string, value: number, width: number): string {
  let out = ''
  let v = value
  for (let k = 0; k < width; k++) {
    out = alphabet[v % alphabet.length] + out
    v = Math.floor(v / alphabet.length)
  }
  return out
}

/** `len` random-looking characters of `alphabet`, a pure function of (a, b). */
export function hashChars(alphabet: string, len: number, a: number, b: number): string {
  let out = ''
  let h = hash32(a, b)
  for (let k = 0; k < len; k++) {
    if (k % 4 === 3) h = hash32(h, k)
    out += alphabet[h % alphabet.length]
    h = Math.floor(h / alphabet.length)
  }
  return out
}

/** `len` random-looking decimal digits, a pure function of (a, b). */
export function hashDigits(len: number, a: number, b: number): string {
  let out = ''
  let k = 0
  while (out.length < len) out += String(hash32(a, b + k++) % 1_000_000_000).padStart(9, '0')
  return out.slice(0, len)
}
