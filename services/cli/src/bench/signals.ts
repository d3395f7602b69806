import { type EnrichedMention, type Mention, mentionSchema, type Signal, systemClock } from '@pulse/core'
import { createEnricher } from '@pulse/enrich'
import { loadWatchlist } from '@pulse/runtime'
import { generateSampleStream, type SampleEvent, sampleEvents } from '@pulse/sample'
import { buildDetector } from '@pulse/service-detect'
import { DEFAULT_WATCHLIST } from '../paths.ts'
import type { Benchmark } from './index.ts'

const BUCKET_MS = 5 * 60_000

export interface EventOutcome {
  readonly event: SampleEvent
  /** Signals opened during the event (not PHI exposures, which are per-post and counted apart). */
  readonly signals: readonly Signal[]
  /** Buckets from the event's onset to the first of them (null: not detected). */
  readonly delayBuckets: number | null
  readonly kindMatches: boolean
}

export interface SignalEvaluation {
  readonly events: readonly EventOutcome[]
  readonly unrelated: readonly Signal[]
  readonly phiExposures: number
  readonly days: number
  readonly mentions: number
}

/** The bundled sample's valid, distinct mentions, enriched as the enrich service does, in stream order. */
export async function enrichedSample(): Promise<EnrichedMention[]> {
  const watchlist = loadWatchlist(DEFAULT_WATCHLIST)
  const enricher = createEnricher({ watchlist, hashKey: 'bench', clock: systemClock })
  const out: EnrichedMention[] = []
  const seen = new Set<string>()
  let batch: Mention[] = []
  const run = async (): Promise<void> => {
    for (const r of await enricher.enrich(batch)) if (!('error' in r)) out.push(r)
    batch = []
  }
  for (const line of generateSampleStream()) {
    if (line.kind !== 'mention') continue
    const parsed = mentionSchema.safeParse(line.mention)
    if (!parsed.success || seen.has(parsed.data.id)) continue
    seen.add(parsed.data.id)
    batch.push(parsed.data)
    if (batch.length >= 2_000) await run()
  }
  await run()
  return out
}

/**
 * Replays the bundled sample (valid, distinct mentions) through the same enrichment and detector
 * as the services, and scores the opened signals against the sample's seeded events.
 */
export async function evaluateSampleSignals(sample?: readonly EnrichedMention[]): Promise<SignalEvaluation> {
  const mentions = sample ?? (await enrichedSample())
  const detector = buildDetector(loadWatchlist(DEFAULT_WATCHLIST), systemClock)
  const opened: Signal[] = []
  let first = Number.POSITIVE_INFINITY
  let last = 0
  for (const m of mentions) {
    const t = Date.parse(m.createdAt)
    first = Math.min(first, t)
    last = Math.max(last, t)
  }
  for (let i = 0; i < mentions.length; i += 2_000) {
    for (const s of detector.ingest(mentions.slice(i, i + 2_000))) if (s.revision === 1) opened.push(s)
  }
  for (const s of detector.flush()) if (s.revision === 1) opened.push(s)
  const relevant = opened.filter((s) => s.kind !== 'phi_exposure')
  // Each signal belongs to the event with the latest onset before it (while that event lasts).
  const ordered = sampleEvents().sort((a, b) => Date.parse(a.onset) - Date.parse(b.onset))
  const owner = (s: Signal): SampleEvent | undefined => {
    const t = Date.parse(s.bucketStart)
    return ordered.filter((e) => t >= Date.parse(e.onset) - BUCKET_MS && t <= Date.parse(e.end)).at(-1)
  }
  const owners = new Map(relevant.map((s) => [s, owner(s)]))
  const events = ordered.map((event) => {
    const signals = relevant.filter((s) => owners.get(s) === event)
    const firstSignal = signals[0]
    return {
      event,
      signals,
      delayBuckets: firstSignal
        ? Math.round((Date.parse(firstSignal.bucketStart) - Date.parse(event.onset)) / BUCKET_MS)
        : null,
      kindMatches: firstSignal?.kind === event.kind,
    }
  })
  return {
    events,
    unrelated: relevant.filter((s) => owners.get(s) === undefined),
    phiExposures: opened.length - relevant.length,
    days: (last - first) / 86_400_000,
    mentions: mentions.length,
  }
}

export const signalsBenchmark: Benchmark = {
  name: 'signals',
  summary: 'score detection on the bundled sample: each seeded event → one signal, delay, false signals/day',
  async run(ctx) {
    const started = Date.now()
    const r = await evaluateSampleSignals()
    const out: string[] = [
      `sample: ${r.mentions} mentions over ${r.days.toFixed(1)} days (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      '',
      'event                                   kind                  signals  first signal                         delay (buckets)',
    ]
    for (const e of r.events) {
      const s = e.signals[0]
      out.push(
        `${e.event.label.slice(0, 38).padEnd(40)}${e.event.kind.padEnd(22)}${String(e.signals.length).padEnd(9)}` +
          `${s ? `${s.kind} ${s.key.dimension}=${s.key.value}`.slice(0, 36).padEnd(37) : 'none'.padEnd(37)}` +
          `${e.delayBuckets ?? '-'}${e.kindMatches ? '' : ' (kind differs)'}` +
          // When it was emitted: the end of the bucket whose close produced it (plus the lateness).
          `${s ? `  (emitted ${((Date.parse(s.updatedAt) - Date.parse(e.event.onset)) / 60_000).toFixed(0)} min after onset)` : ''}`,
      )
    }
    const extra = r.events.reduce((n, e) => n + Math.max(0, e.signals.length - 1), 0)
    out.push(
      '',
      `detected: ${r.events.filter((e) => e.delayBuckets !== null).length}/${r.events.length}; ` +
        `within 2 buckets of onset: ${r.events.filter((e) => e.delayBuckets !== null && e.delayBuckets <= 2).length}; ` +
        `exactly one signal: ${r.events.filter((e) => e.signals.length === 1).length}`,
      `extra signals during events: ${extra}; unrelated signals: ${r.unrelated.length} ` +
        `(${(r.unrelated.length / r.days).toFixed(2)}/day); with extras: ${((r.unrelated.length + extra) / r.days).toFixed(2)}/day`,
      `PHI-exposure signals (self-disclosures with identifiers to the org, counted apart): ${r.phiExposures}`,
      ...r.events.flatMap((e) =>
        e.signals
          .slice(1)
          .map(
            (s) => `  extra (${e.event.id}): ${s.bucketStart} ${s.kind} ${s.key.dimension}=${s.key.value}`,
          ),
      ),
      ...r.unrelated.map((s) => `  unrelated: ${s.bucketStart} ${s.kind} ${s.key.dimension}=${s.key.value}`),
    )
    ctx.stdout.write(`${out.join('\n')}\n`)
    return 0
  },
}
