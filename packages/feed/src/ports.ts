import type { Severity, Signal, SignalKey, SignalKind, SignalState } from '@pulse/core'

/** Who may do what: a viewer reads everything; a responder may also act on signals. */
export type Role = 'viewer' | 'responder'

/** The holder of a verified token. `name` is what the audit log records as the actor. */
export interface Principal {
  tokenId: string
  name: string
  role: Role
}

/** Filters for listing signals; every field is optional and they combine with AND. */
export interface SignalFilter {
  kinds?: readonly SignalKind[]
  severities?: readonly Severity[]
  states?: readonly SignalState[]
  /** Key dimension to match exactly (`topic`, `hashtag`, …). */
  dimension?: SignalKey['dimension']
  /** Case-insensitive substring of the signal key's value (a topic, hashtag, term, …). */
  key?: string
  /** Case-insensitive exact match against one of the signal's top sources. */
  source?: string
  /** At most this many signals, after ordering. */
  limit?: number
}

/** A signal's latest revision with every revision seen, oldest first. */
export interface SignalWithHistory {
  signal: Signal
  revisions: readonly Signal[]
}

export type SignalListener = (signal: Signal) => void

/** Read side of signals; the lead implements it over ClickHouse + the bus, tests use the in-memory one. */
export interface SignalRepository {
  /** Latest revision of each matching signal, ordered by severity then recency. */
  list(filter: SignalFilter): Promise<readonly Signal[]>
  get(id: string): Promise<SignalWithHistory | undefined>
  /** Calls `listener` for every new revision; returns the unsubscribe function. */
  subscribe(listener: SignalListener): () => void
}

export const AUDIT_ACTIONS = ['acknowledge', 'assign', 'resolve', 'note'] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** One operator action on a signal. */
export interface AuditEntry {
  signalId: string
  /** The signal revision the actor was looking at when acting. */
  revision: number
  action: AuditAction
  actor: string
  note: string
  /** Set for `assign`. */
  assignee?: string
  /** ISO-8601 instant. */
  at: string
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>
  /** Entries for the given signals, oldest first. */
  list(signalIds: readonly string[]): Promise<readonly AuditEntry[]>
}

/** A small persistent string store (a JSON file, a ClickHouse table, …) that keeps tokens across restarts. */
export interface KeyValueStore {
  get(key: string): Promise<string | undefined>
  set(key: string, value: string): Promise<void>
  delete(key: string): Promise<boolean>
  /** Keys starting with `prefix`, in no particular order. */
  keys(prefix: string): Promise<readonly string[]>
}
