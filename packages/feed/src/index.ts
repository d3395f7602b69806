export { type ActionRequest, actionRequestSchema } from './actions.ts'
export type { FeedServerDeps, FeedServerOptions } from './feed-context.ts'
export { createFeedServer, type FeedServer } from './feed-server.ts'
export { applyFilter, compareSignals, matchesFilter, parseSignalFilter } from './filters.ts'
export { createFileKeyValueStore, createMemoryKeyValueStore } from './key-value-store.ts'
export { createMemoryAuditLog, type MemoryAuditLogOptions } from './memory-audit-log.ts'
export {
  createMemorySignalRepository,
  type MemorySignalRepository,
  type MemorySignalRepositoryOptions,
} from './memory-signal-repository.ts'
export {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditEntry,
  type AuditLog,
  type KeyValueStore,
  type Principal,
  type Role,
  type SignalFilter,
  type SignalListener,
  type SignalRepository,
  type SignalWithHistory,
} from './ports.ts'
export { createSignalHub, DEFAULT_MAX_SIGNALS, type SignalHub, type SignalHubOptions } from './signal-hub.ts'
export { formatSseComment, formatSseEvent, formatSseRetry } from './sse.ts'
export {
  createTokenAuth,
  type IssuedToken,
  roleSchema,
  type TokenAuth,
  type TokenAuthDeps,
  type TokenInfo,
} from './token-auth.ts'
export { deriveTriage, type Triage, type TriageStatus } from './triage.ts'
