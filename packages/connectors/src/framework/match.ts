import type { Mention } from '@pulse/core'

/** What a connector listens for; empty lists everywhere means "everything". */
export interface WatchTerms {
  readonly terms?: readonly string[]
  readonly hashtags?: readonly string[]
  readonly handles?: readonly string[]
}

const norm = (s: string): string => s.normalize('NFKC').toLowerCase()
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Builds a predicate for firehose sources: a mention matches when its text contains a tracked term
 * (case-insensitive, on word boundaries; a multi-word term is a phrase), carries a tracked hashtag,
 * or is by / mentions a tracked handle. Returns null when nothing is tracked (keep everything).
 */
export function createMatcher(watch: WatchTerms): ((m: Mention) => boolean) | null {
  const terms = (watch.terms ?? []).map(norm).filter((t) => t.trim() !== '')
  const tags = new Set((watch.hashtags ?? []).map((h) => norm(h).replace(/^#/, '')))
  const handles = new Set((watch.handles ?? []).map((h) => norm(h).replace(/^@/, '')))
  if (terms.length === 0 && tags.size === 0 && handles.size === 0) return null
  const re =
    terms.length === 0
      ? null
      : new RegExp(
          `(?<![\\p{L}\\p{N}_])(?:${terms.map((t) => escapeRe(t).replace(/\s+/g, '\\s+')).join('|')})(?![\\p{L}\\p{N}_])`,
          'u',
        )
  return (m) => {
    if (re?.test(norm(m.text)) || (m.title != null && re?.test(norm(m.title)))) return true
    if (m.hashtags.some((h) => tags.has(h))) return true
    const own = [m.author.handle, m.author.id].flatMap((h) => (h == null ? [] : [norm(h)]))
    return own.some((h) => handles.has(h)) || m.mentions.some((h) => handles.has(h))
  }
}
