import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
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

export interface ClickHouse {
  readonly client: ClickHouseClient
  readonly target: StoreTarget
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
    try {
      // chdb types its connection against @clickhouse/client-common, which the client re-bundles;
      // the two declarations are the same contract, so bridge the nominal mismatch here.
      const connection = createChdbConnection({ path }) as unknown as NonNullable<ClientConfig['connection']>
      client = createClient({ connection })
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
    return { client, target: { kind: 'embedded', path }, close: () => client.close() }
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

/** Quotes a ClickHouse identifier (database names come from config, never from users). */
export function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new PulseError('CONFIG_INVALID', `CLICKHOUSE_DATABASE: "${name}" is not a plain identifier`)
  }
  return `\`${name}\``
}
