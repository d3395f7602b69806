import type { AuditEntry } from './ports.ts'

export type TriageStatus = 'new' | 'acknowledged' | 'assigned' | 'resolved'

/** Where the crisis team is with a signal, folded from its audit entries. */
export interface Triage {
  status: TriageStatus
  assignee: string | null
  /** Who made the last status change, and when (ISO), and at which signal revision. */
  by: string | null
  at: string | null
  revision: number | null
  notes: number
}

export const NEW_TRIAGE: Triage = {
  status: 'new',
  assignee: null,
  by: null,
  at: null,
  revision: null,
  notes: 0,
}

/** Folds entries (any order) into the current triage state; the latest status-changing action wins. */
export function deriveTriage(entries: readonly AuditEntry[]): Triage {
  const ordered = [...entries].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  let triage: Triage = NEW_TRIAGE
  for (const e of ordered) {
    if (e.note !== '') triage = { ...triage, notes: triage.notes + 1 }
    if (e.action === 'note') continue
    const status: TriageStatus =
      e.action === 'acknowledge' ? 'acknowledged' : e.action === 'assign' ? 'assigned' : 'resolved'
    triage = {
      ...triage,
      status,
      assignee: e.action === 'assign' ? (e.assignee ?? null) : triage.assignee,
      by: e.actor,
      at: e.at,
      revision: e.revision,
    }
  }
  return triage
}

/** Triage per signal id, for the ids given (signals with no entries are `new`). */
export function triageBySignal(ids: readonly string[], entries: readonly AuditEntry[]): Map<string, Triage> {
  const grouped = new Map<string, AuditEntry[]>()
  for (const id of ids) grouped.set(id, [])
  for (const e of entries) grouped.get(e.signalId)?.push(e)
  const out = new Map<string, Triage>()
  for (const [id, list] of grouped) out.set(id, deriveTriage(list))
  return out
}
