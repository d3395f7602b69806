/**
 * Splits number-like runs (`+44 (0)20 7946 0958`, `4111-1111-1111-1111`, `123-45-6789`) into digit
 * groups and separators, so the phone, card and SSN rules judge group shapes rather than raw regex
 * matches. A run never starts inside a word or number (`H5N1`, `COVID-19`, `98.6`, `24/7`) and never
 * takes a group glued to letters or `%` (`500mg`, `12.5%`).
 */

export interface DigitGroup {
  /** Offset of the first digit (or of `(` when the group is parenthesised). */
  readonly start: number
  /** Offset after the last digit (or after `)`). */
  readonly end: number
  readonly digits: string
  readonly paren: boolean
  /** Separator text before this group (`''` for the first group or none). */
  readonly sep: string
}

export interface DigitRun {
  /** Offset of a leading `+`, or -1. */
  readonly plus: number
  readonly groups: readonly DigitGroup[]
}

const MAX_GROUPS = 12
const MAX_GROUP_DIGITS = 19

const isDigit = (c: number): boolean => c >= 48 && c <= 57
/** Space, no-break space, `.`, `-`, `/`, en dash. */
const isSep = (c: number): boolean =>
  c === 32 || c === 0xa0 || c === 46 || c === 45 || c === 47 || c === 0x2013
const LETTER = /[\p{L}%]/u

function gluedToLetter(text: string, at: number): boolean {
  const ch = text[at]
  return ch !== undefined && LETTER.test(ch)
}

/** Reads one group at `i` (digits, or `(digits)`); returns undefined when there is none. */
function readGroup(text: string, i: number, sep: string): DigitGroup | undefined {
  let j = i
  const paren = text.charCodeAt(j) === 40
  if (paren) j++
  const digitStart = j
  while (j < text.length && isDigit(text.charCodeAt(j)) && j - digitStart < MAX_GROUP_DIGITS) j++
  if (j === digitStart) return undefined
  if (j < text.length && isDigit(text.charCodeAt(j))) return undefined
  const digits = text.slice(digitStart, j)
  if (paren) {
    if (text.charCodeAt(j) !== 41) return undefined
    j++
  } else if (gluedToLetter(text, j)) return undefined
  return { start: i, end: j, digits, paren, sep }
}

/** Parses the run starting at `i` (a `+`, `(` or digit). */
export function readDigitRun(text: string, i: number): DigitRun | undefined {
  let plus = -1
  let at = i
  if (text.charCodeAt(at) === 43) {
    plus = at
    at++
    if (text.charCodeAt(at) === 32) at++
  }
  const groups: DigitGroup[] = []
  let sep = ''
  while (groups.length < MAX_GROUPS) {
    const g = readGroup(text, at, sep)
    if (!g) break
    // After a space, a number followed by `/digit` is a ratio or a schedule (`24/7`, `1/2`), not
    // more of the phone number before it: the run ends there.
    if (
      groups.length > 0 &&
      sep.trim() === '' &&
      text.charCodeAt(g.end) === 47 &&
      isDigit(text.charCodeAt(g.end + 1))
    ) {
      break
    }
    groups.push(g)
    // Separator: one of [space . - / –], or ` - `, or nothing next to a parenthesis. A sentence
    // break (`. `, `, `) ends the run.
    let j = g.end
    const c0 = text.charCodeAt(j)
    if (isSep(c0)) {
      j++
      if (
        c0 === 32 &&
        (text.charCodeAt(j) === 45 || text.charCodeAt(j) === 0x2013) &&
        text.charCodeAt(j + 1) === 32
      )
        j += 2
    }
    const next = text.charCodeAt(j)
    if (j === g.end && !(next === 40 || g.paren)) break
    if (!(isDigit(next) || next === 40)) break
    sep = text.slice(g.end, j)
    at = j
  }
  if (groups.length === 0) return undefined
  return { plus, groups }
}

/** Iterates runs in `text`: each starts at a `+`, `(` or digit not preceded by a word, number or joiner. */
export function* digitRuns(text: string): Generator<DigitRun> {
  const start = /(?<![\p{L}\p{N}_.,/+\-–'’])(?:\+ ?|\(?)\d/gu
  let m = start.exec(text)
  while (m !== null) {
    const run = readDigitRun(text, m.index)
    if (run) {
      yield run
      const last = run.groups[run.groups.length - 1]
      start.lastIndex = Math.max(start.lastIndex, last ? last.end : m.index + 1)
    }
    m = start.exec(text)
  }
}

/** Digits of groups `from`…`to` (inclusive). */
export function joinDigits(groups: readonly DigitGroup[], from: number, to: number): string {
  let s = ''
  for (let k = from; k <= to; k++) s += groups[k]?.digits ?? ''
  return s
}
