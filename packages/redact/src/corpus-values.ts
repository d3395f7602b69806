import { luhnValid } from './luhn.ts'
import type { Rng } from './rng.ts'

/**
 * Realistic identifier values in the formats people actually type, drawn from published numbering
 * plans and conventions (NANP, E.164 national groupings, card IIN ranges, RFC 5952 IPv6 text), not
 * from the redactor's rules.
 */

const digits = (rng: Rng, n: number): string => {
  let s = ''
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9))
  return s
}

const FIRST = [
  'maria',
  'james',
  'li',
  'aisha',
  'jose',
  'emma',
  'noah',
  'priya',
  'olu',
  'sofia',
  'kenji',
  'zoe',
]
const LAST = ['garcia', 'smith', 'nguyen', 'khan', 'okafor', 'muller', 'rossi', 'tanaka', 'obrien', 'patel']
const DOMAINS = [
  'gmail.com',
  'yahoo.com',
  'outlook.com',
  'hotmail.co.uk',
  'icloud.com',
  'proton.me',
  'web.de',
  'mail.example.org',
  'students.state.edu',
  'health.nhs.net',
  'clinic-mail.co',
  'xn--bcher-kva.example',
]

export function email(rng: Rng): string {
  const f = rng.pick(FIRST)
  const l = rng.pick(LAST)
  const local = rng.pick([
    `${f}.${l}`,
    `${f}${l}${rng.int(1, 99)}`,
    `${f[0]}_${l}`,
    `${f}+${rng.pick(['health', 'appt', 'billing', 'covid'])}`,
    `${f.toUpperCase()}.${l}`,
    `${l}.${f}-${rng.int(70, 99)}`,
  ])
  return `${local}@${rng.pick(DOMAINS)}`
}

export function obfuscatedEmail(rng: Rng): string {
  const local = `${rng.pick(FIRST)}.${rng.pick(LAST)}`
  const [name = 'gmail', tld = 'com'] = rng.pick(['gmail.com', 'yahoo.com', 'outlook.com']).split('.')
  return rng.pick([
    `${local} [at] ${name} [dot] ${tld}`,
    `${local} (at) ${name} (dot) ${tld}`,
    `${local} at ${name} dot ${tld}`,
  ])
}

const nxx = (rng: Rng): string => `${rng.int(2, 9)}${digits(rng, 2)}`

export function usPhone(rng: Rng): string {
  const a = nxx(rng)
  const b = rng.chance(0.3) ? '555' : nxx(rng)
  const c = digits(rng, 4)
  const base = rng.pick([
    `(${a}) ${b}-${c}`,
    `(${a})${b}-${c}`,
    `${a}-${b}-${c}`,
    `${a}.${b}.${c}`,
    `${a} ${b} ${c}`,
    `+1 ${a} ${b} ${c}`,
    `+1-${a}-${b}-${c}`,
    `+1 (${a}) ${b}-${c}`,
    `1-${a}-${b}-${c}`,
    `1 (${a}) ${b}-${c}`,
    `${a}${b}${c}`,
    `+1${a}${b}${c}`,
  ])
  return rng.chance(0.08) ? `${base} ${rng.pick(['ext. ', 'x', 'ext '])}${rng.int(10, 9999)}` : base
}

