import { type EnrichedMention, stableHash } from '@pulse/core'
import type { ClickHouse } from './client.ts'
import { existingIds } from './existing-ids.ts'
import { encodeRowBinaryRows, pickRows, type RowBinaryRows, rowBinaryStructure } from './row-binary.ts'
import { EVENT_COLUMNS, eventRowOf, MENTION_COLUMNS, MENTION_TABLE, mentionRow } from './rows.ts'

export interface WriteResult {
  /** Rows actually inserted (already-stored ids are skipped). */
  readonly inserted: number
  readonly skipped: number
}

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

const MENTION_STRUCTURE = rowBinaryStructure(MENTION_TABLE)

/** Cells for RowBinary: timestamps as epoch milliseconds (createdAt and enrichedAt are ISO-8601). */
const mentionBinaryRow = (m: EnrichedMention): unknown[] => mentionRow(m, Date.parse)

/**
 * A mention batch holds only ids not stored yet, each once, so ReplacingMergeTree's pass over the
 * inserted block (`optimize_on_insert`) has nothing to replace; skipping it took about a third off
 * the insert. Background merges still collapse any copy that slips past the id check.
 */
const MENTION_INSERT_SETTINGS = { optimize_on_insert: 0 }

/** A JSON-rows insert under a dedup token (the store's, for the server path). */
export type JsonInsert = (
  table: string,
  columns: readonly string[],
  rows: unknown[][],
  token: string,
  extra?: Record<string, number>,
) => Promise<void>

export interface MentionWrites {
  writeMentions(mentions: readonly EnrichedMention[]): Promise<WriteResult>
  prepareMentions(mentions: readonly EnrichedMention[]): PreparedMentions
  /** Writes prepared slices as one batch: each id once (its first row), ids already stored skipped. */
  writePreparedMentions(parts: readonly PreparedMentions[]): Promise<WriteResult>
}

/**
 * The store's mention writes, idempotent: ids already stored are skipped, each id is written once
 * (its first row), and the insert carries a dedup token derived from the ids it writes.
 */
export function createMentionWrites(options: {
  readonly ch: ClickHouse
  readonly insert: JsonInsert
  /** Turns a failure into the store's error for the mentions table. */
  readonly wrap: (err: unknown) => Error
}): MentionWrites {
  const { ch, insert } = options
  const { client } = ch

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
      throw options.wrap(err)
    }
  }

  return {
    async writeMentions(mentions) {
      const shape = shapeOf(mentions)
      // ClickHouse looks the ids up on its own threads while this one encodes the rows.
      const looked = lookUp([shape])
      return writeLookedUp([{ ...shape, rows: rowsOf(mentions) }], looked)
    },
    prepareMentions: (mentions) => ({ ...shapeOf(mentions), rows: rowsOf(mentions) }),
    writePreparedMentions: (parts) => writeLookedUp(parts, lookUp(parts)),
  }
}
