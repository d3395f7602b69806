/**
 * Text helpers for emerging-term detection: which terms are worth tracking, the near-duplicate
 * signature of a post, and the symptom co-occurrence keys ("fever + rash") a post adds.
 */

/**
 * Symptoms whose co-occurrence in one post is tracked as its own term (`fever + rash`), so a new
 * combination is noticed even when each symptom alone is common.
 */
export const DEFAULT_SYMPTOMS: readonly string[] = [
  // In the form `extractTerms` writes them: lowercase, singular ("blisters" → "blister").
  ...['fever', 'rash', 'cough', 'vomiting', 'diarrhea', 'headache', 'sore throat', 'chill', 'fatigue'],
  ...['nausea', 'blister', 'itching', 'itchy', 'swelling', 'seizure', 'stiff neck', 'chest pain', 'bleeding'],
  ...['jaundice', 'pink eye', 'hives', 'dizziness', 'numbness', 'paralysis', 'confusion'],
  ...['lesion', 'joint pain', 'body ache', 'muscle ache', 'red eye', 'swollen', 'lump'],
]

/** Separator of the two symptoms in a co-occurrence term. */
export const PAIR_SEPARATOR = ' + '

const FILLER = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'at',
  'is',
  'it',
  'be',
  'for',
  'with',
  'this',
  'that',
  'i',
  'im',
  'me',
  'my',
  'you',
  'we',
  'so',
  'lol',
  'rt',
  'amp',
  'via',
])

const NUMERIC = /^#?[\d\s.,:;%$€£/+-]*$/u
const LETTER = /\p{L}/u

/**
 * Whether a term is worth testing: not empty, not a number, date, price or time, and not a
 * filler word (`extractTerms` drops most of these already; hostile or older input may not).
 */
export function isTrackableTerm(term: string): boolean {
  if (term.length < 2 || term.length > 140) return false
  if (NUMERIC.test(term) || !LETTER.test(term)) return false
  return !FILLER.has(term)
}

const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/gu
const HANDLE = /(^|\s)@[\w.-]+/gu
const RETWEET = /^\s*rt\b[^:]{0,80}:\s*/u
/**
 * Runs of whitespace to collapse into one space: every run but a lone space (same result as
 * replacing every `\s+`, without building a new string for text already single-spaced).
 */
const SPACE = /\s{2,}|[^\S ]/gu
const TRAILING = /[\s.!?…]+$/u
/** Anything but printable ASCII and common whitespace (those have no decomposition and no marks). */
const BEYOND_ASCII = /[^\t\n\r -~]/u

/**
 * The duplicate signature of a post: lowercased and accent-folded, without links, @handles, a
 * retweet prefix and trailing punctuation, spaces collapsed. Reposts and copy-paste share it; two
 * people writing the same short line usually still differ in a word, an emoji or a typo.
 */
export function textSignature(text: string): string {
  const head = text.slice(0, 2_000)
  // Plain ASCII has no decompositions and no combining marks: skip the costly fold for most posts.
  return (BEYOND_ASCII.test(head) ? head.normalize('NFKD').replace(/\p{M}+/gu, '') : head)
    .toLowerCase()
    .replace(RETWEET, '')
    .replace(URL, ' ')
    .replace(HANDLE, ' ')
    .replace(SPACE, ' ')
    .replace(TRAILING, '')
    .trim()
}

/**
 * The co-occurrence terms of a post: each pair of distinct lexicon symptoms it mentions, in
 * alphabetical order. At most `maxSymptoms` symptoms per post are paired, so the work stays
 * proportional to the post's terms.
 */
export function cooccurrenceTerms(
  terms: readonly string[],
  lexicon: ReadonlySet<string>,
  maxSymptoms = 4,
): string[] {
  if (lexicon.size === 0) return []
  const found: string[] = []
  for (const t of terms) {
    if (found.length >= maxSymptoms) break
    if (lexicon.has(t) && !found.includes(t)) found.push(t)
  }
  if (found.length < 2) return []
  found.sort()
  const out: string[] = []
  for (let i = 0; i < found.length; i++) {
    for (let j = i + 1; j < found.length; j++) {
      const a = found[i] ?? ''
      const b = found[j] ?? ''
      // "sore throat" already says "throat": a phrase and its own word are not a combination.
      if (!a.includes(b) && !b.includes(a)) out.push(`${a}${PAIR_SEPARATOR}${b}`)
    }
  }
  return out
}
