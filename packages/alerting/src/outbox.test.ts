import { describe, expect, it } from 'vitest'
import { createOutbox, type OutboxItem } from './outbox.ts'
import { buildSignal } from './test-support.ts'

function item(key: string, severity: 'warning' | 'critical' = 'warning'): OutboxItem {
  return { kind: 'signal', key, channel: '#c', signal: buildSignal({ severity }), attempts: 0, notBefore: 0 }
}

describe('outbox', () => {
  it('is first in, first out and queues a key once', () => {
    const box = createOutbox(10)
    box.push(item('a'))
    box.push(item('b'))
    box.push(item('a'))
    expect(box.drain().map((i) => i.key)).toEqual(['a', 'b'])
  })

  it.each<[string, OutboxItem[], string[], string]>([
    ['drops the oldest when full', [item('a'), item('b'), item('c')], ['b', 'c'], 'a'],
    [
      'keeps critical alerts over older warnings',
      [item('a', 'critical'), item('b'), item('c')],
      ['a', 'c'],
      'b',
    ],
    [
      'drops the oldest critical when all are critical',
      [item('a', 'critical'), item('b', 'critical'), item('c', 'critical')],
      ['b', 'c'],
      'a',
    ],
  ])('%s and counts it', (_name, items, kept, evicted) => {
    const box = createOutbox(2)
    const dropped = items.map((i) => box.push(i)).filter((d) => d !== undefined)
    expect(dropped.map((d) => d.key)).toEqual([evicted])
    expect(box.dropped).toBe(1)
    expect(box.drain().map((i) => i.key)).toEqual(kept)
  })
})
