import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type EnrichedMention, enrichedMentionSchema } from '@pulse/core'
import { createStore, type Store } from '@pulse/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDetectOver } from './test-support.ts'

const BUCKET = 5 * 60_000
const START = Date.parse('2026-11-01T00:00:00.000Z')
const HISTORY_BUCKETS = 30 * 12
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
    return { stats, opened: signals.filter((s) => s.state === 'opened') }
  }

  it('alarms on a burst right after a restart, and skips stored mentions the bus delivers again', async () => {
    // The last 50 stored posts come again: offsets the stopped service had not committed.
    const { stats, opened } = await run(48, [...history.slice(-50), ...live()])
    expect(stats.warmReplayed).toBe(history.length)
    expect(stats.skippedStored).toBe(50)
    expect(opened.map((s) => `${s.kind}:${s.key.value}`)).toEqual(['volume_spike:vaccines'])
    expect(opened[0]?.bucketStart).toBe(new Date(START + HISTORY_BUCKETS * BUCKET).toISOString())
  }, 60_000)

  it('without it, the restarted service is still warming up and misses the same burst', async () => {
    const { stats, opened } = await run(0, live())
    expect(stats.warmReplayed).toBe(0)
    expect(opened).toEqual([])
  }, 60_000)
})
