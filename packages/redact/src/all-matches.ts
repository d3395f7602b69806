/**
 * Every match of a global regex in `text`, in order: what `text.matchAll(re)` yields, without its
 * cost. `matchAll` clones the regex through the RegExp constructor on every call, and for the long
 * detector patterns that clone costs more than the scan itself (about a microsecond per call).
 *
 * Scans with `re.lastIndex` (reset to 0 first, left at 0 after), so one regex must not be scanned
 * by two callers at once; every detector runs its scan to the end before using the matches.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global regex: ${re}`)
  const out: RegExpExecArray[] = []
  re.lastIndex = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m)
    // As matchAll does: step over an empty match (by a whole code point in unicode mode).
    if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode)
  }
  return out
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1
  const high = text.charCodeAt(index)
  const low = text.charCodeAt(index + 1)
  const pair = high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff
  return index + (pair ? 2 : 1)
}
