import { dlq, drop, ok } from '@pulse/core'
import { describe, expect, it } from 'vitest'
import { mapStage, runChain } from './stage.ts'

describe('runChain', () => {
  const double = mapStage('double', (n: number) => ok(n * 2))
  const noOdd = mapStage('no-odd-input', (n: number) => (n % 4 === 2 ? drop<number>('odd input') : ok(n)))
  const noBig = mapStage('no-big', (n: number) =>
    n > 10 ? dlq<number>('too big', new Error('limit')) : ok(n),
  )

  it('keeps one result per input, in order, naming the stage that refused an item', async () => {
    const results = await runChain<number, number>([double, noOdd, noBig], [1, 2, 6, 4])
    expect(results).toEqual([
      { ok: false, stage: 'no-odd-input', kind: 'drop', reason: 'odd input' },
      { ok: true, value: 4 },
      { ok: false, stage: 'no-big', kind: 'dlq', reason: 'too big', cause: new Error('limit') },
      { ok: true, value: 8 },
    ])
  })

  it('names the inner stage a composite stage reports, and its own name otherwise', async () => {
    const composite = {
      name: 'pool',
      process: (inputs: readonly number[]) =>
        inputs.map((n) =>
          n === 1
            ? { kind: 'dlq' as const, reason: 'schema: text', stage: 'enrich.decode' }
            : n === 2
              ? { kind: 'drop' as const, reason: 'duplicate', stage: 'redact' }
              : drop<number>('plain'),
        ),
    }
    expect(await runChain([composite], [1, 2, 3])).toEqual([
      { ok: false, stage: 'enrich.decode', kind: 'dlq', reason: 'schema: text' },
      { ok: false, stage: 'redact', kind: 'drop', reason: 'duplicate' },
      { ok: false, stage: 'pool', kind: 'drop', reason: 'plain' },
    ])
  })

  it('handles an empty batch and a chain with no stages', async () => {
    expect(await runChain([double], [])).toEqual([])
    expect(await runChain<number, number>([], [3])).toEqual([{ ok: true, value: 3 }])
  })

  it('treats a stage that breaks the one-outcome-per-input contract as a fault', async () => {
    const broken = { name: 'broken', process: () => [] }
    await expect(runChain([broken], [1])).rejects.toThrow(/broken returned 0 outcomes for 1 inputs/)
  })
})
