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
