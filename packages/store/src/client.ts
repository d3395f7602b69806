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

/** Inserts a pre-serialised body in one call (embedded chDB: staged as a file, see `embeddedInserts`). */
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
   * 20k-row insert from 0.6 s to 5 s; a staged body is parsed by the engine on its own threads.
   */
  readonly rawInsert?: RawInsert
  /**
   * Embedded only: binary inserts. A RowBinary file read by `INSERT … SELECT FROM file()` parses
   * about 8× faster than JSON lines, and one staged body feeds both the aggregates and the mentions
   * table.
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
    // Staged batches live beside the tables; a crash can leave one behind, never a needed one.
    const staging = join(path, 'pulse-staging')
    rmSync(staging, { recursive: true, force: true })
    mkdirSync(staging, { recursive: true })
    const { rawInsert, insertStaged } = embeddedInserts(staging, (sql) => chdb.queryAsync(sql), client)
    routeClientInserts(connection, rawInsert)
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

/**
 * Inserts into embedded chDB, each as `INSERT … SELECT … FROM file(<staged body>)`. An insert that
 * carries its own rows (`INSERT … FORMAT`/`VALUES`) makes chDB read the process's stdin as more
 * rows: it refuses the insert when stdin is a pipe or a file (`pulse start --replay -`), and with
 * `async_insert = 0` it would insert whatever stdin holds (chdb-io/chdb-core#239). A SELECT never
 * reads stdin, and the engine parses the staged body on its own threads.
 */
function embeddedInserts(
  staging: string,
  exec: (sql: string) => Promise<unknown>,
  client: ClickHouseClient,
): { rawInsert: RawInsert; insertStaged: InsertStaged } {
  const staged = async (body: string | Uint8Array, run: (file: string) => Promise<void>): Promise<void> => {
    const file = join(staging, randomUUID())
    await writeFile(file, body)
    try {
      await run(file)
    } finally {
      await rm(file, { force: true })
    }
  }
  const insertSelect = (
    table: string,
    columnList: readonly string[],
    settings: Record<string, string | number>,
    source: string,
  ): Promise<unknown> => {
    const columns = columnList.map(quoteColumn).join(', ')
    const set = Object.entries(settings)
      .map(([k, v]) => `${quoteSetting(k)} = ${typeof v === 'number' ? v : sqlString(v)}`)
      .join(', ')
    return exec(
      `INSERT INTO ${quoteColumn(table)} (${columns})${set ? ` SETTINGS ${set}` : ''} SELECT ${columns} FROM ${source}`,
    )
  }
  const fileSource = (file: string, format: string, structure: string): string =>
    `file(${sqlString(file)}, ${quoteSetting(format)}, ${sqlString(structure)})`
  /** `name Type, …` of `columns`, in that order, as the table declares them. */
  const structureOf = async (table: string, columns: readonly string[]): Promise<string> => {
    const rs = await client.query({
      query:
        'SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = {table:String}',
      query_params: { table },
      format: 'JSONEachRow',
    })
    const types = new Map((await rs.json<{ name: string; type: string }>()).map((c) => [c.name, c.type]))
    return columns
      .map((c) => {
        const type = types.get(c)
        if (type === undefined) throw new PulseError('SINK_REJECTED', `insert into ${table}: no column ${c}`)
        return `${quoteColumn(c)} ${type}`
      })
      .join(', ')
  }
  return {
    rawInsert: (p) =>
      staged(p.body, async (file) => {
        const source = fileSource(file, p.format, await structureOf(p.table, p.columns))
        await insertSelect(p.table, p.columns, p.settings, source)
      }),
    insertStaged: ({ body, structure, inserts }) =>
      staged(body, async (file) => {
        const source = fileSource(file, 'RowBinary', structure)
        for (const ins of inserts) await insertSelect(ins.table, ins.columns, ins.settings, source)
      }),
  }
}

/** `INSERT INTO <table> [(<columns>)] FORMAT <format>`, as the official client words an insert. */
const CLIENT_INSERT = /^INSERT INTO (\w+)(?: \(([\w, ]+)\))? FORMAT (JSONEachRow|JSONCompactEachRow)$/
/** Settings the official client may add for its HTTP transport; the engine has no such settings. */
const HTTP_ONLY = /^(?:wait_end_of_query|send_progress_in_http_headers|http_\w+|enable_http_compression)$/

/**
 * Makes the official client's `insert()` on embedded chDB (migrations, alert deliveries, the feed's
 * audit log) go through `rawInsert`, so it never reads stdin either (see `embeddedInserts`). Rows
 * given as objects insert the columns the first row names, so the others take their defaults.
 */
function routeClientInserts(connection: ReturnType<typeof createChdbConnection>, rawInsert: RawInsert): void {
  connection.insert = async (params) => {
    const query_id = params.query_id ?? randomUUID()
    const m = CLIENT_INSERT.exec(params.query.trim())
    if (!m)
      throw new PulseError('SINK_REJECTED', `embedded ClickHouse cannot run this insert: ${params.query}`)
    const [, table = '', listed, format = 'JSONEachRow'] = m
    let body = ''
    for await (const chunk of params.values as AsyncIterable<string | Uint8Array>)
      body += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    const rows = body.split('\n').filter((l) => l.trim() !== '').length
    if (rows > 0) {
      const newline = body.indexOf('\n')
      const firstRow = newline < 0 ? body : body.slice(0, newline)
      const columns = listed
        ? listed.split(',').map((c) => c.trim())
        : format === 'JSONEachRow'
          ? Object.keys(JSON.parse(firstRow) as object)
          : []
      if (columns.length === 0)
        throw new PulseError('SINK_REJECTED', `embedded insert into ${table}: name the columns for ${format}`)
      const settings: Record<string, string | number> = {}
      for (const [k, v] of Object.entries(params.clickhouse_settings ?? {}))
        if (v !== undefined && !HTTP_ONLY.test(k))
          settings[k] = typeof v === 'boolean' ? Number(v) : (v as string | number)
      await rawInsert({
        table,
        columns,
        format: format as 'JSONEachRow' | 'JSONCompactEachRow',
        body,
        settings,
      })
    }
    const n = String(rows)
    return {
      query_id,
      response_headers: {},
      http_status_code: 200,
      summary: {
        read_rows: n,
        read_bytes: String(body.length),
        written_rows: n,
        written_bytes: String(body.length),
        total_rows_to_read: '0',
        result_rows: '0',
        result_bytes: '0',
        elapsed_ns: '0',
      },
    }
  }
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
