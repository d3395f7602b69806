import { describe, expect, it } from 'vitest'
import type { Bus, MessageBatch } from './bus.ts'
import { sleep } from './signal.ts'

const text = (b: MessageBatch): string[] => b.messages.map((m) => Buffer.from(m.value).toString('utf8'))

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for condition')
    await sleep(10)
  }
}

/**
 * The behaviour every Bus implementation must have. Runs against the embedded bus always and
 * against Kafka when KAFKA_BROKERS is set. `makeBus` gets a unique prefix for topics/groups.
 */
export function describeBusContract(name: string, makeBus: () => Promise<Bus>, skipReason?: string): void {
  const suite = skipReason ? describe.skip : describe
  if (skipReason) console.log(`bus contract (${name}) skipped: ${skipReason}`)
  suite(`bus contract: ${name}`, () => {
    const unique = (s: string): string =>
      `${s}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`

    it('delivers every published message once to a group, keeping per-key order', async () => {
      const bus = await makeBus()
      const topic = unique('order')
      await bus.ensureTopics([{ name: topic, partitions: 3 }])
      const seen = new Map<string, number[]>()
      const consumer = await bus.consume({
        groupId: unique('g'),
        topics: [topic],
        handler: async (batch) => {
          for (const m of batch.messages) {
            const [k, n] = Buffer.from(m.value).toString('utf8').split(':')
            const list = seen.get(k ?? '') ?? []
            list.push(Number(n))
            seen.set(k ?? '', list)
          }
        },
      })
      const keys = ['a', 'b', 'c', 'd', 'e']
      for (let i = 0; i < 50; i++) {
        await bus.publish(
          topic,
          keys.map((k) => ({ key: k, value: `${k}:${i}` })),
        )
      }
      await until(() => [...seen.values()].reduce((s, l) => s + l.length, 0) >= 250, 60_000)
      for (const k of keys) expect(seen.get(k)).toEqual(Array.from({ length: 50 }, (_, i) => i))
      // The only member of its group owns every partition of the topic.
      expect([...(consumer.assignment()[topic] ?? [])].sort()).toEqual([0, 1, 2])
      await consumer.stop()
      await bus.close()
    })

    it('redelivers a batch whose handler threw, and commits only after success', async () => {
      const bus = await makeBus()
      const topic = unique('retry')
      await bus.ensureTopics([{ name: topic, partitions: 1 }])
      let attempts = 0
      const delivered: string[] = []
      const consumer = await bus.consume({
        groupId: unique('g'),
        topics: [topic],
        handler: async (batch) => {
          attempts++
          if (attempts === 1) throw new Error('sink down')
          delivered.push(...text(batch))
        },
      })
      await bus.publish(topic, [
        { key: 'k', value: 'one' },
        { key: 'k', value: 'two' },
      ])
      await until(() => delivered.length >= 2, 30_000)
      expect(attempts).toBeGreaterThanOrEqual(2)
      expect(delivered).toEqual(['one', 'two'])
      expect(Object.values(await consumer.lag()).reduce((a, b) => a + b, 0)).toBe(0)
      expect(await consumer.lagByPartition()).toEqual({ [topic]: { 0: 0 } })
      await consumer.stop()
      await bus.close()
    })

    it('a group that restarts resumes after its last committed offset', { timeout: 150_000 }, async () => {
      const bus = await makeBus()
      const topic = unique('resume')
      const groupId = unique('g')
      await bus.ensureTopics([{ name: topic, partitions: 1 }])
      const first: string[] = []
      const c1 = await bus.consume({
        groupId,
        topics: [topic],
        handler: async (b) => {
          first.push(...text(b))
        },
      })
      await bus.publish(topic, [{ key: null, value: 'm1' }])
      await until(() => first.length === 1, 30_000)
      await c1.stop()
      await bus.publish(topic, [{ key: null, value: 'm2' }])
      const second: string[] = []
      const c2 = await bus.consume({
        groupId,
        topics: [topic],
        handler: async (b) => {
          second.push(...text(b))
        },
      })
      await until(() => second.length >= 1, 30_000)
      expect(second).toEqual(['m2'])
      await c2.stop()
      await bus.close()
    })

    it('carries headers and keys', async () => {
      const bus = await makeBus()
      const topic = unique('headers')
      await bus.ensureTopics([{ name: topic, partitions: 1 }])
      const got: MessageBatch[] = []
      const c = await bus.consume({
        groupId: unique('g'),
        topics: [topic],
        handler: async (b) => {
          got.push(b)
        },
      })
      await bus.publish(topic, [
        { key: 'key-1', value: '{"x":1}', headers: { 'pulse-schema': 'mention.v1' } },
      ])
      await until(() => got.length > 0, 30_000)
      const m = got[0]?.messages[0]
      expect(m?.key).toBe('key-1')
      expect(m?.headers['pulse-schema']).toBe('mention.v1')
      await c.stop()
      await bus.close()
    })
  })
}
