import { LIMITS } from '@pulse/core'

/**
 * Hashtags and @handles written in a post's text, for sources that do not list them (a replayed
 * file, a review, an RSS item) or list only some. A tag starts where no word character precedes
 * it (so `C#`, `issue#12` and an e-mail's `@` are not tags); handles may carry dots and dashes
 * (`@stmaryshealth.bsky.social`) and a Mastodon instance (`@jane@mastodon.social`).
 */
const HASHTAG = /(?<![\p{L}\p{N}_&#])#([\p{L}\p{N}_][\p{L}\p{N}\p{M}_]*)/gu
const HANDLE =
  /(?<![\p{L}\p{N}_.@])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?)/gu

function collect(
  given: readonly string[],
  text: string,
  marker: '#' | '@',
  pattern: RegExp,
  cap: number,
): string[] {
  if (!text.includes(marker)) return given as string[]
  const out = new Set(given)
  // exec on the module's own regex (no copy per call, as matchAll makes); reset before each use.
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (out.size >= cap) break
    const tag = (m[1] as string).toLowerCase()
    // A hashtag of digits only ("#1") is a number, not a tag.
    if (tag.length <= LIMITS.maxTagChars && !/^\d+$/.test(tag)) out.add(tag)
  }
  return out.size === given.length ? (given as string[]) : [...out]
}

/** The post's hashtags: those given, then those in the text (lowercase, without `#`, once each). */
export function hashtagsOf(given: readonly string[], text: string): string[] {
  return collect(given, text, '#', HASHTAG, LIMITS.maxHashtags)
}

/** The post's mentioned handles: those given, then those in the text (lowercase, without `@`). */
export function handlesOf(given: readonly string[], text: string): string[] {
  return collect(given, text, '@', HANDLE, LIMITS.maxMentions)
}
