import { PulseError } from '@pulse/core'
import { describe, expect, it } from 'vitest'
import { createBatchWriter } from './batch-writer.ts'

/** A `write` that fails while `down` is positive (one failure per call), recording what it stored. */
function flakyStore(failures: number) {
  const state = { down: failures, calls: 0, stored: [] as number[], delays: [] as number[] }
  return {
    state,
    write: async (rows: number[]): Promise<void> => {
      state.calls++
      if (state.down > 0) {
        state.down--
        throw new Error('ClickHouse: connection refused')
      }
      state.stored.push(...rows)
    },
    sleep: async (ms: number): Promise<void> => {
      state.delays.push(ms)
    },
  }
}

describe('batch writer during a ClickHouse outage', () => {
  it('retries with growing backoff and writes every row once when the store comes back', async () => {
    const s = flakyStore(3)
    const w = createBatchWriter<number>({
      name: 't',
      maxRows: 10,
      maxDelayMs: 5,
      write: s.write,
      sleep: s.sleep,
      retry: { attempts: 5, initialMs: 100, maxMs: 1_000 },
    })
    await Promise.all([w.add([1, 2, 3]), w.add([4, 5])])
    await w.flush()
    expect(s.state.stored).toEqual([1, 2, 3, 4, 5])
    expect(s.state.calls).toBe(4)
    // Jittered between half and all of 100, 200, 400 ms.
    expect(s.state.delays).toHaveLength(3)
    s.state.delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(50 * 2 ** i)
      expect(d).toBeLessThanOrEqual(100 * 2 ** i)
    })
  })

  it('fails every caller of the batch once retries run out, so the bus redelivers; nothing is stored twice', async () => {
    const s = flakyStore(7)
    const w = createBatchWriter<number>({
      name: 't',
      maxRows: 2,
      maxDelayMs: 5,
      write: s.write,
      sleep: s.sleep,
      retry: { attempts: 3, initialMs: 1, maxMs: 1 },
    })
    const first = await Promise.allSettled([w.add([1]), w.add([2])])
    expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    const reason = first[0]?.status === 'rejected' ? first[0].reason : undefined
    expect(reason).toBeInstanceOf(PulseError)
    expect(reason instanceof PulseError ? reason.code : '').toBe('SINK_UNAVAILABLE')
    expect(s.state.stored).toEqual([])
    // Redelivery: the same rows again. The store is still down for one more attempt, then back.
    await expect(w.add([1, 2])).rejects.toBeInstanceOf(PulseError)
    await w.add([1, 2])
    expect(s.state.stored).toEqual([1, 2])
    expect(w.pending).toBe(0)
  })

  it('keeps batches in order and one write at a time while the store is slow', async () => {
    let inFlight = 0
    let maxInFlight = 0
    const order: number[][] = []
    const w = createBatchWriter<number>({
      name: 't',
      maxRows: 2,
      maxDelayMs: 5,
      write: async (rows) => {
        inFlight++
        maxInFlight = Math.max(maxInFlight, inFlight)
        await new Promise((r) => setTimeout(r, 5))
        order.push(rows)
        inFlight--
      },
    })
    await Promise.all([w.add([1, 2]), w.add([3, 4]), w.add([5, 6])])
    expect(order).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ])
    expect(maxInFlight).toBe(1)
  })
})

describe('batch writer with items that hold several rows', () => {
  it('counts rows, not items, against maxRows and in its reports', async () => {
    const written: string[][] = []
    const flushes: number[] = []
    const w = createBatchWriter<string>({
      name: 't',
      maxRows: 10,
      maxDelayMs: 60_000,
      // An item 'abc' stands for three rows.
      rowsOf: (item) => item.length,
      write: async (items) => {
        written.push(items)
      },
      onFlush: (s) => flushes.push(s.rows),
    })
    const first = w.add(['abcd', 'efg'])
    expect(w.pending).toBe(7)
    // 7 + 4 rows reach maxRows: the batch is written without waiting for the timer.
    await Promise.all([first, w.add(['hijk'])])
    expect(written).toEqual([['abcd', 'efg', 'hijk']])
    expect(flushes).toEqual([11])
    expect(w.pending).toBe(0)
  })
})
