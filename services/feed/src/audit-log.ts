import type { AuditLog } from '@pulse/feed'
import { chTime, fromChTime, type Store } from '@pulse/store'

/** Feed actions audit-logged in ClickHouse (`signal_audit`, append-only). */
export function createClickHouseAuditLog(store: Store): AuditLog {
  const client = store.ch.client
  return {
    async record(e) {
      await client.insert({
        table: 'signal_audit',
        format: 'JSONEachRow',
        values: [
          {
            signal_id: e.signalId,
            revision: e.revision,
            action: e.action,
            actor: e.actor,
            role: '',
            note: e.note,
            assignee: e.assignee ?? '',
            at: chTime(e.at),
          },
        ],
      })
    },
    async list(ids) {
      if (ids.length === 0) return []
      const rs = await client.query({
        query: `SELECT signal_id, revision, action, actor, note, assignee, at FROM signal_audit
                WHERE signal_id IN {ids:Array(String)} ORDER BY at`,
        query_params: { ids: [...ids] },
        format: 'JSONEachRow',
      })
      const rows = await rs.json<{
        signal_id: string
        revision: number
        action: 'acknowledge' | 'assign' | 'resolve' | 'note'
        actor: string
        note: string
        assignee: string
        at: string
      }>()
      return rows.map((r) => ({
        signalId: r.signal_id,
        revision: Number(r.revision),
        action: r.action,
        actor: r.actor,
        note: r.note,
        ...(r.assignee ? { assignee: r.assignee } : {}),
        at: fromChTime(r.at),
      }))
    },
  }
}
