import { type DigitGroup, type DigitRun, digitRuns, joinDigits } from './digit-runs.ts'
import { luhnValid } from './luhn.ts'
import { extensionEnd, isPhone } from './phone.ts'
import { type Candidate, PRIORITY } from './types.ts'

/**
 * Number-shaped identifiers found from digit runs: payment cards (13–19 digits, Luhn-checked),
 * SSNs (`123-45-6789`; space/dot forms only when SSA-valid) and phone numbers.
 */

function card(run: DigitRun, from: number, to: number): boolean {
  const g = run.groups
  for (let k = from; k <= to; k++) {
    const group = g[k]
    if (!group || group.paren) return false
    if (k > from && !(group.sep === ' ' || group.sep === '-' || group.sep === '\u00a0')) return false
    if (to > from && (group.digits.length < 3 || group.digits.length > 6)) return false
  }
  if (from === 0 && run.plus >= 0) return false
  const d = joinDigits(g, from, to)
  return d.length >= 13 && d.length <= 19 && luhnValid(d)
}

/** Area 001–899 except 666, group 01–99, serial 0001–9999. */
export function ssaValid(d: string): boolean {
  const area = d.slice(0, 3)
  return (
    area !== '000' && area !== '666' && area[0] !== '9' && d.slice(3, 5) !== '00' && d.slice(5) !== '0000'
  )
}

function ssn(run: DigitRun, from: number, to: number): boolean {
  if (to - from !== 2 || (from === 0 && run.plus >= 0)) return false
  const [a, b, c] = [run.groups[from], run.groups[from + 1], run.groups[to]]
  if (!a || !b || !c || a.paren || b.paren || c.paren) return false
  if (a.digits.length !== 3 || b.digits.length !== 2 || c.digits.length !== 4 || b.sep !== c.sep) return false
  if (b.sep === '-' || b.sep === '–') return true
  return (b.sep === ' ' || b.sep === '.') && ssaValid(a.digits + b.digits + c.digits)
}

type Rule = (text: string, run: DigitRun, from: number, to: number) => boolean

/** Digits in groups `from`…`to`, from a prefix-sum table. */
const digitCount = (prefix: readonly number[], from: number, to: number): number =>
  (prefix[to + 1] ?? 0) - (prefix[from] ?? 0)

/** Longest valid subranges of groups `lo`…`hi`, left to right, without overlap. */
function scan(
  text: string,
  run: DigitRun,
  lo: number,
  hi: number,
  digits: { readonly prefix: readonly number[]; readonly min: number; readonly max: number },
  rule: Rule,
  emit: (from: number, to: number) => void,
): void {
  for (let from = lo; from <= hi; from++) {
    for (let to = hi; to >= from; to--) {
      const n = digitCount(digits.prefix, from, to)
      if (n < digits.min) break
      if (n > digits.max) continue
      if (rule(text, run, from, to)) {
        emit(from, to)
        from = to
        break
      }
    }
  }
}

/**
 * Finds cards, SSNs and phones. Groups already claimed by a labelled identifier in `out` (an MRN
 * or DOB found from its context) split runs, so `DOB 20.06.1972 (274) 938-7126` still yields the phone.
 */
export function detectNumbers(
  text: string,
  out: Candidate[],
  isPublished: (digits: string) => boolean,
): void {
  const claimed = out.filter((c) => c.priority === PRIORITY.context)
  for (const run of digitRuns(text)) {
    const g = run.groups
    let total = 0
    for (const group of g) total += group.digits.length
    if (total < 7) continue
    let lo = 0
    while (lo < g.length) {
      while (lo < g.length && isClaimed(claimed, g[lo])) lo++
      let hi = lo
      while (hi + 1 < g.length && !isClaimed(claimed, g[hi + 1])) hi++
      if (lo < g.length) scanSegment(text, run, lo, hi, out, isPublished)
      lo = hi + 1
    }
  }
}

// Module-level helpers, not closures built for every text: each closure is an allocation, and under
// tsx (esbuild keepNames) a named one also gets its `name` defined, which cost more than the work.

/** A group overlapping an identifier already found from its label. */
function isClaimed(claimed: readonly Candidate[], group: DigitGroup | undefined): boolean {
  const start = group?.start ?? 0
  const end = group?.end ?? 0
  return claimed.some((c) => start < c.end && c.start < end)
}

/** Text span of groups `from`…`to` (from a leading `+` when the run has one). */
function span(run: DigitRun, from: number, to: number): { start: number; end: number } {
  const g = run.groups
  return { start: from === 0 && run.plus >= 0 ? run.plus : (g[from]?.start ?? 0), end: g[to]?.end ?? 0 }
}

/** A whole run shaped like a card (13–19 digits in groups of 3–6) that fails Luhn: an order or
 * tracking number, left intact rather than carved into a phone. */
function cardShapedNonCard(run: DigitRun, lo: number, hi: number): boolean {
  if (lo !== 0 || hi !== run.groups.length - 1 || hi === 0) return false
  const d = joinDigits(run.groups, lo, hi)
  // Card numbers never start with 0 (an international `00…` phone does).
  if (d.length < 13 || d.length > 19 || d[0] === '0') return false
  const sizes = run.groups.every(
    (g, k) =>
      !g.paren && g.digits.length >= 3 && g.digits.length <= 6 && (k === 0 || g.sep === ' ' || g.sep === '-'),
  )
  return sizes && run.plus < 0 && !luhnValid(d)
}

function scanSegment(
  text: string,
  run: DigitRun,
  lo: number,
  hi: number,
  out: Candidate[],
  isPublished: (digits: string) => boolean,
): void {
  if (cardShapedNonCard(run, lo, hi)) return
  const prefix = [0]
  for (const group of run.groups) prefix.push((prefix[prefix.length - 1] ?? 0) + group.digits.length)
  scan(
    text,
    run,
    lo,
    hi,
    { prefix, min: 13, max: 19 },
    (_t, r, f, t) => card(r, f, t),
    (f, t) => {
      out.push({ kind: 'CARD', ...span(run, f, t), priority: PRIORITY.shape })
    },
  )
  scan(
    text,
    run,
    lo,
    hi,
    { prefix, min: 9, max: 9 },
    (_t, r, f, t) => ssn(r, f, t),
    (f, t) => {
      out.push({ kind: 'SSN', ...span(run, f, t), priority: PRIORITY.shape })
    },
  )
  scan(text, run, lo, hi, { prefix, min: 7, max: 17 }, isPhone, (f, t) => {
    if (isPublished(joinDigits(run.groups, f, t))) return
    const s = span(run, f, t)
    out.push({ kind: 'PHONE', start: s.start, end: extensionEnd(text, s.end), priority: PRIORITY.phone })
  })
}
