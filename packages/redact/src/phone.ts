import type { DigitGroup, DigitRun } from './digit-runs.ts'
import { joinDigits } from './digit-runs.ts'

/**
 * Phone-number rules over digit groups. Accepted without context: international numbers with `+`
 * or `00` (8–15 digits, E.164), NANP numbers (`(555) 123-4567`, `555.123.4567`, `1-800-555-0199`,
 * `5551234567`) and national numbers with a trunk `0` (`020 7946 0958`, `030 123456`,
 * `01 23 45 67 89`). After a cue word (`call`, `text`, `cell`, `tel`, …) any grouping of 7–15
 * digits that is not date-shaped is accepted (`call me at 555-0199`).
 */

const CUE =
  /(?:\b(?:call(?:ing)?|text|txt|phone|ph|tel|telephone|tel[ée]fono|telefone|t[ée]l[ée]phone|telefon(?:nummer)?|num[ée]ro|nummer|llam[ae](?:me|nos)?|ligue(?:-me)?|appelez(?:-moi)?|anrufen|cell|cellphone|mobile|mob|fax|whats ?app|sms|dial|ring|number|no|contact|reach(?: (?:me|us|her|him|them))?|hotline|line|helpline)\b)[^\p{L}\p{N}\n]{0,4}(?:(?:me|us|her|him|them|at|on|is|me at|us at|him at|her at|number|no)[^\p{L}\p{N}\n]{0,3}){0,3}$/iu

/** True when a phone cue word sits right before `start`. */
export function hasPhoneCue(text: string, start: number): boolean {
  const from = Math.max(0, start - 36)
  return CUE.test(text.slice(from, start))
}

const DATE_SEPS = new Set(['/', '.', '-', '–', ' '])

function dateShaped(groups: readonly DigitGroup[], from: number, to: number): boolean {
  const n = to - from + 1
  if (n === 2) {
    const a = groups[from]?.digits.length ?? 0
    const b = groups[to]?.digits.length ?? 0
    return a <= 2 && b <= 2
  }
  if (n !== 3) return false
  const lens = [groups[from], groups[from + 1], groups[to]].map((g) => g?.digits.length ?? 0)
  const seps = [groups[from + 1]?.sep.trim() || ' ', groups[to]?.sep.trim() || ' ']
  if (!seps.every((s) => DATE_SEPS.has(s))) return false
  const [a = 0, b = 0, c = 0] = lens
  if (a === 4 && b <= 2 && c <= 2) return true
  return a <= 2 && b <= 2 && (c === 4 || c === 2)
}

function plainSeps(groups: readonly DigitGroup[], from: number, to: number): boolean {
  for (let k = from + 1; k <= to; k++) {
    const sep = groups[k]?.sep ?? ''
    if (sep.length > 1 && sep.trim().length > 1) return false
  }
  return true
}

function shape(groups: readonly DigitGroup[], from: number, to: number): number[] {
  const out: number[] = []
  for (let k = from; k <= to; k++) out.push(groups[k]?.digits.length ?? 0)
  return out
}

const same = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])

/** NANP: area code 2–9 first; a bare 10-digit string also needs a 2–9 exchange. */
function nanp(groups: readonly DigitGroup[], from: number, to: number): boolean {
  const s = shape(groups, from, to)
  const d = joinDigits(groups, from, to)
  const first = groups[from]
  if (same(s, [3, 3, 4])) return d.charCodeAt(0) >= 50 || (first?.paren ?? false)
  if (same(s, [1, 3, 3, 4])) return d.charCodeAt(0) === 49
  if (same(s, [10])) return /^[2-9]\d\d[2-9]\d{6}$/.test(d) && !/^(\d)\1+$/.test(d)
  if (same(s, [11])) return /^1[2-9]\d\d[2-9]\d{6}$/.test(d)
  if (same(s, [3, 7]) || same(s, [6, 4])) return /^[2-9]/.test(d) && (first?.paren ?? false)
  return false
}

function trunk(groups: readonly DigitGroup[], from: number, to: number): boolean {
  const first = groups[from]?.digits ?? ''
  if (to === from || first[0] !== '0' || first[1] === '0' || first.length < 2 || first.length > 5)
    return false
  const n = joinDigits(groups, from, to).length
  if (n < 9 || n > 11) return false
  for (let k = from; k <= to; k++) if ((groups[k]?.digits.length ?? 0) < 2) return false
  return true
}

function international(run: DigitRun, from: number, to: number): boolean {
  const groups = run.groups
  const d = joinDigits(groups, from, to)
  if (from === 0 && run.plus >= 0) {
    if (d[0] === '0') return false
    return d.length >= 8 && d.length <= 15 && (to > from || d.length >= 10)
  }
  const first = groups[from]?.digits ?? ''
  // `00` dials out only at the start of a number, never from the middle of a longer digit run.
  if (from > 0 || to === from || !first.startsWith('00') || first.length < 3 || first.length > 5) return false
  return d.length - 2 >= 8 && d.length - 2 <= 15
}

function withCue(text: string, run: DigitRun, from: number, to: number): boolean {
  const groups = run.groups
  const n = joinDigits(groups, from, to).length
  if (n < 7 || n > 15 || dateShaped(groups, from, to)) return false
  for (let k = from + 1; k <= to; k++) if ((groups[k]?.digits.length ?? 0) < 2) return false
  const start = from === 0 && run.plus >= 0 ? run.plus : (groups[from]?.start ?? 0)
  return hasPhoneCue(text, start)
}

export function isPhone(text: string, run: DigitRun, from: number, to: number): boolean {
  if (!plainSeps(run.groups, from, to)) return false
  if (international(run, from, to)) return true
  if (from === 0 && run.plus >= 0) return false
  return nanp(run.groups, from, to) || trunk(run.groups, from, to) || withCue(text, run, from, to)
}

const EXTENSION = /^,?\s*(?:ext\.?|extension|x)\s*\d{1,6}(?!\d)/iu

/** Extends a phone span over a trailing extension (`x204`, `ext. 12`). */
export function extensionEnd(text: string, end: number): number {
  const m = EXTENSION.exec(text.slice(end, end + 20))
  return m ? end + m[0].length : end
}

/** Canonical digits for allow-list matching: no leading `+`/`00`/trunk zeros. */
export function phoneKey(digits: string): string {
  return digits.replace(/^0+/, '')
}

/** Allow-list of the organisation's own numbers, matched regardless of format and country code. */
export function createPublishedPhones(phones: readonly string[]): (digits: string) => boolean {
  const keys = phones.map((p) => phoneKey(p.replace(/\D/g, ''))).filter((k) => k.length >= 3)
  if (keys.length === 0) return () => false
  return (digits) => {
    const key = phoneKey(digits)
    return keys.some((k) => {
      if (k === key) return true
      const [long, short] = k.length > key.length ? [k, key] : [key, k]
      return short.length >= 7 && long.length - short.length <= 3 && long.endsWith(short)
    })
  }
}
