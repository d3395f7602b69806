import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { UsageError } from './command.ts'
import { REPO_ROOT } from './paths.ts'

export const SAVED_QUERIES_DIR = resolve(REPO_ROOT, 'infra/clickhouse/saved-queries')

/** One `-- @param name Type [= default] description` line of a saved query's header. */
export interface SavedQueryParam {
  readonly name: string
  readonly type: string
  /** Bound when the user gives no value; absent for the window bounds the CLI always supplies. */
  readonly defaultValue?: string
  readonly description: string
}

export interface SavedQuery {
  readonly name: string
  readonly description: string
  readonly params: readonly SavedQueryParam[]
  readonly sql: string
}

/** The window bounds `pulse query --saved` always binds; every other parameter needs a default. */
export const WINDOW_PARAMS = ['since', 'until'] as const

const NAME = /^[a-z0-9][a-z0-9-]*$/
const PARAM_LINE = /^@param\s+([a-z_][a-z0-9_]*)\s+([A-Za-z0-9_]+(?:\([^)]*\))?)(?:\s*=\s*(\S+))?\s*(.*)$/i
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*):([^}]+)\}/g

/**
 * Parses a saved query file. The header is the leading block of `--` comment lines: free text is
 * the description, `@param` lines declare the query parameters. Every `{name:Type}` placeholder in
 * the SQL must be declared, with the same type, so a typo fails at load time and not at 3 a.m.
 */
export function parseSavedQuery(name: string, text: string): SavedQuery {
  const lines = text.split('\n')
  const description: string[] = []
  const params: SavedQueryParam[] = []
  let i = 0
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim()
    if (!line.startsWith('--')) break
    const body = line.replace(/^--\s?/, '').trim()
    if (body.startsWith('@param')) {
      const m = PARAM_LINE.exec(body)
      if (!m) throw new Error(`saved query ${name}: cannot parse "${body}"`)
      const [, pname = '', type = '', def, desc = ''] = m
      params.push({
        name: pname,
        type,
        ...(def === undefined ? {} : { defaultValue: def }),
        description: desc,
      })
    } else if (body !== '' && params.length === 0) description.push(body)
  }
  const sql = lines.slice(i).join('\n').trim().replace(/;\s*$/, '')
  if (description.length === 0) throw new Error(`saved query ${name}: header has no description`)
  if (sql === '') throw new Error(`saved query ${name}: no SQL after the header`)
  const declared = new Map(params.map((p) => [p.name, p]))
  for (const [, pname = '', type = ''] of sql.matchAll(PLACEHOLDER)) {
    const p = declared.get(pname)
    if (!p) throw new Error(`saved query ${name}: {${pname}} is used but not declared with @param`)
    if (p.type.replace(/\s/g, '') !== type.replace(/\s/g, ''))
      throw new Error(`saved query ${name}: {${pname}} is ${type} in the SQL but ${p.type} in the header`)
  }
  for (const p of params) {
    const isWindow = (WINDOW_PARAMS as readonly string[]).includes(p.name)
    if (!isWindow && p.defaultValue === undefined)
      throw new Error(`saved query ${name}: @param ${p.name} needs a default (= value)`)
  }
  return { name, description: description.join(' '), params, sql }
}

/** All `*.sql` files in `dir`, by name. */
export function loadSavedQueries(dir: string = SAVED_QUERIES_DIR): SavedQuery[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => f.slice(0, -'.sql'.length))
    .filter((n) => NAME.test(n))
    .map((n) => parseSavedQuery(n, readFileSync(join(dir, `${n}.sql`), 'utf8')))
}

export function findSavedQuery(queries: readonly SavedQuery[], name: string): SavedQuery {
  const found = queries.find((q) => q.name === name)
  if (found) return found
  const names = queries.map((q) => q.name).join(', ')
  throw new UsageError(`no saved query "${name}"; saved queries are: ${names} (see --saved list)`)
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }
const MAX_SINCE_MS = 800 * 86_400_000

