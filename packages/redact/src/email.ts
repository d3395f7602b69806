import { allMatches } from './all-matches.ts'
import { type Candidate, PRIORITY } from './types.ts'

/**
 * Email addresses, including plus-tags, subdomains, unicode and obfuscated forms
 * (`jane [at] example [dot] com`, `jane at gmail dot com`). A fediverse handle
 * (`@user@mastodon.social`) is a public handle, not an email, and is left alone.
 */

const EMAIL =
  /(?<![\p{L}\p{N}._%+\-@'’])[\p{L}\p{N}_%+\-'’]{1,64}(?:\.[\p{L}\p{N}_%+\-'’]{1,64}){0,8}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,8}\p{L}{2,24}(?![\p{L}\p{N}-]|\.[\p{L}\p{N}])/gu

const OBFUSCATED =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-]{1,64}(?:(?:\.|\s(?:dot|DOT)\s)[\p{L}\p{N}_%+-]{1,64}){0,8}\s*(?:[[({<]\s*at\s*[\])}>]|\s(?:at|AT)\s)\s*[\p{L}\p{N}-]{1,63}(?:\s*(?:[[({<]\s*dot\s*[\])}>]|\s(?:dot|DOT)\s|\.)\s*[\p{L}\p{N}-]{1,63}){0,4}\s*(?:[[({<]\s*dot\s*[\])}>]|\s(?:dot|DOT)\s)\s*\p{L}{2,24}(?![\p{L}\p{N}])/gu

/** A bracketed "at" or "dot", or a spelled-out " dot ": any obfuscated address has one. */
const OBFUSCATION_HINT = /[[({<]\s*(?:at|dot)\s*[\])}>]|\sdot\s/i
/** A bracket or "dot": what the hint needs, found faster than the hint itself. */
const MAYBE_OBFUSCATED = /[[({<]|dot/i

export function detectEmails(text: string, out: Candidate[]): void {
  if (text.includes('@')) {
    for (const m of allMatches(EMAIL, text)) {
      out.push({ kind: 'EMAIL', start: m.index, end: m.index + m[0].length, priority: PRIORITY.shape })
    }
  }
  if (MAYBE_OBFUSCATED.test(text) && OBFUSCATION_HINT.test(text)) {
    for (const m of allMatches(OBFUSCATED, text)) {
      out.push({ kind: 'EMAIL', start: m.index, end: m.index + m[0].length, priority: PRIORITY.shape })
    }
  }
}
