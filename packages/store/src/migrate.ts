import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ClickHouseClient } from '@clickhouse/client'
import { type Logger, PulseError, silentLogger } from '@pulse/core'

export interface Migration {
  readonly version: number
  readonly name: string
  readonly statements: readonly string[]
  readonly checksum: string
}

/** Splits a SQL file into statements (on `;` at the end of a line), dropping comment-only lines. */
export function splitStatements(sql: string): string[] {
  const withoutComments = sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/** Reads `NNN_name.sql` files in version order. */
export function loadMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8')
      return {
        version: Number.parseInt(file, 10),
        name: file.replace(/\.sql$/, ''),
        statements: splitStatements(sql),
        checksum: createHash('sha256').update(sql).digest('hex').slice(0, 16),
      }
    })
}

export interface MigrationResult {
  readonly applied: string[]
  readonly current: number
}

/** `ALTER TABLE <name> MODIFY SETTING …`: table settings of the MergeTree engines. */
const MODIFY_SETTING = /^ALTER\s+TABLE\s+`?(\w+)`?\s+MODIFY\s+SETTING\b/i

/**
 * The engine of a table whose MergeTree settings `statement` changes, when that table is not a
 * MergeTree. On a cluster the names Pulse uses are Distributed tables over `*_local` tables, whose
 * settings the cluster DDL changes (infra/clickhouse/cluster/); the statement is skipped there.
 */
async function notMergeTree(client: ClickHouseClient, statement: string): Promise<string | undefined> {
  const table = MODIFY_SETTING.exec(statement)?.[1]
  if (table === undefined) return undefined
  const rs = await client.query({
    query: 'SELECT engine FROM system.tables WHERE database = currentDatabase() AND name = {table:String}',
    query_params: { table },
    format: 'JSONEachRow',
  })
  const engine = (await rs.json<{ engine: string }>())[0]?.engine
  // A missing table is left to the statement, which then fails naming it.
  return engine === undefined || engine.endsWith('MergeTree') ? undefined : engine
}

/**
 * Applies migrations not yet recorded in `pulse_migrations`, in order. Statements are written with
 * IF NOT EXISTS, so a run interrupted halfway is simply applied again; a MergeTree setting change
 * to a table of another engine (a Distributed table on a cluster) is skipped.
 */
export async function migrate(
  client: ClickHouseClient,
  migrations: readonly Migration[],
  logger: Logger = silentLogger,
): Promise<MigrationResult> {
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS pulse_migrations
      (version UInt32, name String, checksum String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
      ENGINE = ReplacingMergeTree ORDER BY version`,
  })
  const rows = await (
    await client.query({
      query: 'SELECT version, checksum FROM pulse_migrations FINAL',
      format: 'JSONEachRow',
    })
  ).json<{ version: number; checksum: string }>()
  const done = new Map(rows.map((r) => [Number(r.version), r.checksum]))
  const applied: string[] = []
  for (const m of migrations) {
    const recorded = done.get(m.version)
    if (recorded !== undefined) {
      if (recorded !== m.checksum) {
        logger.warn({ migration: m.name }, 'applied migration changed on disk since it ran; not re-applied')
      }
      continue
    }
    for (const statement of m.statements) {
      try {
        const engine = await notMergeTree(client, statement)
        if (engine !== undefined) {
          logger.info({ migration: m.name, engine }, 'setting change skipped: the table is not a MergeTree')
          continue
        }
        await client.command({ query: statement })
      } catch (err) {
        throw new PulseError('SINK_REJECTED', `migration ${m.name} failed: ${String(err)}`, { cause: err })
      }
    }
    await client.insert({
      table: 'pulse_migrations',
      values: [{ version: m.version, name: m.name, checksum: m.checksum }],
      format: 'JSONEachRow',
    })
    applied.push(m.name)
    logger.info({ migration: m.name }, 'migration applied')
  }
  return { applied, current: migrations.reduce((max, m) => Math.max(max, m.version), 0) }
}
