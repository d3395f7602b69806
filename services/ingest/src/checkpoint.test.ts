import { describe, expect, it } from 'vitest'
import { AckTracker } from './checkpoint.ts'

describe('AckTracker', () => {
  it('advances the watermark only over contiguous acknowledged lines', () => {
    const t = new AckTracker(0, 0)
    for (let i = 1; i <= 5; i++) t.sent(i, i * 10)
    t.ack(2)
    t.ack(3)
    expect(t.line).toBe(0)
    t.ack(1)
    expect([t.line, t.offset]).toEqual([3, 30])
    t.ack(5)
    expect(t.line).toBe(3)
    t.ack(4)
    expect([t.line, t.offset, t.inFlight]).toEqual([5, 50, 0])
  })

  it('ignores acknowledgements at or below the watermark (redelivered acks)', () => {
    const t = new AckTracker(10, 100)
    t.sent(11, 110)
    t.ack(3)
    t.ack(10)
    expect(t.line).toBe(10)
    t.ack(11)
    t.ack(11)
    expect([t.line, t.offset]).toEqual([11, 110])
  })
})
