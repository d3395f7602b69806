import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildEnrichedMention, buildSignal } from '@pulse/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStore, type Store } from './store.ts'

const migrationsDir = resolve(import.meta.dirname, '../../../infra/clickhouse/migrations')

describe('store on embedded ClickHouse', () => {
  let dir: string
  let store: Store

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pulse-store-'))
    store = await createStore({ target: { kind: 'embedded', path: join(dir, 'clickhouse') }, migrationsDir })
  })
  afterAll(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('applies migrations once and is idempotent on re-run', async () => {
    const first = await store.migrate()
    expect(first.applied.length).toBeGreaterThanOrEqual(3)
    const second = await store.migrate()
    expect(second.applied).toEqual([])
    const tables = await store.queryRows<{ name: string }>(
      'SELECT name FROM system.tables WHERE database = currentDatabase()',
    )
    const names = tables.map((t) => t.name)
    for (const t of ['mentions', 'signals', 'dead_letters', 'mentions_per_minute']) expect(names).toContain(t)
  })

  it('stores a redelivered batch once, and aggregates equal a recount of the raw rows', async () => {
    const batch = Array.from({ length: 500 }, (_, i) =>
      buildEnrichedMention({
        id: `x:${i}`,
        createdAt: new Date(Date.UTC(2026, 10, 20, 10, i % 7)).toISOString(),
        topics: i % 2 ? ['vaccines'] : [],
      }),
    )
    expect((await store.writeMentions(batch)).inserted).toBe(500)
    // Same batch again (a redelivery), then an overlapping batch with a different composition.
    expect((await store.writeMentions(batch)).inserted).toBe(0)
    const overlap = [
      ...batch.slice(250),
      buildEnrichedMention({ id: 'x:new', createdAt: '2026-11-20T10:03:00.000Z' }),
    ]
    expect(await store.writeMentions(overlap)).toEqual({ inserted: 1, skipped: 250 })

    const [count] = await store.queryRows<{ n: string }>('SELECT count() AS n FROM mentions')
    expect(Number(count?.n)).toBe(501)
    const agg = await store.queryRows<{ minute: string; n: string }>(
      `SELECT minute, uniqExactMerge(mentions) AS n FROM mentions_per_minute WHERE topic IN ('', 'vaccines')
       GROUP BY minute ORDER BY minute`,
    )
    const raw = await store.queryRows<{ minute: string; n: string }>(
      'SELECT toStartOfMinute(created_at) AS minute, count() AS n FROM mentions GROUP BY minute ORDER BY minute',
    )
    expect(agg.map((r) => [r.minute, Number(r.n)])).toEqual(raw.map((r) => [r.minute, Number(r.n)]))
  })

  it('recognises stored ids whatever characters they hold (quotes, backslashes, tabs, newlines, emoji)', async () => {
    const awkward = [
      "o'brien",
      'back\\slash',
      'tab\there',
      'line\nbreak',
      "both\\'\n",
      'cr\rx',
      '🩺 ünïcode',
      "'",
      '\\',
    ]
    const batch = awkward.map((id, i) =>
      buildEnrichedMention({ id: `odd:${id}`, createdAt: `2026-11-21T08:0${i}:00.000Z` }),
    )
    expect((await store.writeMentions(batch)).inserted).toBe(awkward.length)
    expect(await store.writeMentions(batch)).toEqual({ inserted: 0, skipped: awkward.length })
    const stored = await store.queryRows<{ id: string }>(
      "SELECT id FROM mentions WHERE startsWith(id, 'odd:')",
    )
    expect(stored.map((r) => r.id).sort()).toEqual(batch.map((m) => m.id).sort())
    await store.writeMentions(batch) // a third delivery still stores nothing new
    const [count] = await store.queryRows<{ n: string }>(
      "SELECT count() AS n FROM mentions WHERE startsWith(id, 'odd:')",
    )
    expect(Number(count?.n)).toBe(awkward.length)
  })

  it('stores dead letters and signal revisions once each', async () => {
    const letter = {
      id: 'dl-1',
      stage: 'ingest',
      topic: 'pulse.mentions.raw',
      reason: 'not JSON',
      payload: '{oops',
      failedAt: '2026-11-20T10:00:00.000Z',
    }
    await store.writeDeadLetters([letter, letter])
    await store.writeDeadLetters([letter])
    const s1 = buildSignal({ id: 'sig-a', revision: 1 })
    const s2 = buildSignal({ id: 'sig-a', revision: 2, state: 'escalating' })
    await store.writeSignals([s1])
    await store.writeSignals([s1, s2])
    const [dl] = await store.queryRows<{ n: string }>('SELECT count() AS n FROM dead_letters')
    const [sig] = await store.queryRows<{ n: string }>("SELECT count() AS n FROM signals WHERE id = 'sig-a'")
    expect(Number(dl?.n)).toBe(1)
    expect(Number(sig?.n)).toBe(2)
  })

  it('refuses writes through the read-only query path', async () => {
    await expect(store.queryRows('INSERT INTO dead_letters (id) VALUES (1)')).rejects.toThrow()
  })

  it('binds parameters instead of splicing them into SQL', async () => {
    const rows = await store.queryRows<{ v: string }>('SELECT {v:String} AS v', {
      v: "'; DROP TABLE mentions; --",
    })
    expect(rows[0]?.v).toBe("'; DROP TABLE mentions; --")
    const [count] = await store.queryRows<{ n: string }>(
      "SELECT count() AS n FROM mentions WHERE startsWith(id, 'x:')",
    )
    expect(Number(count?.n)).toBe(501)
  })
})
