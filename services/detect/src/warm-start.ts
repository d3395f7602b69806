import type { Logger, Signal } from '@pulse/core'
import { DEFAULT_BUCKET_MS, DEFAULT_LATENESS_MS, type Detector } from '@pulse/detect'
import type { Store } from '@pulse/store'

const HOUR = 3_600_000

/** What a warm start replayed: the ids to skip when the bus delivers them again, up to `until`. */
export interface WarmStart {
  readonly replayed: number
  /** Event time (ms) of the newest stored mention replayed. */
  readonly until: number
  /** Ids replayed: the bus may deliver them again (offsets not committed before the restart). */
  readonly ids: Set<string>
  /**
   * Closing revisions for signals the store still has open but the rebuilt detector does not:
   * their story ended while the service was down, or began before the replayed hours.
   */
  readonly closed: Signal[]
  readonly ms: number
}

/**
 * Rebuilds the detector's state from the mentions the sink has stored: the last `hours` before the
 * newest one, oldest first, an hour at a time, with the signals it would emit discarded (they were
 * published when those mentions first came through). Without it a restarted detect service would
 * relearn every baseline from the live stream and stay silent through its day of warm-up. Open
 * signals then continue after the revisions already stored for them; stored open signals the
 * replay did not re-create, within the hours it covered, get a closing revision.
 */
export async function warmStart(options: {
  readonly store: Store
  readonly detector: Detector
  readonly hours: number
  readonly logger: Logger
  readonly now?: () => number
}): Promise<WarmStart | undefined> {
  const { store, detector, hours } = options
  const now = options.now ?? Date.now
  const started = now()
  const [newest] = await store.queryRows<{ n: string | number; ms: string | number }>(
    'SELECT count() AS n, toUnixTimestamp64Milli(max(created_at)) AS ms FROM mentions',
  )
  if (newest === undefined || Number(newest.n) === 0) return undefined
  const until = Number(newest.ms)
  const ids = new Set<string>()
  let replayed = 0
  for (let from = until - hours * HOUR; from <= until; from += HOUR) {
    const page = await store.readMentions({ fromMs: from, toMs: Math.min(from + HOUR, until + 1) })
    detector.ingest(page)
    for (const m of page) ids.add(m.id)
    replayed += page.length
  }
  const open = detector.openSignals()
  const closed = closingRevisions(await store.openSignals(), new Set(open.map((s) => s.id)), until)
  if (open.length > 0) {
    const stored = await store.queryRows<{ id: string; revision: string | number }>(
      'SELECT id, max(revision) AS revision FROM signals WHERE id IN {ids:Array(String)} GROUP BY id',
      { ids: open.map((s) => s.id) },
    )
    detector.continueRevisions(new Map(stored.map((r) => [r.id, Number(r.revision)])))
  }
  const ms = now() - started
  options.logger.info(
    {
      replayed,
      hours,
      until: new Date(until).toISOString(),
      openSignals: open.length,
      closed: closed.length,
      ms,
    },
    'detector rebuilt from stored mentions',
  )
  return { replayed, until, ids, closed, ms }
}

/** Resolved revisions of `stored` signals not in `open` whose last bucket the replay closed. */
function closingRevisions(stored: readonly Signal[], open: ReadonlySet<string>, until: number): Signal[] {
  const covered = until - DEFAULT_BUCKET_MS - DEFAULT_LATENESS_MS
  return stored
    .filter((s) => !open.has(s.id) && Date.parse(s.bucketStart) < covered)
    .map((s) => ({
      ...s,
      revision: s.revision + 1,
      state: 'resolved' as const,
      updatedAt: new Date(until).toISOString(),
      summary: `${s.summary} Closed when the detect service restarted: rebuilt from the stored mentions, it finds this calm.`,
    }))
}
