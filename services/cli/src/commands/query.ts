import { resolve } from 'node:path'
import { silentLogger } from '@pulse/core'
import { openStore, parseRuntimeEnv } from '@pulse/runtime'
import type { QueryFormat } from '@pulse/store'
import { flagString, parseArgs } from '../args.ts'
import { type Command, type CommandContext, UsageError } from '../command.ts'
import { controlRequest, findControl } from '../control.ts'
import { MIGRATIONS_DIR } from '../paths.ts'
import {
  bindParams,
  chDateTime,
  findSavedQuery,
  formatSavedList,
  loadSavedQueries,
  parseParamFlag,
  parseSince,
  parseUntil,
} from '../saved-queries.ts'
import { renderTable } from '../table.ts'

const FORMATS: Record<string, QueryFormat> = {
  table: 'JSONEachRow',
  json: 'JSONEachRow',
  csv: 'CSVWithNames',
}

type QueryParams = Readonly<Record<string, unknown>>
type Run = (sql: string, format: QueryFormat, params?: QueryParams) => Promise<string>
type QueryEnv = { env: Readonly<Record<string, string | undefined>>; cwd: string }

/**
 * Opens one query session: through the running `pulse start` if there is one, else the store
 * directly (opened once, so several statements cost one chDB start-up). Parameters are bound by
 * ClickHouse (`{name:Type}`), never spliced into the SQL.
 */
export async function withQuerySession<T>(ctx: QueryEnv, use: (run: Run) => Promise<T>): Promise<T> {
  const env = parseRuntimeEnv(ctx.env)
  const dataDir = resolve(ctx.cwd, env.PULSE_DATA_DIR)
  const control = env.CLICKHOUSE_URL ? null : findControl(dataDir)
  if (control)
    return use((sql, format, params) =>
      controlRequest(control, '/query', { sql, format, ...(params ? { params } : {}) }),
    )
  const store = await openStore({ ...env, PULSE_DATA_DIR: dataDir }, MIGRATIONS_DIR, silentLogger, {
    migrate: true,
  })
  try {
    return await use((sql, format, params) =>
      store.queryText(sql, format, params ? { ...params } : undefined),
    )
  } finally {
    await store.close()
  }
}

/** Runs one read-only SQL statement: through the running `pulse start` if there is one, else directly. */
export function runQuery(
  ctx: QueryEnv,
  sql: string,
  format: QueryFormat,
  params?: QueryParams,
): Promise<string> {
  return withQuerySession(ctx, (run) => run(sql, format, params))
}

/** JSONEachRow text → array of row objects. */
export function parseRows(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
}

function write(ctx: CommandContext, format: string, text: string): void {
  if (format === 'csv') ctx.stdout.write(text)
  else if (format === 'json') ctx.stdout.write(`${JSON.stringify(parseRows(text))}\n`)
  else ctx.stdout.write(renderTable(parseRows(text)))
}

const LATEST_SQL = 'SELECT toString(max(created_at)) AS latest, count() AS n FROM mentions'

async function newestMention(run: Run): Promise<Date | null> {
  const [row] = parseRows(await run(LATEST_SQL, 'JSONEachRow'))
  if (!row || Number(row.n) === 0 || typeof row.latest !== 'string') return null
  return new Date(`${row.latest.replace(' ', 'T')}Z`)
}

async function runSaved(
  ctx: CommandContext,
  name: string,
  args: ReturnType<typeof parseArgs>,
): Promise<number> {
  const queries = loadSavedQueries()
  if (name === 'list') {
    ctx.stdout.write(formatSavedList(queries))
    return 0
  }
  const query = findSavedQuery(queries, name)
  const format = flagString(args, 'format') ?? 'table'
  const chFormat = FORMATS[format]
  if (!chFormat) throw new UsageError(`--format must be table, json or csv, got "${format}"`)
  const sinceMs = parseSince(flagString(args, 'since') ?? '7d')
  const anchor = parseUntil(flagString(args, 'until'))
  const overrides = parseParamFlag(flagString(args, 'param'))
  return withQuerySession(ctx, async (run) => {
    let until: Date
    if (anchor.kind === 'at') until = anchor.at
    else if (anchor.kind === 'now') until = new Date()
    else {
      const latest = await newestMention(run)
      if (!latest) throw new UsageError('--until latest: there are no mentions stored yet')
      until = latest
    }
    const since = new Date(until.getTime() - sinceMs)
    const text = await run(query.sql, chFormat, bindParams(query, { since, until }, overrides))
    write(ctx, format, text)
    if (anchor.kind === 'now' && text.trim() === '') {
      const latest = await newestMention(run)
      if (latest && latest.getTime() < since.getTime())
        ctx.stderr.write(
          `pulse query: no rows since ${chDateTime(since)} UTC; the newest mention is from ${chDateTime(latest)}` +
            ' (a replay?). Use --until latest to end the window at the newest mention.\n',
        )
    }
    return 0
  })
}

export const queryCommand: Command = {
  name: 'query',
  summary: 'run a read-only SQL query or a saved query against ClickHouse (works while pulse start runs)',
  usage: [
    'pulse query "<SQL>" [--format table|json|csv]',
    '       pulse query --saved <name>|list [--since 7d] [--until now|latest|<ISO time>] [--param k=v[,k=v]] [--format …]',
    '',
    '  --saved list      the saved queries (infra/clickhouse/saved-queries/*.sql) and their parameters',
    '  --since 90m|24h|7d|2w   window length (default 7d)',
    "  --until now       window end: now (default), latest = the newest stored mention's created_at",
    '                    (use it for replays such as the bundled sample), or an ISO time (UTC unless given)',
    "  --param k=v       override a saved query's declared parameter (see --saved list)",
  ].join('\n'),
  async run(ctx) {
    const args = parseArgs(ctx.args, { values: ['format', 'saved', 'since', 'until', 'param'] })
    const saved = flagString(args, 'saved')
    const sql = args.positionals.join(' ').trim()
    if (saved !== undefined) {
      if (sql) throw new UsageError('give either SQL or --saved <name>, not both')
      return runSaved(ctx, saved, args)
    }
    for (const flag of ['since', 'until', 'param'])
      if (args.flags.has(flag)) throw new UsageError(`--${flag} only applies to --saved queries`)
    if (!sql) throw new UsageError('which query? (SQL, or --saved <name>; --saved list shows them)')
    const format = flagString(args, 'format') ?? 'table'
    const chFormat = FORMATS[format]
    if (!chFormat) throw new UsageError(`--format must be table, json or csv, got "${format}"`)
    write(ctx, format, await runQuery(ctx, sql, chFormat))
    return 0
  },
}
