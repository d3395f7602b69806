import { seededRandom } from '@pulse/core'
import { describe, expect, it } from 'vitest'
import { createPartitionMerge } from './partition-merge.ts'

const item = (partition: number, t: number) => ({ value: `p${partition}@${t}`, partition, t })

describe('partition merge', () => {
  it('holds everything until every owned partition has delivered, then releases in event-time order', () => {
    const merge = createPartitionMerge<string>()
    // Partition 0 arrives hours ahead of partition 1.
    expect(merge.push([item(0, 10), item(0, 20), item(0, 300)], [0, 1])).toEqual({
      ready: [],
      reached: Number.NEGATIVE_INFINITY,
    })
    expect(merge.held).toBe(3)
    expect(merge.push([item(1, 5), item(1, 15), item(1, 25)], [0, 1])).toEqual({
      ready: ['p1@5', 'p0@10', 'p1@15', 'p0@20', 'p1@25'],
      reached: 25,
    })
    expect(merge.held).toBe(1)
    expect(merge.push([item(1, 400), item(1, 500)], [0, 1])).toEqual({ ready: ['p0@300'], reached: 300 })
    expect(merge.release(450)).toEqual(['p1@400'])
    expect(merge.release()).toEqual(['p1@500'])
    expect(merge.held).toBe(0)
  })

  it('waits for no partition it does not own, and passes undated items straight on', () => {
    const merge = createPartitionMerge<string>()
    expect(merge.push([item(2, 7), item(2, Number.NaN)], [2]).ready).toEqual(['p2@7', 'p2@NaN'])
    // Owning nothing yet (the group is still assigning): hold.
    expect(merge.push([item(3, 1)], []).ready).toEqual([])
    expect(merge.release()).toEqual(['p3@1'])
  })

  it('releases every item once, each release in event-time order, whatever the batches', () => {
    const random = seededRandom(3)
    const merge = createPartitionMerge<number>()
    const sorted = (a: readonly number[]): boolean => a.every((t, i) => i === 0 || (a[i - 1] as number) <= t)
    const input: number[] = []
    const output: number[] = []
    for (let batch = 0; batch < 50; batch++) {
      const items = Array.from({ length: 1 + Math.floor(random() * 40) }, () => {
        const t = Math.floor(random() * 10_000)
        input.push(t)
        return { value: t, partition: input.length % 3, t }
      })
      const { ready, reached } = merge.push(items, [0, 1, 2])
      expect(sorted(ready)).toBe(true)
      expect(ready.every((t) => t <= reached)).toBe(true)
      output.push(...ready)
    }
    const rest = merge.release()
    expect(sorted(rest)).toBe(true)
    output.push(...rest)
    expect(output.sort((a, b) => a - b)).toEqual(input.sort((a, b) => a - b))
    expect(merge.held).toBe(0)
  })
})
