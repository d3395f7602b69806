import type { SeriesDetectorOptions } from '@pulse/anomaly'
import type { Clock, EnrichedMention, Signal, Watchlist } from '@pulse/core'
import type { EmergingOptions } from './emerging-types.ts'

export interface DetectorOptions {
  readonly watchlist: Watchlist
  /** Bucket width. Default 5 minutes. */
  readonly bucketMs?: number
  /** How long to wait for late events before a bucket closes (event time). Default 2 minutes. */
  readonly latenessMs?: number
  /** Expected false alarms per simulated day across all keys (family-wise, Bonferroni). Default 0.5. */
  readonly falseAlarmsPerDay?: number
  /**
   * A spike needs at least this many posts and distinct authors in the hour. Defaults 5 and 3. A
   * place series (a topic in one city) needs only the distinct authors: its baseline is near zero,
   * so a cluster there is a handful of people, and the family-wise tail test already asks for them
   * to be far beyond chance.
   */
  readonly minCount?: number
  readonly minAuthors?: number
  /** Buckets back to normal (p above `stayOpenPValue`) before a signal resolves (hysteresis). Default 6. */
  readonly calmBuckets?: number
  /** While a signal is open, a bucket this unusual still counts as part of the episode. Default 0.01. */
  readonly stayOpenPValue?: number
  /** After a signal resolves, its key does not open a new one for this long. Default 6 hours. */
  readonly cooldownMs?: number
  /** Buckets of series kept as evidence. Default 36 (3 h at 5 min). */
  readonly historyBuckets?: number
  /** Keys with no data for this long are forgotten (unless a signal is open). Default 3 days. */
  readonly idleExpiryMs?: number
  readonly maxKeys?: number
  readonly series?: SeriesDetectorOptions
  /**
   * Wall clock: a post dated more than `maxFutureMs` (default 15 minutes) ahead of it is left out of
   * detection (clock skew or a bogus date must not fast-forward event time past every bucket).
   */
  readonly clock?: Clock
  readonly maxFutureMs?: number
  /** Options for new-term detection (`false` turns it off). */
  readonly emerging?: EmergingOptions | false
  /** Human label for a key value (claim text, topic label). */
  readonly labelOf?: (dimension: string, value: string) => string
  /** Topics also tracked per city (symptom clusters); default none. */
  readonly placeTopics?: readonly string[]
}

export interface Detector {
  /**
   * Adds mentions (any order within the lateness bound) and returns the signal changes they caused.
   * Buckets close when the latest event time seen, less the lateness, passes their end; with
   * `reached`, no further than `reached` less the lateness: the event time every input partition
   * has got to, when mentions come from several partitions read side by side.
   */
  ingest(mentions: readonly EnrichedMention[], reached?: number): Signal[]
  /** Closes every open bucket (end of a replay) and returns the resulting signal changes. */
  flush(): Signal[]
  /**
   * Live mode: closes buckets by the wall clock when no new events arrive, so a quiet stream still
   * gets its signals on time. Ignored while the stream's event time is far from `nowMs` (replays).
   */
  tick(nowMs: number): Signal[]
  /** The open signals (episodes) and their last revision. */
  openSignals(): { id: string; revision: number }[]
  /**
   * Continues each open signal's revisions after the one stored for it (by id): a detector rebuilt
   * from stored history after a restart then never reuses a revision number already published.
   */
  continueRevisions(stored: ReadonlyMap<string, number>): void
  readonly stats: { keys: number; buckets: number; openSignals: number; watermark: number; future: number }
}
