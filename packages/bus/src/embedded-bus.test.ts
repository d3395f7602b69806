import { describe, expect, it } from 'vitest'
import { describeBusContract } from './bus-contract.ts'
import { EmbeddedBus } from './embedded-bus.ts'
import { sleep } from './signal.ts'

describeBusContract('embedded', async () => new EmbeddedBus({ retryBackoffMs: { initial: 5, max: 20 } }))

describe('embedded bus lag', () => {
  it('tells per partition what a group has not committed yet', async () => {
    const bus = new EmbeddedBus({ defaultPartitions: 2 })
    await bus.ensureTopics([{ name: 't', partitions: 2 }])
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => {
      release = r
    })
    const consumer = await bus.consume({
      groupId: 'g',
      topics: ['t'],
      handler: async () => {
        await gate
      },
    })
    // Round-robin without keys: three messages land on partitions 0, 1, 0.
    await bus.publish(
      't',
      ['a', 'b', 'c'].map((value) => ({ key: null, value })),
    )
    expect(await consumer.lagByPartition()).toEqual({ t: { 0: 2, 1: 1 } })
    expect(await consumer.lag()).toEqual({ t: 3 })
    release()
    await bus.whenIdle()
    expect(await consumer.lagByPartition()).toEqual({ t: { 0: 0, 1: 0 } })
    await consumer.stop()
    await bus.close()
  })
})

describe('embedded bus backpressure', () => {
  it('makes publish wait while a partition is full instead of dropping or growing', async () => {
    const bus = new EmbeddedBus({ defaultPartitions: 1, partitionCapacity: 10 })
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => {
      release = r
    })
    let handled = 0
    await bus.consume({
      groupId: 'slow',
      topics: ['t'],
      maxBatchSize: 5,
      handler: async (b) => {
        await gate
        handled += b.messages.length
      },
    })
    await bus.publish(
      't',
      Array.from({ length: 10 }, (_, i) => ({ key: null, value: String(i) })),
    )
    let published = false
    const pending = bus.publish('t', [{ key: null, value: 'overflow' }]).then(() => {
      published = true
    })
    await sleep(50)
    expect(published).toBe(false)
    release()
    await pending
    await bus.whenIdle()
    expect(published).toBe(true)
    expect(handled).toBe(11)
    await bus.close()
  })

  it('reports idle only when every group has committed everything', async () => {
    const bus = new EmbeddedBus()
    await bus.consume({ groupId: 'g', topics: ['t'], handler: async () => sleep(20) })
    await bus.publish('t', [{ key: 'a', value: 'x' }])
    expect(bus.isIdle()).toBe(false)
    await bus.whenIdle()
    expect(bus.isIdle()).toBe(true)
    await bus.close()
  })

  it('does not let a group whose consumers left block producers or idleness', async () => {
    const bus = new EmbeddedBus({ defaultPartitions: 1, partitionCapacity: 5 })
    const gone = await bus.consume({ groupId: 'gone', topics: ['t'], handler: async () => {} })
    await gone.stop()
    let handled = 0
    await bus.consume({
      groupId: 'live',
      topics: ['t'],
      handler: async (b) => {
        handled += b.messages.length
      },
    })
    for (let i = 0; i < 20; i++) await bus.publish('t', [{ key: null, value: String(i) }])
    await bus.whenIdle()
    expect(handled).toBe(20)
    expect(bus.isIdle()).toBe(true)
    await bus.close()
  })

  it('refuses to publish after close', async () => {
    const bus = new EmbeddedBus()
    await bus.close()
    await expect(bus.publish('t', [{ key: null, value: 'x' }])).rejects.toThrow(/closed/)
  })
})
