import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type EnrichedMention, enrichedMentionSchema, type Signal, signalSchema } from '@pulse/core'
import { createStore, type Store } from '@pulse/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDetectOver } from './test-support.ts'

const BUCKET = 5 * 60_000
const START = Date.parse('2026-11-01T00:00:00.000Z')
const HISTORY_BUCKETS = 30 * 12
const iso = (bucket: number): string => new Date(START + bucket * BUCKET).toISOString()

/** A stored signal about the topic `flu-shots` (not the topic the test's burst is about). */
const storedSignal = (id: string, revision: number, state: Signal['state'], bucket: number): Signal =>
  signalSchema.parse({
    id,
    revision,
    kind: 'volume_spike',
    key: { dimension: 'topic', value: 'flu-shots' },
    state,
    severity: 'warning',
    score: 0.99,
    title: 'Flu shot mentions spiking',
    summary: '30 mentions in 5 min vs 6 expected.',
    bucketStart: iso(bucket),
    bucketSeconds: 300,
    openedAt: iso(bucket),
    updatedAt: iso(bucket + 1),
    evidence: { observed: 30, expected: 6, ratio: 5, uniqueAuthors: 20, firstSeen: iso(bucket) },
  })
const migrationsDir = resolve(import.meta.dirname, '../../../infra/clickhouse/migrations')

const mention = (id: string, author: string, t: number): EnrichedMention =>
  enrichedMentionSchema.parse({
    id,
    source: 'bluesky',
    author: { id: `h:${author}` },
    text: `talk about flu shots ${id}`,
    createdAt: new Date(t).toISOString(),
    lang: 'en',
    sentiment: { score: 0, label: 'neutral' },
    topics: ['vaccines'],
    enrichedAt: new Date(START).toISOString(),
  })

/** Six posts in every 5-minute bucket, from a pool of 400 authors. */
const steady = (fromBucket: number, toBucket: number, tag: string): EnrichedMention[] =>
  Array.from({ length: (toBucket - fromBucket) * 6 }, (_, i) =>
    mention(`${tag}:${i}`, `a${i % 400}`, START + fromBucket * BUCKET + i * (BUCKET / 6)),
  )

/** 40 people posting within one bucket, right after the history ends, then two ordinary buckets. */
const live = (): EnrichedMention[] => [
  ...Array.from({ length: 40 }, (_, i) =>
    mention(`burst:${i}`, `b${i}`, START + HISTORY_BUCKETS * BUCKET + i * 5_000),
  ),
  ...steady(HISTORY_BUCKETS + 1, HISTORY_BUCKETS + 3, 'after'),
]

describe('detect service warm start from stored mentions', () => {
  let dir: string
  let store: Store
  const history = steady(0, HISTORY_BUCKETS, 'history')

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pulse-detect-warm-'))
    store = await createStore({ target: { kind: 'embedded', path: join(dir, 'clickhouse') }, migrationsDir })
    await store.migrate()
    for (let i = 0; i < history.length; i += 1_000) await store.writeMentions(history.slice(i, i + 1_000))
    // Left open by the stopped service: one whose bucket the replay covers, one newer than the
    // stored mentions (its posts were not stored yet).
    await store.writeSignals([
      storedSignal('sig_stale', 3, 'escalating', 100),
      storedSignal('sig_recent', 1, 'opened', HISTORY_BUCKETS + 1),
    ])
  })
  afterAll(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** A restarted detect service over `messages`: what it published and its stats. */
  async function run(warmHours: number, messages: readonly EnrichedMention[]) {
    const { stats, signals } = await runDetectOver({
      mentions: messages,
      dataDir: dir,
      store: () => Promise.resolve(store),
      env: { PULSE_DETECT_WARM_HOURS: String(warmHours) },
    })
    return { stats, signals, opened: signals.filter((s) => s.state === 'opened') }
  }

  it('alarms on a burst right after a restart, and skips stored mentions the bus delivers again', async () => {
    // The last 50 stored posts come again: offsets the stopped service had not committed.
    const { stats, signals, opened } = await run(48, [...history.slice(-50), ...live()])
    expect(stats.warmReplayed).toBe(history.length)
    expect(stats.skippedStored).toBe(50)
    expect(opened.map((s) => `${s.kind}:${s.key.value}`)).toEqual(['volume_spike:vaccines'])
    expect(opened[0]?.bucketStart).toBe(iso(HISTORY_BUCKETS))
    // The stored signal the replay found calm is closed with its next revision; the newer one is left.
    const closed = signals.filter((s) => s.id.startsWith('sig_') && s.key.value !== 'vaccines')
    expect(closed.map((s) => [s.id, s.revision, s.state])).toEqual([['sig_stale', 4, 'resolved']])
  }, 60_000)

  it('without it, the restarted service is still warming up and misses the same burst', async () => {
    const { stats, signals } = await run(0, live())
    expect(stats.warmReplayed).toBe(0)
    expect(signals.filter((s) => s.kind !== 'phi_exposure')).toEqual([])
  }, 60_000)
})
