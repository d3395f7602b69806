import {
  SEVERITY_RANK,
  type Signal,
  severitySchema,
  signalKeySchema,
  signalKindSchema,
  signalStateSchema,
} from '@pulse/core'
import { z } from 'zod'
import type { SignalFilter } from './ports.ts'

export const MAX_LIST_LIMIT = 1000

/** Severity first (critical on top), then the most recently updated, then id for a stable order. */
export function compareSignals(a: Signal, b: Signal): number {
  const bySeverity = SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]
  if (bySeverity !== 0) return bySeverity
  const byRecency = Date.parse(b.updatedAt) - Date.parse(a.updatedAt)
  if (byRecency !== 0) return byRecency
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export function matchesFilter(signal: Signal, filter: SignalFilter): boolean {
  if (filter.kinds && filter.kinds.length > 0 && !filter.kinds.includes(signal.kind)) return false
  if (filter.severities && filter.severities.length > 0 && !filter.severities.includes(signal.severity)) {
    return false
  }
  if (filter.states && filter.states.length > 0 && !filter.states.includes(signal.state)) return false
  if (filter.dimension !== undefined && signal.key.dimension !== filter.dimension) return false
  if (filter.key !== undefined && filter.key !== '') {
    if (!signal.key.value.toLowerCase().includes(filter.key.toLowerCase())) return false
  }
  if (filter.source !== undefined && filter.source !== '') {
    const wanted = filter.source.toLowerCase()
    if (!signal.evidence.topSources.some((s) => s.value.toLowerCase() === wanted)) return false
  }
  return true
}

/** Filters then orders; the in-memory repository and tests share it with the ClickHouse one's post-sort. */
export function applyFilter(signals: Iterable<Signal>, filter: SignalFilter): Signal[] {
  const out: Signal[] = []
  for (const s of signals) if (matchesFilter(s, filter)) out.push(s)
  out.sort(compareSignals)
  return filter.limit === undefined ? out : out.slice(0, filter.limit)
}

const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(200)
    .transform((raw) =>
      raw
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .pipe(z.array(item))

const filterQuerySchema = z.strictObject({
  kind: list(signalKindSchema).optional(),
  severity: list(severitySchema).optional(),
  state: list(signalStateSchema).optional(),
  dimension: signalKeySchema.shape.dimension.optional(),
  key: z.string().max(200).optional(),
  source: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIST_LIMIT).optional(),
})

export type FilterParseResult = { ok: true; filter: SignalFilter } | { ok: false; error: string }

/**
 * Reads `?kind=a,b&severity=…&state=…&dimension=…&key=…&source=…&limit=…`. Unknown parameters and
 * values are refused (not ignored), so a typo never silently widens what a caller sees.
 */
export function parseSignalFilter(params: URLSearchParams): FilterParseResult {
  const raw: Record<string, string> = {}
  for (const [name, value] of params) {
    if (name in raw) return { ok: false, error: `${name}: repeat the value comma-separated instead` }
    raw[name] = value
  }
  const parsed = filterQuerySchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'query'
    return { ok: false, error: `${where}: ${issue?.message ?? 'invalid'}` }
  }
  const filter: SignalFilter = {}
  const q = parsed.data
  if (q.kind !== undefined) filter.kinds = q.kind
  if (q.severity !== undefined) filter.severities = q.severity
  if (q.state !== undefined) filter.states = q.state
  if (q.dimension !== undefined) filter.dimension = q.dimension
  if (q.key !== undefined && q.key !== '') filter.key = q.key
  if (q.source !== undefined && q.source !== '') filter.source = q.source
  if (q.limit !== undefined) filter.limit = q.limit
  return { ok: true, filter }
}
