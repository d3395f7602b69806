import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { type ClickHouseClient, type ClickHouseClientConfigOptions, createClient } from '@clickhouse/client'
import { type Logger, PulseError, silentLogger } from '@pulse/core'
import { createChdbConnection } from 'chdb/connection'

type ClientConfig = ClickHouseClientConfigOptions

export type StoreTarget =
  | { readonly kind: 'embedded'; readonly path: string }
  | {
      readonly kind: 'server'
      readonly url: string
      readonly username?: string
      readonly password?: string
      readonly database: string
    }

/** Inserts a pre-serialised body in one call (embedded chDB: handed over without streaming). */
export type RawInsert = (params: {
  table: string
  columns: readonly string[]
  format: 'JSONCompactEachRow' | 'JSONEachRow'
  body: string
  settings: Record<string, string | number>
}) => Promise<void>

/** One `INSERT INTO table (columns) SELECT columns FROM <staged file>`. */
export interface StagedInsert {
  readonly table: string
  readonly columns: readonly string[]
  readonly settings: Record<string, string | number>
}

/**
 * Stages a RowBinary body as a file and runs the inserts from it, in order (each reads only the
 * columns it names). `structure` describes the whole body (`name Type, …`).
 */
export type InsertStaged = (params: {
  body: Uint8Array
  structure: string
  inserts: readonly StagedInsert[]
}) => Promise<void>

export interface ClickHouse {
  readonly client: ClickHouseClient
  readonly target: StoreTarget
  /**
   * Embedded only: insert a body built in one synchronous step. The client's streaming insert
   * pumps rows through the event loop, so a busy loop (enrichment in the same process) stretched a
   * 20k-row insert from 0.6 s to 5 s; chDB's raw insert takes the buffer as is and parses it on its
   * own threads.
   */
  readonly rawInsert?: RawInsert
  /**
   * Embedded only: binary inserts. chDB's raw insert takes text formats only; a RowBinary file read
   * by `INSERT … SELECT FROM file()` parses about 8× faster than JSON lines, and one staged body
   * feeds both the aggregates and the mentions table.
   */
  readonly insertStaged?: InsertStaged
  close(): Promise<void>
}

/** Where the store lives, for messages: never includes a password. */
export function describeTarget(target: StoreTarget): string {
  if (target.kind === 'embedded') return `embedded ClickHouse (chDB) at ${target.path}`
  const u = new URL(target.url)
  return `ClickHouse server ${u.protocol}//${u.host} database ${target.database}`
}

/**
 * Opens ClickHouse through the official client: a server over HTTP(S), or embedded chDB (the same
 * engine in-process) bound to a data directory. chDB binds one data directory per process; a second
 * process on the same directory is refused with STORE_LOCKED.
 */
export async function openClickHouse(
  target: StoreTarget,
  logger: Logger = silentLogger,
): Promise<ClickHouse> {
  if (target.kind === 'embedded') {
    const path = resolve(target.path)
    mkdirSync(path, { recursive: true })
    let client: ClickHouseClient
    let connection: ReturnType<typeof createChdbConnection>
    try {
      // chdb types its connection against @clickhouse/client-common, which the client re-bundles;
      // the two declarations are the same contract, so bridge the nominal mismatch here.
      connection = createChdbConnection({ path })
      client = createClient({ connection: connection as unknown as NonNullable<ClientConfig['connection']> })
      await client.query({ query: 'SELECT 1', format: 'JSONEachRow' }).then((r) => r.json())
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      const locked = /lock|already|another/i.test(message)
      throw new PulseError(
        locked ? 'STORE_LOCKED' : 'SINK_UNAVAILABLE',
        locked
          ? `embedded ClickHouse at ${path} is in use by another process (${message})`
          : `cannot open embedded ClickHouse at ${path}: ${message}`,
        { cause: err },
      )
    }
    logger.debug({ path }, 'embedded ClickHouse open')
    const chdb = connection.chdb
    const rawInsert: RawInsert = async (p) => {
      await chdb.rawInsert({
        table: p.table,
        columns: [...p.columns],
        format: p.format,
        values: Buffer.from(p.body, 'utf8'),
        // Parallel parsing splits the body across threads. In-process, for sink-sized batches, it
        // was no faster on an idle 2-core machine and 1.3–1.4× slower when the cores were busy.
        settings: { input_format_parallel_parsing: 0, ...p.settings },
      })
    }
    // Staged batches live beside the tables; a crash can leave one behind, never a needed one.
    const staging = join(path, 'pulse-staging')
    rmSync(staging, { recursive: true, force: true })
    mkdirSync(staging, { recursive: true })
    const insertStaged: InsertStaged = async ({ body, structure, inserts }) => {
      const file = join(staging, `${randomUUID()}.rowbinary`)
      await writeFile(file, body)
      try {
        const source = `file(${sqlString(file)}, RowBinary, ${sqlString(structure)})`
        for (const ins of inserts) {
          const columns = ins.columns.map(quoteColumn).join(', ')
          const settings = Object.entries(ins.settings)
            .map(([k, v]) => `${quoteSetting(k)} = ${typeof v === 'number' ? v : sqlString(v)}`)
            .join(', ')
          await chdb.queryAsync(
            `INSERT INTO ${quoteColumn(ins.table)} (${columns})${settings ? ` SETTINGS ${settings}` : ''} SELECT ${columns} FROM ${source}`,
          )
        }
      } finally {
        await rm(file, { force: true })
      }
    }
    return {
      client,
      target: { kind: 'embedded', path },
      rawInsert,
      insertStaged,
      close: () => client.close(),
    }
  }
  const bootstrap = createClient({
    url: target.url,
    username: target.username ?? 'default',
    password: target.password ?? '',
  })
  try {
    await bootstrap.command({ query: `CREATE DATABASE IF NOT EXISTS ${quoteIdentifier(target.database)}` })
  } catch (err) {
    await bootstrap.close()
    throw new PulseError('SINK_UNAVAILABLE', `cannot reach ${describeTarget(target)}: ${String(err)}`, {
      cause: err,
    })
  }
  await bootstrap.close()
  const client = createClient({
    url: target.url,
    username: target.username ?? 'default',
    password: target.password ?? '',
    database: target.database,
    clickhouse_settings: { date_time_input_format: 'best_effort' },
  })
  return { client, target, close: () => client.close() }
}

/** A ClickHouse string literal. */
export const sqlString = (v: string): string =>
  `'${/[\\']/.test(v) ? v.replace(/[\\']/g, (c) => `\\${c}`) : v}'`

const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Table and column names are the store's own constants; anything else is a programming error. */
function quoteColumn(name: string): string {
  if (!PLAIN_IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${name}`)
  return `\`${name}\``
}

function quoteSetting(name: string): string {
  if (!PLAIN_IDENTIFIER.test(name)) throw new Error(`not a setting name: ${name}`)
  return name
}

/** Quotes a ClickHouse identifier (database names come from config, never from users). */
export function quoteIdentifier(name: string): string {
  if (!PLAIN_IDENTIFIER.test(name)) {
    throw new PulseError('CONFIG_INVALID', `CLICKHOUSE_DATABASE: "${name}" is not a plain identifier`)
  }
  return `\`${name}\``
}
