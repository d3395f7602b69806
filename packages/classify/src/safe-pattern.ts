/**
 * Compiles a catalog regular expression, refusing what could hang the event loop: JavaScript
 * regexes backtrack, so a user pattern such as `(a+)+$` on a long post is a denial of service.
 * Refused: invalid syntax, over 500 characters, backreferences, and a quantified group that
 * itself contains a quantifier (nested quantifiers, the usual catastrophic-backtracking shape).
 */
export type PatternResult = { ok: true; regex: RegExp } | { ok: false; reason: string }

export const MAX_PATTERN_CHARS = 500

export function compileSafePattern(source: string): PatternResult {
  if (source.length === 0) return { ok: false, reason: 'empty pattern' }
  if (source.length > MAX_PATTERN_CHARS)
    return { ok: false, reason: `longer than ${MAX_PATTERN_CHARS} characters` }
  let regex: RegExp
  try {
    regex = new RegExp(source, 'iu')
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) }
  }
  const unsafe = unsafeShape(source)
  if (unsafe !== undefined) return { ok: false, reason: unsafe }
  return { ok: true, regex }
}

/** Scans the pattern's group structure for backreferences and nested quantifiers. */
function unsafeShape(source: string): string | undefined {
  // For each open group: whether something inside it is quantified.
  const stack: boolean[] = []
  let inClass = false
  let lastGroupHadQuantifier = false
  let prevWasGroupEnd = false
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string
    if (c === '\\') {
      const next = source[i + 1] ?? ''
      if (!inClass && (/[1-9]/.test(next) || next === 'k')) return 'backreferences are not allowed'
      i++
      prevWasGroupEnd = false
      continue
    }
    if (inClass) {
      if (c === ']') inClass = false
      continue
    }
    const quantifier =
      c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i)))
    if (quantifier) {
      const unbounded = c === '*' || c === '+' || (c === '{' && /^\{\d+,\}/.test(source.slice(i)))
      const lazyOrOptionalMarker = c === '?' && i > 0 && /[*+?}]/.test(source[i - 1] as string)
      if (prevWasGroupEnd && lastGroupHadQuantifier && unbounded) {
        return 'nested quantifiers (a quantified group containing a quantifier) are not allowed'
      }
      if (!lazyOrOptionalMarker && unbounded && stack.length > 0) stack[stack.length - 1] = true
      if (c === '{') i = source.indexOf('}', i)
      prevWasGroupEnd = false
      continue
    }
    prevWasGroupEnd = false
    if (c === '[') inClass = true
    else if (c === '(') stack.push(false)
    else if (c === ')') {
      const had = stack.pop() ?? false
      lastGroupHadQuantifier = had
      if (had && stack.length > 0) stack[stack.length - 1] = true
      prevWasGroupEnd = true
    }
  }
  return undefined
}

/**
 * The same regex with a leading `\b` written as `(?<!\w)` when the pattern must go on with a word
 * character there (a literal letter, digit or `_`, or a group whose every alternative starts with
 * one). There the two mean the same, but under the `iu` flags V8 compiles `\b` into a two-sided
 * lookaround that defeats its fast scan for the pattern's first letters: catalog patterns such as
 * `\b(?:vaccin\w*|jabs?)…` run several times faster. Any other regex is returned unchanged.
 */
export function withFastLeadingBoundary(regex: RegExp): RegExp {
  const { source, flags } = regex
  if (!source.startsWith('\\b') || !opensWithWordChar(source.slice(2))) return regex
  return new RegExp(`(?<!\\w)${source.slice(2)}`, flags)
}

/** A literal word character that is not optional (`a?`, `a*`, `a{0,2}` may match nothing). */
const WORD_CHAR_FIRST = /^[a-z0-9_](?![?*]|\{0+[,}])/i

/** True when every match of `source` (a valid `u`-mode pattern) begins with a word character. */
function opensWithWordChar(source: string): boolean {
  if (WORD_CHAR_FIRST.test(source)) return true
  if (!source.startsWith('(?:')) return false
  const alternatives: string[] = []
  let depth = 0
  let from = 3
  for (let i = 3; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') i++
    else if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++
    } else if (c === '(') depth++
    else if (c === '|' && depth === 0) {
      alternatives.push(source.slice(from, i))
      from = i + 1
    } else if (c === ')' && depth-- === 0) {
      alternatives.push(source.slice(from, i))
      const optional = /^(?:[?*]|\{0+[,}])/.test(source.slice(i + 1))
      return !optional && alternatives.every((a) => WORD_CHAR_FIRST.test(a))
    }
  }
  return false
}
