import { manualClock, silentLogger, watchlistSchema } from '@pulse/core'
import { createEnricher } from '@pulse/enrich'
import { buildMention } from '@pulse/testkit'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultEnrichThreads, type EnrichThreads, startEnrichThreads } from './threads.ts'

const watchlist = watchlistSchema.parse({
  organization: { name: 'St. Mary Health', handles: ['stmaryshealth'], publishedPhones: ['555-010-0199'] },
})
const bytes = (v: unknown): Uint8Array => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v))
/** An ok outcome's JSON, parsed. */
const parsed = (o: unknown): unknown =>
  JSON.parse(Buffer.from((o as { value: Uint8Array }).value).toString('utf8'))

describe('enrichment threads', () => {
  let pool: EnrichThreads | undefined
  afterEach(async () => {
    await pool?.close()
    pool = undefined
  })

  it('returns what the in-process enricher returns, as JSON, and names the stage of each refusal', async () => {
    const clock = manualClock(Date.parse('2026-11-21T09:00:00.000Z'))
    pool = await startEnrichThreads({ threads: 1, watchlist, hashKey: 'k-1', clock, logger: silentLogger })
    const good = [
      buildMention({
        id: 't:1',
        text: 'Waited 6 hours in the ER at @stmaryshealth, absolutely awful #ERwait',
      }),
      buildMention({
        id: 't:2',
        text: 'Call me at 415-555-0134, my MRN is 88812345. Fever and rash since Monday.',
      }),
    ]
    const inputs = [bytes(good[0]), bytes('{not json'), bytes({ id: 't:3', source: 'x' }), bytes(good[1])]
    const out = await pool.stage.process(inputs)

    const local = createEnricher({ watchlist, hashKey: 'k-1', clock })
    const expected = await local.enrich(good)
    expect(out).toHaveLength(4)
    // The same enriched mentions (validated on the thread, so keys come in schema order).
    expect(out[0]?.kind).toBe('ok')
    expect(parsed(out[0])).toEqual(JSON.parse(JSON.stringify(expected[0])))
    expect(out[3]?.kind).toBe('ok')
    expect(parsed(out[3])).toEqual(JSON.parse(JSON.stringify(expected[1])))
    expect(out[1]).toMatchObject({
      kind: 'dlq',
      stage: 'enrich.decode',
      reason: expect.stringMatching(/^not JSON/),
    })
    expect(out[2]).toMatchObject({
      kind: 'dlq',
      stage: 'enrich.decode',
      reason: expect.stringMatching(/^schema:/),
    })
    // PHI never leaves the thread unredacted.
    expect(JSON.stringify(parsed(out[3]))).not.toContain('415-555-0134')
  })

  it('keeps results in input order across a bus-sized batch with refusals anywhere in it', async () => {
    const clock = manualClock(Date.parse('2026-11-21T09:00:00.000Z'))
    pool = await startEnrichThreads({ threads: 1, watchlist, hashKey: 'k-3', clock, logger: silentLogger })
    const mentions = Array.from({ length: 450 }, (_, i) =>
      buildMention({ id: `o:${i}`, text: `flu shot ${i}, call 415-555-${String(1000 + i)}` }),
    )
    // Every 37th message is not JSON: the thread works in slices, and these land in all of them.
    const inputs = mentions.map((m, i) => (i % 37 === 5 ? bytes('{not json') : bytes(m)))
    const out = await pool.stage.process(inputs)
    const local = await createEnricher({ watchlist, hashKey: 'k-3', clock }).enrich(mentions)
    expect(out).toHaveLength(450)
    out.forEach((o, i) => {
      if (i % 37 === 5) expect(o).toMatchObject({ kind: 'dlq', stage: 'enrich.decode' })
      else {
        expect(o.kind).toBe('ok')
        expect(parsed(o)).toEqual(JSON.parse(JSON.stringify(local[i])))
      }
    })
  })

  it('spreads batches over its threads, follows the clock per batch, and refuses work once closed', async () => {
    const clock = manualClock(Date.parse('2026-11-21T09:00:00.000Z'))
    pool = await startEnrichThreads({ threads: 2, watchlist, hashKey: 'k-2', clock, logger: silentLogger })
    expect(pool.alive()).toBe(2)
    const batches = Array.from({ length: 6 }, (_, b) =>
      Array.from({ length: 50 }, (_, i) =>
        bytes(buildMention({ id: `b${b}:${i}`, text: `flu shot number ${i}` })),
      ),
    )
    const first = pool.stage.process(batches[0] as Uint8Array[])
    clock.set(Date.parse('2026-11-21T10:00:00.000Z'))
    const rest = await Promise.all(batches.slice(1).map((b) => pool?.stage.process(b)))
    const enrichedAt = (o: unknown) => (parsed(o) as { enrichedAt: string }).enrichedAt
    expect(enrichedAt((await first)[0])).toBe('2026-11-21T09:00:00.000Z')
    for (const r of rest) {
      expect(r).toHaveLength(50)
      expect(enrichedAt(r?.[49])).toBe('2026-11-21T10:00:00.000Z')
    }
    const closing = pool
    await closing.close()
    await expect(closing.stage.process([bytes(buildMention())])).rejects.toThrow(/no enrichment thread/)
  })

  it('rejects a thread count that is not a positive integer, naming it', async () => {
    await expect(
      startEnrichThreads({
        threads: 0,
        watchlist,
        hashKey: 'k',
        clock: manualClock(0),
        logger: silentLogger,
      }),
    ).rejects.toThrow(/enrichment threads must be a positive integer, got 0/)
    expect(defaultEnrichThreads(1)).toBe(0)
    expect(defaultEnrichThreads(2)).toBe(1)
    expect(defaultEnrichThreads(16)).toBe(4)
  })
})
