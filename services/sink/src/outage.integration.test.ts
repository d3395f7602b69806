import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { EmbeddedBus } from '@pulse/bus'
import {
  type EnrichedMention,
  enrichedMentionSchema,
  formatOrigin,
  ORIGIN_HEADER,
  silentLogger,
  systemClock,
  TOPICS,
} from '@pulse/core'
import { loadWatchlist, parseRuntimeEnv, type ServiceContext } from '@pulse/runtime'
import { createStore, type Store } from '@pulse/store'
import { afterAll, describe, expect, it } from 'vitest'
import { sinkService } from './main.ts'

const root = resolve(import.meta.dirname, '../../..')
const SOURCE = 'replay:outage'

const mention = (i: number): EnrichedMention =>
  enrichedMentionSchema.parse({
    id: `o:${i}`,
    source: 'bluesky',
    author: { id: `a:${i % 37}` },
    text: `post ${i}`,
    createdAt: new Date(Date.UTC(2026, 10, 20, 10, i % 30)).toISOString(),
    lang: 'en',
    sentiment: { score: 0, label: 'neutral' },
    topics: ['vaccines'],
    intents: [],
    claims: [],
    terms: [],
    redactions: [],
    selfDisclosure: false,
    enrichedAt: '2026-11-20T14:03:12.000Z',
  })

describe('sink during a ClickHouse outage (fault injected at the Store seam)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-outage-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('backs off, holds producers back, then stores everything once with acks for every position', async () => {
    const real: Store = await createStore({
      target: { kind: 'embedded', path: join(dir, 'clickhouse') },
      migrationsDir: join(root, 'infra/clickhouse/migrations'),
    })
    await real.migrate()
    const fault = { down: true, loseAckOnce: true, failedCalls: 0 }
    const store: Store = {
      ...real,
      async writePreparedMentions(parts) {
        if (fault.down) {
          fault.failedCalls++
          throw new Error('ECONNREFUSED')
        }
        const result = await real.writePreparedMentions(parts)
        if (fault.loseAckOnce) {
          // The insert landed but the reply was lost: the batch comes back and must not count twice.
          fault.loseAckOnce = false
          throw new Error('socket hang up')
        }
        return result
      },
    }
    const capacity = 100
    const bus = new EmbeddedBus({ partitionCapacity: capacity, retryBackoffMs: { initial: 20, max: 200 } })
    await bus.ensureTopics(Object.values(TOPICS).map((name) => ({ name, partitions: 4 })))
    const acked = new Set<number>()
    const acks = await bus.consume({
      groupId: 'test-acks',
      topics: [TOPICS.acks],
      handler: async (batch) => {
        for (const m of batch.messages) {
          const a: unknown = JSON.parse(Buffer.from(m.value).toString('utf8'))
          if (typeof a === 'object' && a !== null && 'seqs' in a && Array.isArray(a.seqs))
            for (const s of a.seqs) if (typeof s === 'number') acked.add(s)
        }
      },
    })
    const ctx: ServiceContext = {
      bus,
      store: async () => store,
      logger: silentLogger,
      clock: systemClock,
      env: parseRuntimeEnv({ PULSE_DATA_DIR: dir }),
      watchlist: loadWatchlist(join(root, 'config/watchlist.json')),
      dataDir: dir,
      signal: new AbortController().signal,
    }
    const sink = await sinkService(ctx)

    const distinct = 1_000
    const total = 1_200 // the last 200 positions re-deliver earlier ids
    let published = 0
    const producing = (async () => {
      for (let seq = 1; seq <= total; seq += 50) {
        const batch = Array.from({ length: 50 }, (_, k) => {
          const m = mention((seq + k - 1) % distinct)
          return {
            key: m.id,
            value: JSON.stringify(m),
            headers: { [ORIGIN_HEADER]: formatOrigin({ source: SOURCE, seq: seq + k }) },
          }
        })
        await bus.publish(TOPICS.mentionsEnriched, batch)
        published += batch.length
      }
    })()

    await new Promise((r) => setTimeout(r, 1_500))
    // Outage: writes fail and are retried; the bus holds the producer back instead of buffering.
    expect(fault.failedCalls).toBeGreaterThan(1)
    expect(published).toBeLessThan(total)
    expect(published).toBeLessThanOrEqual(4 * capacity + 50)
    expect(acked.size).toBe(0)

    fault.down = false
    await producing
    await bus.whenIdle()
    await sink.drain?.()
    await bus.whenIdle()

    const [c] = await real.queryRows<{ n: string; ids: string }>(
      'SELECT count() AS n, uniqExact(id) AS ids FROM mentions',
    )
    expect({ n: Number(c?.n), ids: Number(c?.ids) }).toEqual({ n: distinct, ids: distinct })
    const perMinute = await real.queryRows<{ m: string; n: string }>(
      "SELECT toString(minute) AS m, uniqExactMerge(mentions) AS n FROM mentions_per_minute WHERE topic = 'vaccines' GROUP BY m ORDER BY m",
    )
    const recount = await real.queryRows<{ m: string; n: string }>(
      "SELECT toString(toDateTime(toStartOfMinute(created_at), 'UTC')) AS m, count() AS n FROM mentions GROUP BY m ORDER BY m",
    )
    expect(perMinute.map((r) => [r.m, Number(r.n)])).toEqual(recount.map((r) => [r.m, Number(r.n)]))
    expect(perMinute.reduce((s, r) => s + Number(r.n), 0)).toBe(distinct)
    expect(acked.size).toBe(total)

    await acks.stop()
    await sink.stop()
    await bus.close()
    await real.close()
  })
})
