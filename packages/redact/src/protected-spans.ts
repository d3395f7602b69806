import { allMatches } from './all-matches.ts'
import { type Candidate, PRIORITY } from './types.ts'

/**
 * Spans that are never redacted by number or address rules: ordinary URLs, hashtags (`#H5N1`,
 * `#COVID19`) and @handles (`@NHS111`, `@user@mastodon.social`). An email or IP address inside a URL
 * (`mailto:`, `http://10.0.0.5/`) is still redacted, and so are a person's handle named after a cue
 * and an identifier named by its label (`MRN #A1234567`).
 */

const PROTECTED =
  /\b(?:https?:\/\/|www\.)[^\s<>"'“”]+|(?<![\p{L}\p{N}_&/])#(?=[\p{N}_]*\p{L})[\p{L}\p{N}_]+|(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}_]+(?:@[\p{L}\p{N}.-]+\.\p{L}+)?/giu

const HINT = /[#@]|https?:|www\./i

interface Span {
  readonly start: number
  readonly end: number
  readonly kind: 'url' | 'tag'
}

export function protectedSpans(text: string): Span[] {
  if (!HINT.test(text)) return []
  const spans: Span[] = []
  for (const m of allMatches(PROTECTED, text)) {
    const v = m[0]
    const url = v.charCodeAt(0) !== 35 && v.charCodeAt(0) !== 64
    // Trailing sentence punctuation is not part of a URL.
    const end = m.index + (url ? v.replace(/[.,;:!?)\]]+$/, '').length : v.length)
    spans.push({ start: m.index, end, kind: url ? 'url' : 'tag' })
  }
  return spans
}

/** Drops candidates that start inside a protected span, with the exceptions above. */
export function dropProtected(text: string, candidates: readonly Candidate[]): Candidate[] {
  const spans = protectedSpans(text)
  if (spans.length === 0) return [...candidates]
  return candidates.filter((c) => {
    for (const s of spans) {
      if (c.start < s.start || c.start >= s.end) continue
      if (s.kind === 'url' && (c.kind === 'EMAIL' || c.kind === 'IP')) return true
      if (s.kind === 'tag' && c.kind === 'NAME' && c.start === s.start) return true
      if (s.kind === 'tag' && c.priority === PRIORITY.context) return true
      return false
    }
    return true
  })
}
