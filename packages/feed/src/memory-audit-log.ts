import type { AuditEntry, AuditLog } from './ports.ts'

export interface MemoryAuditLogOptions {
  /** Entries kept per signal (oldest dropped first). */
  maxEntriesPerSignal?: number
}

/** Audit log held in memory, for tests and the embedded default. */
export function createMemoryAuditLog(options: MemoryAuditLogOptions = {}): AuditLog {
  const max = options.maxEntriesPerSignal ?? 500
  const bySignal = new Map<string, AuditEntry[]>()
  return {
    async record(entry) {
      const list = bySignal.get(entry.signalId) ?? []
      list.push({ ...entry })
      if (list.length > max) list.splice(0, list.length - max)
      bySignal.set(entry.signalId, list)
    },
    async list(signalIds) {
      const out: AuditEntry[] = []
      for (const id of new Set(signalIds)) out.push(...(bySignal.get(id) ?? []))
      return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    },
  }
}
