import { type Mention, type Outcome, ok } from '@pulse/core'
import { describe, expect, it } from 'vitest'
import { type Connector, memoryCheckpointStore } from './connector.ts'
import { createHealth } from './health.ts'
import { runIngestLoop } from './ingest-loop.ts'

const m = (id: string): Mention => ({
  id,
  source: 'x',
  text: id,
  createdAt: '2024-01-01T00:00:00.000Z',
  author: { id: 'a' },
  hashtags: [],
  mentions: [],
  engagement: { likes: 0, reposts: 0, replies: 0, quotes: 0 },
  fromOrg: false,
})

function fake(ids: string[]): Connector<{ n: number }> & { from: unknown[] } {
  const from: unknown[] = []
  return {
    from,
    name: 'fake',
    source: 'x',
    async *read(cp) {
      from.push(cp)
      for (const [i, id] of ids.entries())
        if (i + 1 > (cp?.n ?? 0)) yield { raw: id, checkpoint: { n: i + 1 } }
    },
    normalise: (raw) => [ok(m(String(raw)))],
    health: () => createHealth('fake', 'x', { now: () => 0 }).snapshot(),
  }
}

describe('ingest loop commits only after the sink confirms', () => {
  it('commits the last delivered position of each confirmed batch and resumes from it', async () => {
    const store = memoryCheckpointStore({ fake: { n: 1 } })
    const stored: Outcome<Mention>[][] = []
    const c = fake(['a', 'b', 'c', 'd'])
    await runIngestLoop({
      connector: c,
      checkpoints: store,
      signal: new AbortController().signal,
      batchSize: 2,
      maxDeliveriesPerBatch: 10,
      sink: async (b) => void stored.push([...b]),
    })
    expect(c.from).toEqual([{ n: 1 }])
    expect(stored.map((b) => b.map((o) => (o.kind === 'ok' ? o.value.id : '')))).toEqual([['b', 'c'], ['d']])
    expect(store.saved.get('fake')).toEqual({ n: 4 })
  })

  it('leaves the checkpoint untouched when the sink fails, so the batch is read again', async () => {
    const store = memoryCheckpointStore()
    const run = runIngestLoop({
      connector: fake(['a', 'b']),
      checkpoints: store,
      signal: new AbortController().signal,
      sink: async () => {
        throw new Error('clickhouse down')
      },
    })
    await expect(run).rejects.toThrow('clickhouse down')
    expect(store.saved.has('fake')).toBe(false)
  })
})
