/**
 * Evidence for an emerging-term hit, from the recent posts the detector keeps for one window:
 * sample texts (distinct, most-followed authors first) and the terms that travel with it.
 */

/** A recent post as the detector remembers it for evidence (text and terms are the caller's). */
export interface RecentPost {
  readonly id: string
  readonly idx: number
  readonly text: string
  readonly signature: string
  readonly followers: number
  readonly terms: readonly string[]
}

export const MAX_SAMPLES = 3
export const MAX_CO_TERMS = 5

/** Up to three samples with distinct normalised texts, the most-followed authors first. */
export function samplesOf(posts: readonly RecentPost[]): Array<{ id: string; text: string }> {
  const ranked = [...posts].sort((a, b) => b.followers - a.followers)
  const seen = new Set<string>()
  const out: Array<{ id: string; text: string }> = []
  for (const p of ranked) {
    if (out.length >= MAX_SAMPLES) break
    if (seen.has(p.signature)) continue
    seen.add(p.signature)
    out.push({ id: p.id, text: p.text })
  }
  return out
}

/** The words of a term: `#Tag` → [tag], `sore throat` → [sore, throat], `fever + rash` → [fever, rash]. */
const wordsOf = (term: string): string[] => term.replace(/^#/, '').split(/\s+\+\s+|\s+/)

/**
 * The terms most often written together with `term` (once per distinct text, so copy-paste does
 * not decide them), excluding the term itself and its own words; among equal counts the rarer
 * background term first (a place or a second symptom says more than "anyone").
 */
export function coTermsOf(
  term: string,
  posts: readonly RecentPost[],
  backgroundShare: (term: string) => number = () => 0,
): Array<{ value: string; count: number }> {
  const counts = new Map<string, number>()
  const texts = new Set<string>()
  const own = new Set(wordsOf(term))
  for (const p of posts) {
    if (texts.has(p.signature)) continue
    texts.add(p.signature)
    for (const t of new Set(p.terms)) {
      const words = wordsOf(t)
      if (words.every((w) => own.has(w)) || [...own].every((w) => words.includes(w))) continue
      counts.set(t, (counts.get(t) ?? 0) + 1)
    }
  }
  const share = new Map([...counts.keys()].map((t) => [t, backgroundShare(t)]))
  return [...counts]
    .sort(
      (a, b) => b[1] - a[1] || (share.get(a[0]) ?? 0) - (share.get(b[0]) ?? 0) || a[0].localeCompare(b[0]),
    )
    .slice(0, MAX_CO_TERMS)
    .map(([value, count]) => ({ value, count }))
}
