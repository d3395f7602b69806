import { resolve } from 'node:path'
import { silentLogger } from '@pulse/core'
import { openStore, parseRuntimeEnv } from '@pulse/runtime'
import type { QueryFormat } from '@pulse/store'
import { flagString, parseArgs } from '../args.ts'
import { type Command, UsageError } from '../command.ts'
import { controlRequest, findControl } from '../control.ts'
import { MIGRATIONS_DIR } from '../paths.ts'
import { renderTable } from '../table.ts'

const FORMATS: Record<string, QueryFormat> = {
  table: 'JSONEachRow',
  json: 'JSONEachRow',
  csv: 'CSVWithNames',
}

/** Runs one read-only SQL statement: through the running `pulse start` if there is one, else directly. */
export async function runQuery(
  ctx: { env: Readonly<Record<string, string | undefined>>; cwd: string },
  sql: string,
  format: QueryFormat,
): Promise<string> {
  const env = parseRuntimeEnv(ctx.env)
  const dataDir = resolve(ctx.cwd, env.PULSE_DATA_DIR)
  const control = env.CLICKHOUSE_URL ? null : findControl(dataDir)
  if (control) return controlRequest(control, '/query', { sql, format })
  const store = await openStore({ ...env, PULSE_DATA_DIR: dataDir }, MIGRATIONS_DIR, silentLogger, {
    migrate: true,
  })
  try {
    return await store.queryText(sql, format)
  } finally {
    await store.close()
  }
}

/** JSONEachRow text → array of row objects. */
export function parseRows(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
}

export const queryCommand: Command = {
  name: 'query',
  summary: 'run a read-only SQL query against ClickHouse (works while pulse start runs)',
  usage: 'pulse query "<SQL>" [--format table|json|csv]',
  async run(ctx) {
    const args = parseArgs(ctx.args, { values: ['format'] })
    const sql = args.positionals.join(' ').trim()
    if (!sql) throw new UsageError('which query?')
    const format = flagString(args, 'format') ?? 'table'
    const chFormat = FORMATS[format]
    if (!chFormat) throw new UsageError(`--format must be table, json or csv, got "${format}"`)
    const text = await runQuery(ctx, sql, chFormat)
    if (format === 'csv') ctx.stdout.write(text)
    else if (format === 'json') ctx.stdout.write(`${JSON.stringify(parseRows(text))}\n`)
    else ctx.stdout.write(renderTable(parseRows(text)))
    return 0
  },
}
