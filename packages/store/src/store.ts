import type { DataFormat } from '@clickhouse/client'
import {
  type DeadLetter,
  type EnrichedMention,
  type Logger,
  PulseError,
  type Signal,
  silentLogger,
  stableHash,
} from '@pulse/core'
import { type ClickHouse, openClickHouse, type StoreTarget } from './client.ts'
import { existingIds } from './existing-ids.ts'
import { createMentionWrites, type MentionWrites, type WriteResult } from './mention-writes.ts'
import { loadMigrations, type MigrationResult, migrate } from './migrate.ts'
import { assertReadOnly } from './read-only.ts'
import {
  DEAD_LETTER_COLUMNS,
  deadLetterRow,
  MENTION_READ_COLUMNS,
  mentionFromRow,
  SIGNAL_COLUMNS,
  type StoredSignalRow,
  signalFromRow,
  signalRow,
} from './rows.ts'

export interface StoreOptions {
  readonly target: StoreTarget
  readonly migrationsDir: string
  readonly logger?: Logger
}

export type { PreparedMentions, WriteResult } from './mention-writes.ts'

export type QueryFormat = 'JSONEachRow' | 'CSVWithNames' | 'TabSeparatedWithNames' | 'JSON'

export interface Store extends MentionWrites {
  readonly ch: ClickHouse
  migrate(): Promise<MigrationResult>
  writeDeadLetters(letters: readonly DeadLetter[]): Promise<WriteResult>
  writeSignals(signals: readonly Signal[]): Promise<WriteResult>
  /** Stored mentions created in [fromMs, toMs), oldest first, each id once. */
  readMentions(range: { readonly fromMs: number; readonly toMs: number }): Promise<EnrichedMention[]>
  /** The latest stored revision of every signal that is not resolved. */
  openSignals(): Promise<Signal[]>
  /** Runs one read-only statement and returns its rows. */
  queryRows<T = Record<string, unknown>>(sql: string, params?: Record<string, unknown>): Promise<T[]>
  /** Runs one read-only statement and returns the raw text in the given format. */
  queryText(sql: string, format: QueryFormat, params?: Record<string, unknown>): Promise<string>
  close(): Promise<void>
}

const wrapWrite = (table: string, err: unknown): PulseError =>
  err instanceof PulseError
    ? err
    : new PulseError('SINK_REJECTED', `insert into ${table} failed: ${String(err)}`, { cause: err })

function distinctBy<T>(items: readonly T[], id: (t: T) => string): T[] {
  const seen = new Set<string>()
  const out: T[] = []
  for (const item of items) {
    const k = id(item)
    if (!seen.has(k)) {
      seen.add(k)
      out.push(item)
    }
  }
  return out
}

/**
 * Opens ClickHouse (embedded or server), and writes idempotently: ids already stored are skipped,
 * every insert carries a deterministic dedup token, and aggregates count distinct ids, so a batch
 * delivered twice never double-counts.
 */
