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
import { loadMigrations, type MigrationResult, migrate } from './migrate.ts'
import { assertReadOnly } from './read-only.ts'
import { encodeRowBinaryRows, pickRows, type RowBinaryRows, rowBinaryStructure } from './row-binary.ts'
import {
  DEAD_LETTER_COLUMNS,
  deadLetterRow,
  EVENT_COLUMNS,
  eventRowOf,
  MENTION_COLUMNS,
  MENTION_READ_COLUMNS,
  MENTION_TABLE,
  mentionFromRow,
  mentionRow,
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

export interface WriteResult {
  /** Rows actually inserted (already-stored ids are skipped). */
  readonly inserted: number
  readonly skipped: number
}

export type QueryFormat = 'JSONEachRow' | 'CSVWithNames' | 'TabSeparatedWithNames' | 'JSON'

/**
 * Mentions prepared for the store as they arrive, to be written later with other slices of the
 * same batch. Embedded, the rows are already RowBinary: a batch waiting for its flush then holds
 * bytes, where thousands of decoded mentions outlived young collections and cost the garbage
 * collector more than encoding them. Against a server, the mentions themselves.
 */
export interface PreparedMentions {
  readonly count: number
  readonly ids: readonly string[]
  /** Earliest and latest `createdAt` (ISO). */
  readonly from: string
  readonly to: string
  readonly rows: RowBinaryRows | readonly EnrichedMention[]
}

export interface Store {
  readonly ch: ClickHouse
  migrate(): Promise<MigrationResult>
  writeMentions(mentions: readonly EnrichedMention[]): Promise<WriteResult>
  prepareMentions(mentions: readonly EnrichedMention[]): PreparedMentions
  /** Writes prepared slices as one batch: each id once (its first row), ids already stored skipped. */
  writePreparedMentions(parts: readonly PreparedMentions[]): Promise<WriteResult>
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

const MENTION_STRUCTURE = rowBinaryStructure(MENTION_TABLE)

/** Cells for RowBinary: timestamps as epoch milliseconds (createdAt and enrichedAt are ISO-8601). */
const mentionBinaryRow = (m: EnrichedMention): unknown[] => mentionRow(m, Date.parse)

/**
 * A mention batch holds only ids not stored yet, each once, so ReplacingMergeTree's pass over the
 * inserted block (`optimize_on_insert`) has nothing to replace; skipping it took about a third off
 * the insert. Background merges still collapse any copy that slips past the id check.
 */
const MENTION_INSERT_SETTINGS = { optimize_on_insert: 0 }

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

  /**
   * Writes the chosen rows of prepared slices under a dedup token (`keep`: per slice, the row
   * indexes to write; all of them when absent). Embedded: one RowBinary body feeds the aggregates
   * (which read the event columns) and then the mentions table. Server: JSON rows that the client
   * streams. Aggregates go first: if the process dies between the two inserts, the redelivered
   * batch finds no stored ids and feeds the aggregates again, which count distinct ids.
   */
  const writeRows = async (
    parts: readonly PreparedMentions[],
    keep: readonly (readonly number[])[] | undefined,
    token: string,
  ): Promise<void> => {
    const staged = ch.insertStaged
    if (staged) {
      const bodies = parts.map((p, i) => {
        const rows = p.rows as RowBinaryRows
        const picked = keep?.[i]
        return picked ? pickRows(rows, picked) : rows.body
      })
      await staged({
        body: bodies.length === 1 ? (bodies[0] as Buffer) : Buffer.concat(bodies),
        structure: MENTION_STRUCTURE,
        inserts: [
          {
            table: 'mention_events',
            columns: EVENT_COLUMNS,
            // The aggregate views run side by side rather than one after another.
            settings: { insert_deduplication_token: `ev-${token}`, parallel_view_processing: 1 },
          },
          {
            table: 'mentions',
            columns: MENTION_COLUMNS,
            settings: { insert_deduplication_token: `m-${token}`, ...MENTION_INSERT_SETTINGS },
          },
        ],
      })
      return
    }
    const rows = parts.flatMap((p, i) => {
      const mentions = p.rows as readonly EnrichedMention[]
      const picked = keep?.[i]
      return (picked ? picked.map((r) => mentions[r] as EnrichedMention) : mentions).map((m) => mentionRow(m))
    })
    await insert('mention_events', EVENT_COLUMNS, rows.map(eventRowOf), `ev-${token}`)
    await insert('mentions', MENTION_COLUMNS, rows, `m-${token}`, MENTION_INSERT_SETTINGS)
  }

  /** A slice's ids and time range, without its rows. */
  const shapeOf = (mentions: readonly EnrichedMention[]): Omit<PreparedMentions, 'rows'> => {
    let from = mentions[0]?.createdAt ?? ''
    let to = from
    for (const m of mentions) {
      if (m.createdAt < from) from = m.createdAt
      if (m.createdAt > to) to = m.createdAt
    }
    return { count: mentions.length, ids: mentions.map((m) => m.id), from, to }
  }
  const rowsOf = (mentions: readonly EnrichedMention[]): PreparedMentions['rows'] =>
    ch.insertStaged ? encodeRowBinaryRows(mentions, MENTION_TABLE, mentionBinaryRow) : mentions

  /** Each id once, in order, and the look-up of those already stored (started at once). */
  const lookUp = (parts: readonly Omit<PreparedMentions, 'rows'>[]) => {
    let count = 0
    let from = ''
    let to = ''
    let repeats = false
    const seen = new Set<string>()
    const ids: string[] = []
    for (const p of parts) {
      count += p.count
      if (p.count === 0) continue
      if (from === '' || p.from < from) from = p.from
      if (to === '' || p.to > to) to = p.to
      for (const id of p.ids) {
        if (seen.has(id)) repeats = true
        else {
          seen.add(id)
          ids.push(id)
        }
      }
    }
    const stored = ids.length > 0 ? existingIds(client, 'mentions', ids, { from, to }) : undefined
    // Observed now, so a write that fails before awaiting it leaves no unhandled rejection.
    stored?.catch(() => {})
    return { count, ids, repeats, stored }
  }

  const writeLookedUp = async (
    parts: readonly PreparedMentions[],
    { count, ids, repeats, stored: lookup }: ReturnType<typeof lookUp>,
  ): Promise<WriteResult> => {
    if (!lookup) return { inserted: 0, skipped: count }
    try {
      const stored = await lookup
      const fresh = stored.size > 0 ? ids.filter((id) => !stored.has(id)) : ids
      // A repeated id or a redelivery (rare): write each fresh id's first row only.
      let keep: number[][] | undefined
      if (repeats || stored.size > 0) {
        const taken = new Set<string>()
        keep = parts.map((p) => {
          const rows: number[] = []
          p.ids.forEach((id, r) => {
            if (taken.has(id) || stored.has(id)) return
            taken.add(id)
            rows.push(r)
          })
          return rows
        })
      }
      if (fresh.length > 0) await writeRows(parts, keep, stableHash(...fresh))
      return { inserted: fresh.length, skipped: count - fresh.length }
    } catch (err) {
      throw wrapWrite('mentions', err)
    }
  }

  return {
    ch,
    migrate: () => migrate(client, loadMigrations(options.migrationsDir), log),

    async writeMentions(mentions) {
      const shape = shapeOf(mentions)
      // ClickHouse looks the ids up on its own threads while this one encodes the rows.
      const looked = lookUp([shape])
      return writeLookedUp([{ ...shape, rows: rowsOf(mentions) }], looked)
    },
    prepareMentions: (mentions) => ({ ...shapeOf(mentions), rows: rowsOf(mentions) }),
    writePreparedMentions: (parts) => writeLookedUp(parts, lookUp(parts)),

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
