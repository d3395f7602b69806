import type { SignalKey, Watchlist } from '@pulse/core'

/**
 * Whether the watchlist suppresses alerts for this key at this time: planned campaigns and known
 * events. A suppression's `match` is a hashtag (`#tag`), or a topic/claim/term value.
 */
export function isSuppressed(suppressions: Watchlist['suppressions'], key: SignalKey, atMs: number): boolean {
  const value = key.value.toLowerCase()
  return suppressions.some((s) => {
    const m = s.match.toLowerCase()
    const hit = m.startsWith('#') ? key.dimension === 'hashtag' && m.slice(1) === value : m === value
    if (!hit) return false
    if (s.from && atMs < Date.parse(s.from)) return false
    if (s.until && atMs > Date.parse(s.until)) return false
    return true
  })
}
