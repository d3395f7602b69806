import { allMatches } from './all-matches.ts'
import { type Candidate, PRIORITY } from './types.ts'

/** IPv4 dotted quads and IPv6 addresses (full, `::`-compressed, with an embedded IPv4 or a zone). */

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const IPV4 = new RegExp(`(?<![\\p{L}\\p{N}_.])${OCTET}(?:\\.${OCTET}){3}(?![\\p{N}_]|\\.\\d)`, 'gu')
const IPV4_EXACT = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`)

const IPV6_CANDIDATE =
  /(?<![\p{L}\p{N}_:.])(?:[0-9a-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{1,4})?(?:%[\p{L}\p{N}]{1,15})?(?![\p{L}\p{N}_]|:[\p{L}\p{N}_:])/giu

/** Validates IPv6 syntax: ≤ 8 groups of 1–4 hex digits, at most one `::`, optional trailing IPv4. */
export function isIpv6(candidate: string): boolean {
  const zone = candidate.indexOf('%')
  let s = zone >= 0 ? candidate.slice(0, zone) : candidate
  let slots = 8
  let hasV4 = false
  const lastColon = s.lastIndexOf(':')
  const tail = s.slice(lastColon + 1)
  if (tail.includes('.')) {
    if (!IPV4_EXACT.test(tail)) return false
    hasV4 = true
    slots = 6
    const head = s.slice(0, lastColon + 1)
    s = head.endsWith('::') ? head : head.slice(0, -1)
  }
  const parts = s.split('::')
  if (parts.length > 2) return false
  const side = (p: string | undefined): string[] | undefined => {
    if (p === undefined || p === '') return []
    const groups = p.split(':')
    return groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g)) ? groups : undefined
  }
  const left = side(parts[0])
  const right = side(parts[1])
  if (!left || !right) return false
  const count = left.length + right.length
  if (parts.length === 2) return count < slots && (count > 0 || hasV4)
  return count === slots
}

export function detectIps(text: string, out: Candidate[]): void {
  for (const m of allMatches(IPV4, text)) {
    out.push({ kind: 'IP', start: m.index, end: m.index + m[0].length, priority: PRIORITY.shape })
  }
  if (!text.includes(':')) return
  for (const m of allMatches(IPV6_CANDIDATE, text)) {
    // A trailing single colon is punctuation (`from fe80::1: error`).
    const v = m[0].endsWith(':') && !m[0].endsWith('::') ? m[0].slice(0, -1) : m[0]
    // Needs a digit or several groups, so `add::bad` prose and `10:30:45` times are not addresses.
    if (!/\d/.test(v) && v.split(':').length < 4) continue
    if (!isIpv6(v)) continue
    out.push({ kind: 'IP', start: m.index, end: m.index + v.length, priority: PRIORITY.shape })
  }
}