/** National groupings per country, as printed by that country's operators. */
export function intlPhone(rng: Rng): string {
  const d = (n: number): string => digits(rng, n)
  return rng.pick([
    `+44 20 ${d(4)} ${d(4)}`,
    `+44 (0)20 ${d(4)} ${d(4)}`,
    `+44 7${d(3)} ${d(6)}`,
    `020 ${d(4)} ${d(4)}`,
    `07${d(3)} ${d(6)}`,
    `0044 161 ${d(3)} ${d(4)}`,
    `+49 30 ${d(6)}`,
    `+49 30 ${d(8)}`,
    `+49 (0)89 ${d(7)}`,
    `030 ${d(7)}`,
    `+33 1 ${d(2)} ${d(2)} ${d(2)} ${d(2)}`,
    `+33 6 ${d(2)} ${d(2)} ${d(2)} ${d(2)}`,
    `01 ${d(2)} ${d(2)} ${d(2)} ${d(2)}`,
    `+91 ${rng.int(7, 9)}${d(4)} ${d(5)}`,
    `+61 2 ${d(4)} ${d(4)}`,
    `+61 4${d(2)} ${d(3)} ${d(3)}`,
    `+55 11 9${d(4)}-${d(4)}`,
    `+81 3-${d(4)}-${d(4)}`,
    `+52 55 ${d(4)} ${d(4)}`,
    `+34 9${d(2)} ${d(3)} ${d(3)}`,
    `+39 06 ${d(4)} ${d(4)}`,
    `+234 80${d(1)} ${d(3)} ${d(4)}`,
    `+27 21 ${d(3)} ${d(4)}`,
    `+86 10 ${d(4)} ${d(4)}`,
    `+31 20 ${d(3)} ${d(4)}`,
    `+353 1 ${d(3)} ${d(4)}`,
    `+971 4 ${d(3)} ${d(4)}`,
    `+65 ${d(4)} ${d(4)}`,
    `+1 416 ${d(3)} ${d(4)}`,
    `+44${d(10)}`,
    `+4930${d(6)}`,
  ])
}

export function ssn(rng: Rng): string {
  let area = rng.int(1, 899)
  if (area === 666) area = 667
  const a = String(area).padStart(3, '0')
  const g = String(rng.int(1, 99)).padStart(2, '0')
  const s = String(rng.int(1, 9999)).padStart(4, '0')
  return rng.chance(0.85) ? `${a}-${g}-${s}` : `${a} ${g} ${s}`
}

function luhnComplete(prefix: string, length: number, rng: Rng): string {
  let body = prefix + digits(rng, length - prefix.length - 1)
  for (let check = 0; check <= 9; check++) if (luhnValid(body + check)) return body + check
  body = body.slice(0, -1)
  return luhnComplete(prefix, length, rng)
}

/** A Luhn-valid card number (Visa, Mastercard, Amex, Discover) grouped as printed; or, with `valid: false`, one digit off. */
export function card(rng: Rng, valid = true): string {
  const brand = rng.pick(['visa', 'mc', 'amex', 'discover', 'visa13'] as const)
  let n =
    brand === 'visa'
      ? luhnComplete('4', 16, rng)
      : brand === 'mc'
        ? luhnComplete(String(rng.int(51, 55)), 16, rng)
        : brand === 'amex'
          ? luhnComplete(rng.pick(['34', '37']), 15, rng)
          : brand === 'discover'
            ? luhnComplete('6011', 16, rng)
            : luhnComplete('4', 13, rng)
  if (!valid) {
    const last = Number(n.slice(-1))
    n = n.slice(0, -1) + String((last + rng.int(1, 9)) % 10)
  }
  const sep = rng.pick(['', ' ', '-'])
  if (sep === '' || brand === 'visa13') return n
  if (brand === 'amex') return [n.slice(0, 4), n.slice(4, 10), n.slice(10)].join(sep)
  return n.match(/.{1,4}/g)?.join(sep) ?? n
}

export function ipv4(rng: Rng): string {
  return rng.pick([
    `${rng.int(1, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    `192.168.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
  ])
}

export function ipv6(rng: Rng): string {
  const h = (): string => rng.int(0, 0xffff).toString(16)
  return rng.pick([
    `2001:db8:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`,
    `2001:db8::${h()}:${h()}`,
    `fe80::${h()}:${h()}:${h()}:${h()}`,
    `::ffff:192.0.2.${rng.int(1, 254)}`,
    `2a02:${h()}:${h()}::${h()}`,
    `${h()}:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`.toUpperCase(),
  ])
}
