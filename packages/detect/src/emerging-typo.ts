/**
 * Misspellings of common words. A typo of a frequent word ("heatlh" for "health") is rare in the
 * background, so a few people making the same slip in one hour look like a brand-new term. It is not
 * news: its posts are ordinary posts about the word it misspells.
 */

/** Only plain words and phrases are checked: hashtags, numbers and codes are deliberate spellings. */
const PLAIN = /^[\p{L}' ]+$/u
/** Below this length, one edit turns many real words into other real words ("flu" → "flue"). */
const MIN_LENGTH = 5
/** At most this many variants are generated per term (a long phrase has thousands). */
const MAX_VARIANTS = 4_000

/**
 * Spellings one edit away (deletion, adjacent transposition, substitution or insertion of a letter
 * of `alphabet` or of the term itself), excluding the term. Empty for terms that are not plain
 * words or phrases of at least `MIN_LENGTH` characters.
 */
export function editVariants(term: string, alphabet = 'abcdefghijklmnopqrstuvwxyz'): string[] {
  if (term.length < MIN_LENGTH || term.length > 60 || !PLAIN.test(term)) return []
  const letters = [...new Set([...alphabet, ...term.replace(/[ ']/g, '')])]
  const chars = [...term]
  const out = new Set<string>()
  const join = (xs: readonly string[]): void => {
    if (out.size < MAX_VARIANTS) out.add(xs.join(''))
  }
  for (let i = 0; i < chars.length; i++) {
    join([...chars.slice(0, i), ...chars.slice(i + 1)])
    if (i + 1 < chars.length)
      join([...chars.slice(0, i), chars[i + 1] ?? '', chars[i] ?? '', ...chars.slice(i + 2)])
  }
  for (let i = 0; i <= chars.length; i++) {
    for (const l of letters) {
      if (i < chars.length && chars[i] !== ' ') join([...chars.slice(0, i), l, ...chars.slice(i + 1)])
      join([...chars.slice(0, i), l, ...chars.slice(i)])
    }
  }
  out.delete(term)
  // A variant must still be a word or phrase: no leading, trailing or doubled spaces.
  return [...out].filter((v) => v.trim() === v && !v.includes('  ') && v.length >= MIN_LENGTH - 1)
}

/**
 * Whether `term` reads as a misspelling: some spelling one edit away had at least `ratio` times
 * its voices in the same window (`voicesOf` gives a spelling's voices, observed or expected).
 */
export function isLikelyMisspelling(
  term: string,
  observed: number,
  voicesOf: (spelling: string) => number,
  ratio = 5,
): boolean {
  if (observed <= 0) return false
  for (const v of editVariants(term)) if (voicesOf(v) >= ratio * observed) return true
  return false
}
