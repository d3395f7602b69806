import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EmbeddedBus } from '@pulse/bus'
import {
  type EnrichedMention,
  enrichedMentionSchema,
  SCHEMA_HEADER,
  SCHEMAS,
  type Signal,
  silentLogger,
  systemClock,
  TOPICS,
  watchlistSchema,
} from '@pulse/core'
import { parseRuntimeEnv } from '@pulse/runtime'
import { afterEach, describe, expect, it } from 'vitest'
import { detectService } from './main.ts'

const BUCKET = 5 * 60_000
const START = Date.parse('2026-11-10T00:00:00.000Z')

/** Two days of a steady topic: eight posts in every 5-minute bucket, nothing unusual anywhere. */
function steadyStream(): EnrichedMention[] {
  const out: EnrichedMention[] = []
  for (let b = 0; b < 2 * 288; b++) {
    for (let i = 0; i < 8; i++) {
      const n = b * 8 + i
      out.push(
        enrichedMentionSchema.parse({
          id: `steady:${n}`,
          source: 'bluesky',
          author: { id: `h:author${n % 500}` },
          text: `the usual talk about flu shots, number ${n}`,
          createdAt: new Date(START + b * BUCKET + i * 30_000).toISOString(),
          lang: 'en',
          sentiment: { score: 0.1, label: 'neutral' },
          topics: ['vaccines'],
          enrichedAt: new Date(START).toISOString(),
        }),
      )
    }
  }
  return out
}

describe('detect service with a backlog', () => {
  let dir: string | undefined
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('closes buckets only as far as every partition has got, so a backlog read partition by partition raises no spike', async () => {
    dir = mkdtempSync(join(tmpdir(), 'pulse-detect-backlog-'))
    const bus = new EmbeddedBus()
    await bus.ensureTopics([{ name: TOPICS.mentionsEnriched, partitions: 4 }])
    const signals: Signal[] = []
    const watcher = await bus.consume({
      groupId: 'test',
      topics: [TOPICS.signals],
      handler: async (batch) => {
        for (const m of batch.messages) signals.push(JSON.parse(Buffer.from(m.value).toString('utf8')))
      },
    })
    const stream = steadyStream()
    // The whole backlog is queued before the service starts: each partition then comes in one
    // batch covering both days, far ahead of the partitions not read yet.
    await bus.publish(
      TOPICS.mentionsEnriched,
      stream.map((m) => ({
        key: m.id,
        value: JSON.stringify(m),
        headers: { [SCHEMA_HEADER]: SCHEMAS.enrichedMention },
      })),
    )
    const abort = new AbortController()
    const detect = await detectService({
      bus,
      store: () => Promise.reject(new Error('no store in this test')),
      logger: silentLogger,
      clock: systemClock,
      env: parseRuntimeEnv({ PULSE_DATA_DIR: dir }),
      watchlist: watchlistSchema.parse({
        organization: { name: 'St. Mary Health', handles: ['stmaryshealth'] },
      }),
      dataDir: dir,
      signal: abort.signal,
    })
    try {
      await expect.poll(() => detect.stats().consumed, { timeout: 30_000 }).toBe(stream.length)
      await detect.drain?.()
      await bus.whenIdle()
      expect(detect.stats().buckets).toBeGreaterThan(500)
      expect(signals.filter((s) => s.kind !== 'phi_exposure')).toEqual([])
    } finally {
      abort.abort()
      await detect.stop()
      await watcher.stop()
      await bus.close()
    }
  }, 60_000)
})
