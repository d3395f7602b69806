import type { Signal, SignalState } from '@pulse/core'

export type DeliveryMode = 'webhook' | 'bot' | 'console'
export type DeliveryStatus = 'delivered' | 'failed' | 'held'

/** One attempt to deliver one signal revision to one channel, as the alert service persists it. */
export interface DeliveryRecord {
  /** Dedup key: `deliveryKey(signal)` (signal id, state, severity); `digest:<date>` for digests. */
  key: string
  signalId: string
  revision: number
  /** The signal's state, or `digest` for a daily digest record. */
  state: SignalState | 'digest'
  channel: string
  mode: DeliveryMode
  status: DeliveryStatus
  attempts: number
  error?: string
  /** Slack message `ts` (bot mode); with `channelId`, where to thread and edit later. */
  slackTs?: string
  /** Channel id Slack returned (bot mode); `chat.update` needs the id, not the name. */
  channelId?: string
  /** ISO-8601 time of the record. */
  at: string
}

/**
 * Durable memory of what was delivered, injected by the caller (the alert service backs it with a
 * ClickHouse table) so that a restart never resends an alert.
 */
export interface DeliveryLog {
  /** True when a record with this key and status `delivered` exists. */
  wasDelivered(key: string): Promise<boolean>
  record(entry: DeliveryRecord): Promise<void>
  /**
   * Optional: the first delivered record of a signal with a `slackTs` (its parent message), so
   * bot mode can thread and edit after a restart. Without it, threading survives only in memory.
   */
  findParent?(signalId: string): Promise<DeliveryRecord | undefined>
}

/** The dedup key: one delivery per signal id, state and severity. */
export function deliveryKey(signal: Pick<Signal, 'id' | 'state' | 'severity'>): string {
  return `${signal.id}|${signal.state}|${signal.severity}`
}

export interface MemoryDeliveryLog extends DeliveryLog {
  readonly records: readonly DeliveryRecord[]
}

/** An in-memory delivery log for tests and `pulse start`; bounded to the last `max` records. */
export function createMemoryDeliveryLog(max = 10_000): MemoryDeliveryLog {
  const records: DeliveryRecord[] = []
  const delivered = new Set<string>()
  return {
    records,
    wasDelivered: async (key) => delivered.has(key),
    record: async (entry) => {
      records.push(entry)
      if (records.length > max) records.splice(0, records.length - max)
      if (entry.status === 'delivered') delivered.add(entry.key)
    },
    findParent: async (signalId) => {
      return records.find(
        (r) => r.signalId === signalId && r.status === 'delivered' && r.slackTs !== undefined,
      )
    },
  }
}
