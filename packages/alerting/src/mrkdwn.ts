/**
 * Safe text for Slack. Everything derived from public posts (titles, terms, sample texts, keys)
 * passes through here so it can never ping (`<!channel>`, `<@U1>`, `@here`), link to a channel or
 * user group, or show a spoofed link (`<http://evil|trusted>`).
 */

// C0/C1 controls except tab and newline, and bidi overrides/isolates that can reorder what is shown.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const UNSAFE_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g
const BROADCAST_WORDS = /@(channel|here|everyone)\b/giu
const WORD_JOINER = '\u2060'

/** Removes control characters (ANSI escapes included) and bidi overrides; keeps tab and newline. */
export function stripUnsafe(text: string): string {
  return text.replace(UNSAFE_CHARS, '')
}

function neutraliseBroadcasts(text: string): string {
  return text.replace(BROADCAST_WORDS, `@${WORD_JOINER}$1`)
}

/**
 * Escapes user text for mrkdwn: `&`, `<`, `>` become entities (Slack's control characters, so no
 * mention, channel link, date token or `<url|label>` link can form), bare `@channel`/`@here`/
 * `@everyone` get a word joiner, and control and bidi-override characters are removed.
 */
export function escapeMrkdwn(text: string): string {
  const cleaned = text.replace(UNSAFE_CHARS, '')
  const escaped = cleaned.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return neutraliseBroadcasts(escaped)
}

/**
 * Makes user text safe for `plain_text` objects (headers, button labels), which Slack does not
 * parse: angle brackets become look-alike guillemets so nothing resembling `<!here>` survives.
 */
export function safePlainText(text: string): string {
  return neutraliseBroadcasts(text.replace(UNSAFE_CHARS, '').replace(/</g, '‹').replace(/>/g, '›'))
}

/** Collapses runs of whitespace (including newlines) to one space and trims. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/**
 * Shortens already-formatted mrkdwn to at most `max` characters (ellipsis included), never cutting
 * inside an entity (`&amp;`), inside a `<…>` token Pulse wrote itself, or between the two halves
 * of a surrogate pair.
 */
export function truncateMrkdwn(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text
  if (max <= ellipsis.length) return ellipsis.slice(0, Math.max(0, max))
  let cut = max - ellipsis.length
  const amp = text.lastIndexOf('&', cut - 1)
  if (amp >= 0 && cut - amp < 6) {
    const semi = text.indexOf(';', amp)
    if (semi === -1 || semi >= cut) cut = amp
  }
  const lt = text.lastIndexOf('<', cut - 1)
  if (lt >= 0) {
    const gt = text.indexOf('>', lt)
    if (gt === -1 || gt >= cut) cut = lt
  }
  if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1
  return text.slice(0, cut) + ellipsis
}

/** Shortens plain text to `max` characters without splitting a surrogate pair. */
export function truncatePlain(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text
  if (max <= ellipsis.length) return ellipsis.slice(0, Math.max(0, max))
  let cut = max - ellipsis.length
  if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1
  return text.slice(0, cut) + ellipsis
}

/** Escapes user text and fits it into `max` characters. */
export function userText(text: string, max: number): string {
  return truncateMrkdwn(escapeMrkdwn(text), max)
}

/** A mrkdwn link Pulse writes itself: the URL's control characters are percent-encoded. */
export function mrkdwnLink(url: string, escapedLabel: string): string {
  const safe = url
    .replace(/\|/g, '%7C')
    .replace(/</g, '%3C')
    .replace(/>/g, '%3E')
    .replace(/\s/g, '%20')
    .replace(/&/g, '&amp;')
  return `<${safe}|${escapedLabel}>`
}
