import { readFileSync } from 'node:fs'
import { PulseError, parseConfig, type Watchlist, watchlistSchema } from '@pulse/core'

/** Reads and validates a watchlist JSON file; errors name the file and every bad field. */
export function loadWatchlist(path: string): Watchlist {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw new PulseError(
      'CONFIG_INVALID',
      `watchlist ${path}: ${err instanceof Error ? err.message : String(err)}`,
      {
        cause: err,
      },
    )
  }
  return parseConfig(watchlistSchema, raw, `watchlist ${path}`)
}
