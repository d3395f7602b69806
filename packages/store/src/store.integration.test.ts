import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildEnrichedMention, buildSignal } from '@pulse/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MENTION_TABLE, mentionRow } from './rows.ts'
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

  it('writes a sink-sized batch as one compact part (one file, not two per column)', async () => {
    // 20,000 mentions of ~600 bytes: past the 10 MB at which ClickHouse would write a wide part.
    const text = 'Waited six hours in the ER at St Marys and nobody called back about the results. '.repeat(7)
    const batch = Array.from({ length: 20_000 }, (_, i) =>
      buildEnrichedMention({ id: `big:${i}`, text, createdAt: '2026-11-21T08:00:00.000Z' }),
    )
    expect((await store.writeMentions(batch)).inserted).toBe(batch.length)
    const parts = await store.queryRows<{ part_type: string; rows: string; bytes: string }>(
      `SELECT part_type, rows, data_uncompressed_bytes AS bytes FROM system.parts
       WHERE database = currentDatabase() AND table = 'mentions' AND active AND rows >= 20000`,
    )
    expect(parts).toHaveLength(1)
    expect(Number(parts[0]?.bytes)).toBeGreaterThan(10_000_000)
    expect(parts[0]?.part_type).toBe('Compact')
  })

  it('reads stored mentions back as the sink wrote them, oldest first, within [from, to)', async () => {
    const full = buildEnrichedMention({
      id: 'read:full',
      createdAt: '2027-01-05T10:00:00.000Z',
      url: 'https://example.org/p/1',
      title: 'A title',
      mentions: ['stmaryshealth'],
      engagement: { likes: 3, reposts: 1, replies: 2, quotes: 0 },
      inReplyTo: 'x:parent',
      quoteOf: 'x:quoted',
      rating: 2,
      geo: { city: 'Columbus', region: 'OH', country: 'US' },
      sentiment: { score: -0.5, label: 'negative' },
      topics: ['brand', 'er-wait'],
      intents: ['complaint'],
      claims: [{ id: 'vaccines-autism', stance: 'spreading', score: 1 }],
      terms: ['er wait', 'nobody called'],
      redactions: ['PHONE'],
      selfDisclosure: true,
      fromOrg: false,
    })
    const bare = buildEnrichedMention({
      id: 'read:bare',
      createdAt: '2027-01-05T09:59:59.999Z',
      sentiment: null,
      topics: [],
      terms: [],
    })
    const after = buildEnrichedMention({ id: 'read:after', createdAt: '2027-01-05T11:00:00.000Z' })
    await store.writeMentions([full, bare, after])
    const read = await store.readMentions({
      fromMs: Date.parse('2027-01-05T09:00:00.000Z'),
      toMs: Date.parse('2027-01-05T11:00:00.000Z'),
    })
    expect(read.map((m) => m.id)).toEqual(['read:bare', 'read:full'])
    // Stored again, each reads back to the very row the sink wrote.
    expect(read.map((m) => mentionRow(m))).toEqual([bare, full].map((m) => mentionRow(m)))
    expect(read[1]?.geo).toEqual({ city: 'Columbus', region: 'OH', country: 'US' })
    expect(read[0]?.sentiment).toBeNull()
  })

  it('declares the mentions columns with the types the migrations create', async () => {
    const rows = await store.queryRows<{ name: string; type: string }>(
      "SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = 'mentions'",
    )
    const actual = new Map(rows.map((r) => [r.name, r.type]))
    for (const [name, type] of MENTION_TABLE) expect([name, actual.get(name)]).toEqual([name, type])
  })

  it('stores every field exactly as given, awkward text, long text, nulls and extreme counts included', async () => {
    // Over 16 KiB of UTF-8 in the text, a two-byte length prefix in the title.
    const long = `${'ü'.repeat(9_000)}🩺${'x'.repeat(10_000)}`
    const odd = buildEnrichedMention({
      id: 'exact:1',
      text: `tab\there, 'quotes', back\\slash, line\nbreak, \u0000 nul, emoji 🤒, lone \ud800 ${long}`,
      title: 'ü'.repeat(300),
      url: 'https://example.org/p?q=1&r=é',
      hashtags: ['fluseason', "o'brien"],
      mentions: ['stmaryshealth'],
      engagement: { likes: 4_294_967_295, reposts: 0, replies: 3, quotes: 1 },
      sentiment: null,
      rating: 4.5,
      geo: { city: 'Zürich', region: '', country: 'CH' },
      claims: [{ id: 'vaccines-autism', stance: 'debunking', score: 0.9 }],
      redactions: ['EMAIL', 'PHONE'],
      selfDisclosure: true,
      fromOrg: true,
      createdAt: '1970-01-01T00:00:00.001Z',
    })
    expect((await store.writeMentions([odd])).inserted).toBe(1)
    const [row] = await store.queryRows<Record<string, unknown>>(
      `SELECT text, title, url, hashtags, likes, sentiment_score, sentiment_label, rating, city, claims,
              claim_stances, redactions, self_disclosure, from_org, toString(toUnixTimestamp64Milli(created_at)) AS ms
       FROM mentions WHERE id = 'exact:1'`,
    )
    expect(row).toEqual({
      text: odd.text.replace('\ud800', '\ufffd'),
      title: odd.title,
      url: odd.url,
      hashtags: odd.hashtags,
      likes: 4_294_967_295,
      sentiment_score: null,
      sentiment_label: '',
      rating: 4.5,
      city: 'Zürich',
      claims: ['vaccines-autism'],
      claim_stances: ['debunking'],
      redactions: ['EMAIL', 'PHONE'],
      self_disclosure: true,
      from_org: true,
      ms: '1',
    })
    const staging = join(dir, 'clickhouse', 'pulse-staging')
    expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([])
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

  it('lists the latest revision of each signal not resolved, as it was written', async () => {
    const a1 = buildSignal({ id: 'open:a', revision: 1 })
    const a2 = buildSignal({ id: 'open:a', revision: 2, state: 'escalating', severity: 'critical' })
    const b1 = buildSignal({ id: 'open:b', revision: 1 })
    const b2 = buildSignal({ id: 'open:b', revision: 2, state: 'resolved' })
    const c1 = buildSignal({ id: 'open:c', revision: 1, key: { dimension: 'place', value: 'gi@Columbus' } })
    await store.writeSignals([a1, a2, b1, b2, c1])
    const open = (await store.openSignals()).filter((s) => s.id.startsWith('open:'))
    expect(open.sort((x, y) => x.id.localeCompare(y.id))).toEqual([a2, c1])
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

  it('writes prepared slices as one batch: each id once, from its first row, stored ids skipped', async () => {
    const m = (id: string, text: string) =>
      buildEnrichedMention({ id, text, createdAt: '2026-11-19T08:00:00.000Z' })
    expect((await store.writeMentions([m('p:stored', 'first')])).inserted).toBe(1)
    const slices = [
      store.prepareMentions([m('p:1', 'one'), m('p:stored', 'again'), m('p:2', 'two')]),
      store.prepareMentions([]),
      store.prepareMentions([m('p:2', 'two, redelivered'), m('p:3', 'three'), m('p:1', 'one, again')]),
    ]
    expect(await store.writePreparedMentions(slices)).toEqual({ inserted: 3, skipped: 3 })
    const rows = await store.queryRows<{ id: string; text: string }>(
      "SELECT id, text FROM mentions WHERE id LIKE 'p:%' ORDER BY id",
    )
    expect(rows).toEqual([
      { id: 'p:1', text: 'one' },
      { id: 'p:2', text: 'two' },
      { id: 'p:3', text: 'three' },
      { id: 'p:stored', text: 'first' },
    ])
    // The same slices again (a redelivery of the whole batch) store nothing.
    expect(await store.writePreparedMentions(slices)).toEqual({ inserted: 0, skipped: 6 })
  })
})
