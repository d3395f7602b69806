import type { Signal } from '@pulse/core'
import { describe, expect, it } from 'vitest'
import { createMemorySignalRepository } from './memory-signal-repository.ts'
import { createSignalHub } from './signal-hub.ts'
import { buildSignal } from './testing/build-signal.ts'

describe('signal hub', () => {
  it('keeps the latest revision and ignores stale or repeated ones', () => {
    const hub = createSignalHub()
    const seen: number[] = []
    hub.subscribe((s) => seen.push(s.revision))
    expect(hub.publish(buildSignal({ revision: 2 }))).toBe(true)
    expect(hub.publish(buildSignal({ revision: 1 }))).toBe(false)
    expect(hub.publish(buildSignal({ revision: 2 }))).toBe(false)
    expect(hub.publish(buildSignal({ revision: 3 }))).toBe(true)
    expect(seen).toEqual([2, 3])
    expect(hub.latest('sig-measles')?.revision).toBe(3)
  })

  it('stops calling a listener once unsubscribed and survives a throwing listener', () => {
    const hub = createSignalHub()
    const got: string[] = []
    hub.subscribe(() => {
      throw new Error('broken client')
    })
    const off = hub.subscribe((s) => got.push(s.id))
    hub.publish(buildSignal({ id: 'a' }))
    off()
    hub.publish(buildSignal({ id: 'b' }))
    expect(got).toEqual(['a'])
  })

  it('is bounded and evicts resolved signals before open ones', () => {
    const hub = createSignalHub({ maxSignals: 3 })
    hub.publish(buildSignal({ id: 'open-oldest' }))
    hub.publish(buildSignal({ id: 'resolved', state: 'resolved' }))
    hub.publish(buildSignal({ id: 'open-2' }))
    hub.publish(buildSignal({ id: 'open-3' }))
    expect(hub.size).toBe(3)
    expect(hub.latest('resolved')).toBeUndefined()
    hub.publish(buildSignal({ id: 'open-4' }))
    expect(hub.snapshot().map((s) => s.id)).toEqual(['open-2', 'open-3', 'open-4'])
  })
})

describe('in-memory repository', () => {
  it('records every revision as history and lists the latest, ordered and filtered', async () => {
    const hub = createSignalHub()
    hub.publish(buildSignal({ id: 'early', severity: 'info' }))
    const repo = createMemorySignalRepository({ hub })
    hub.publish(buildSignal({ revision: 1 }))
    hub.publish(buildSignal({ revision: 2, state: 'escalating', severity: 'critical' }))
    const found = await repo.get('sig-measles')
    expect(found?.signal.revision).toBe(2)
    expect(found?.revisions.map((r: Signal) => r.revision)).toEqual([1, 2])
    expect((await repo.get('early'))?.revisions).toHaveLength(1)
    expect((await repo.list({})).map((s) => s.id)).toEqual(['sig-measles', 'early'])
    expect((await repo.list({ severities: ['info'] })).map((s) => s.id)).toEqual(['early'])
    expect(await repo.get('missing')).toBeUndefined()
  })

  it('forgets the history of signals the hub evicted', async () => {
    const hub = createSignalHub({ maxSignals: 1 })
    const repo = createMemorySignalRepository({ hub, maxRevisionsPerSignal: 2 })
    for (let r = 1; r <= 4; r++) hub.publish(buildSignal({ id: 'a', revision: r }))
    expect((await repo.get('a'))?.revisions.map((s) => s.revision)).toEqual([3, 4])
    hub.publish(buildSignal({ id: 'b' }))
    expect(await repo.get('a')).toBeUndefined()
  })
})
