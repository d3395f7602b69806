import type { DeliveryLog, DeliveryRecord } from '@pulse/alerting'
import { chTime, fromChTime, type Store } from '@pulse/store'

interface Row {
  key: string
  signal_id: string
  revision: number
  state: string
  channel: string
  mode: string
  status: string
  attempts: number
  error: string
  slack_ts: string
  channel_id: string
  at: string
}

const toRecord = (r: Row): DeliveryRecord => ({
  key: r.key,
  signalId: r.signal_id,
  revision: Number(r.revision),
  state: r.state as DeliveryRecord['state'],
  channel: r.channel,
  mode: r.mode as DeliveryRecord['mode'],
  status: r.status as DeliveryRecord['status'],
  attempts: Number(r.attempts),
  ...(r.error ? { error: r.error } : {}),
  ...(r.slack_ts ? { slackTs: r.slack_ts } : {}),
  ...(r.channel_id ? { channelId: r.channel_id } : {}),
  at: fromChTime(r.at),
})

/** The alert delivery log in ClickHouse (`alert_deliveries`): a restart never resends an alert. */
export function createClickHouseDeliveryLog(store: Store): DeliveryLog {
  const client = store.ch.client
  return {
    async wasDelivered(key) {
      const rs = await client.query({
        query: "SELECT count() AS n FROM alert_deliveries WHERE key = {key:String} AND status = 'delivered'",
        query_params: { key },
        format: 'JSONEachRow',
      })
      const [row] = await rs.json<{ n: string }>()
      return Number(row?.n ?? 0) > 0
    },
    async record(entry) {
      await client.insert({
        table: 'alert_deliveries',
        format: 'JSONEachRow',
        values: [
          {
            key: entry.key,
            signal_id: entry.signalId,
            revision: entry.revision,
            state: entry.state,
            channel: entry.channel,
            mode: entry.mode,
            status: entry.status,
            attempts: entry.attempts,
            error: entry.error ?? '',
            slack_ts: entry.slackTs ?? '',
            channel_id: entry.channelId ?? '',
            at: chTime(entry.at),
          },
        ],
      })
    },
    async findParent(signalId) {
      const rs = await client.query({
        query: `SELECT * FROM alert_deliveries WHERE signal_id = {id:String} AND status = 'delivered' AND slack_ts != ''
                ORDER BY at LIMIT 1`,
        query_params: { id: signalId },
        format: 'JSONEachRow',
      })
      const [row] = await rs.json<Row>()
      return row ? toRecord(row) : undefined
    },
  }
}