/** `90m`, `24h`, `7d`, `2w` → milliseconds. */
export function parseSince(value: string): number {
  const m = /^(\d{1,6})([mhdw])$/.exec(value.trim())
  const unit = m ? UNIT_MS[m[2] ?? ''] : undefined
  if (!m || unit === undefined)
    throw new UsageError(`--since must be a number and a unit m, h, d or w (90m, 24h, 7d), got "${value}"`)
  const ms = Number(m[1]) * unit
  if (ms <= 0) throw new UsageError('--since must be more than zero')
  if (ms > MAX_SINCE_MS) throw new UsageError('--since is at most 800d (the longest retention)')
  return ms
}

/** Where the window ends: the clock, the newest stored mention, or a given instant. */
export type Anchor =
  | { readonly kind: 'now' }
  | { readonly kind: 'latest' }
  | { readonly kind: 'at'; readonly at: Date }

/** `now` (default), `latest` (newest mention's created_at), or an ISO-8601 date/time (UTC unless it says). */
export function parseUntil(value: string | undefined): Anchor {
  if (value === undefined || value === 'now') return { kind: 'now' }
  if (value === 'latest') return { kind: 'latest' }
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `${value}T00:00:00Z`
    : /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)
      ? `${value.replace(' ', 'T')}Z`
      : value
  const at = new Date(iso)
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at.getTime()))
    throw new UsageError(
      `--until must be now, latest or an ISO date/time (2026-11-19T12:00Z), got "${value}"`,
    )
  return { kind: 'at', at }
}

/** A Date as a ClickHouse DateTime64(3, 'UTC') parameter value. */
export function chDateTime(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '')
}

/** `a=1,b=x` → { a: '1', b: 'x' }. */
export function parseParamFlag(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  if (value === undefined) return out
  for (const pair of value.split(',')) {
    const eq = pair.indexOf('=')
    if (eq <= 0) throw new UsageError(`--param takes name=value[,name=value], got "${pair}"`)
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim()
  }
  return out
}

/**
 * The bound parameters for one run: the window [until − since, until] plus each declared
 * parameter's default or override. Overrides for undeclared names are refused.
 */
export function bindParams(
  query: SavedQuery,
  window: { readonly since: Date; readonly until: Date },
  overrides: Readonly<Record<string, string>>,
): Record<string, string> {
  const declared = new Set(query.params.map((p) => p.name))
  for (const name of Object.keys(overrides)) {
    if ((WINDOW_PARAMS as readonly string[]).includes(name))
      throw new UsageError(`set ${name} with --since/--until, not --param`)
    if (!declared.has(name)) {
      const known = query.params.filter((p) => p.defaultValue !== undefined).map((p) => p.name)
      throw new UsageError(
        `saved query ${query.name} has no parameter "${name}"${known.length ? ` (it takes ${known.join(', ')})` : ''}`,
      )
    }
  }
  const params: Record<string, string> = {}
  for (const p of query.params) {
    if (p.name === 'since') params.since = chDateTime(window.since)
    else if (p.name === 'until') params.until = chDateTime(window.until)
    else params[p.name] = overrides[p.name] ?? p.defaultValue ?? ''
  }
  return params
}

/** `pulse query --saved list`: name, description and parameters of each saved query. */
export function formatSavedList(queries: readonly SavedQuery[]): string {
  const width = Math.max(0, ...queries.map((q) => q.name.length))
  return queries
    .map((q) => {
      const extra = q.params
        .filter((p) => p.defaultValue !== undefined)
        .map((p) => `\n  ${' '.repeat(width)}  --param ${p.name}=${p.defaultValue}  ${p.description}`)
        .join('')
      return `${q.name.padEnd(width)}  ${q.description}${extra}`
    })
    .join('\n')
    .concat('\n')
}