export async function createStore(options: StoreOptions): Promise<Store> {
  const log = options.logger ?? silentLogger
  const ch = await openClickHouse(options.target, log)
  const { client } = ch

  // Embedded chDB keeps settings for the session, so readonly is enforced by assertReadOnly there.
  const readOnlySettings = options.target.kind === 'server' ? { readonly: '2' as const } : {}

  const insert = async (
    table: string,
    columns: readonly string[],
    rows: unknown[][],
    token: string,
    extra: Record<string, number> = {},
  ) => {
    const settings = { insert_deduplication_token: token, ...extra }
    if (ch.rawInsert) {
      await ch.rawInsert({
        table,
        columns,
        format: 'JSONCompactEachRow',
        body: `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`,
        settings,
      })
      return
    }
    await client.insert({
      table,
      values: rows,
      columns: columns as [string, ...string[]],
      format: 'JSONCompactEachRow',
      clickhouse_settings: settings,
    })
  }

  const mentions = createMentionWrites({ ch, insert, wrap: (err) => wrapWrite('mentions', err) })

  return {
    ch,
    migrate: () => migrate(client, loadMigrations(options.migrationsDir), log),

    ...mentions,

    async writeDeadLetters(letters) {
      const batch = distinctBy(letters, (d) => d.id)
      if (batch.length === 0) return { inserted: 0, skipped: letters.length }
      try {
        const stored = await existingIds(
          client,
          'dead_letters',
          batch.map((d) => d.id),
        )
        const fresh = batch.filter((d) => !stored.has(d.id))
        if (fresh.length > 0) {
          await insert(
            'dead_letters',
            DEAD_LETTER_COLUMNS,
            fresh.map(deadLetterRow),
            `dl-${stableHash(...fresh.map((d) => d.id))}`,
          )
        }
        return { inserted: fresh.length, skipped: letters.length - fresh.length }
      } catch (err) {
        throw wrapWrite('dead_letters', err)
      }
    },

    async writeSignals(signals) {
      const batch = distinctBy(signals, (s) => `${s.id}#${s.revision}`)
      if (batch.length === 0) return { inserted: 0, skipped: 0 }
      try {
        const rs = await client.query({
          query: 'SELECT id, revision FROM signals WHERE id IN {ids:Array(String)}',
          query_params: { ids: [...new Set(batch.map((s) => s.id))] },
          format: 'JSONCompactEachRow',
        })
        const stored = new Set((await rs.json<[string, number]>()).map(([id, rev]) => `${id}#${rev}`))
        const fresh = batch.filter((s) => !stored.has(`${s.id}#${s.revision}`))
        if (fresh.length > 0) {
          await insert(
            'signals',
            SIGNAL_COLUMNS,
            fresh.map(signalRow),
            `sig-${stableHash(...fresh.map((s) => `${s.id}#${s.revision}`))}`,
          )
        }
        return { inserted: fresh.length, skipped: signals.length - fresh.length }
      } catch (err) {
        throw wrapWrite('signals', err)
      }
    },

    async readMentions({ fromMs, toMs }) {
      try {
        const rs = await client.query({
          query: `SELECT ${MENTION_READ_COLUMNS.join(', ')} FROM mentions
            WHERE created_at >= fromUnixTimestamp64Milli({from:Int64}) AND created_at < fromUnixTimestamp64Milli({to:Int64})
            ORDER BY created_at, id LIMIT 1 BY id`,
          query_params: { from: Math.floor(fromMs), to: Math.ceil(toMs) },
          format: 'JSONCompactEachRow',
          clickhouse_settings: readOnlySettings,
        })
        return (await rs.json<unknown[]>()).map(mentionFromRow)
      } catch (err) {
        throw new PulseError('QUERY_FAILED', `reading mentions: ${String(err)}`, { cause: err })
      }
    },

    async openSignals() {
      try {
        const rs = await client.query({
          query: `SELECT * FROM (
              SELECT ${SIGNAL_COLUMNS.join(', ')} FROM signals ORDER BY id, revision DESC, recorded_at DESC LIMIT 1 BY id
            ) WHERE state != 'resolved'`,
          format: 'JSONEachRow',
          clickhouse_settings: readOnlySettings,
        })
        return (await rs.json<StoredSignalRow>()).flatMap((r) => signalFromRow(r) ?? [])
      } catch (err) {
        throw new PulseError('QUERY_FAILED', `reading open signals: ${String(err)}`, { cause: err })
      }
    },

    async queryRows<T>(sql: string, params?: Record<string, unknown>) {
      assertReadOnly(sql)
      try {
        const rs = await client.query({
          query: sql,
          format: 'JSONEachRow',
          ...(params ? { query_params: params } : {}),
          clickhouse_settings: readOnlySettings,
        })
        return await rs.json<T>()
      } catch (err) {
        throw new PulseError('QUERY_FAILED', err instanceof Error ? err.message : String(err), { cause: err })
      }
    },

    async queryText(sql, format, params) {
      assertReadOnly(sql)
      try {
        const rs = await client.query({
          query: sql,
          format: format as DataFormat,
          ...(params ? { query_params: params } : {}),
          clickhouse_settings: readOnlySettings,
        })
        return await rs.text()
      } catch (err) {
        throw new PulseError('QUERY_FAILED', err instanceof Error ? err.message : String(err), { cause: err })
      }
    },

    close: () => ch.close(),
  }
}
