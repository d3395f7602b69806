import { dlq, type Mention, type Outcome } from '@pulse/core'
import { createBlueskyNormaliser } from '../bluesky/normalise.ts'
import type { SourceName } from '../framework/connector.ts'
import { instanceHost, normaliseMastodon } from '../mastodon/normalise.ts'
import { normaliseReddit } from '../reddit/normalise.ts'
import { csvRecords } from '../reviews/csv.ts'
import { normaliseReviewRow, normaliseReviews } from '../reviews/normalise.ts'
import { normaliseRss } from '../rss/normalise.ts'
import { normaliseX } from '../x/normalise.ts'
import { normaliseYouTube } from '../youtube/normalise.ts'

export interface RecordedOptions {
  /** File name, to tell a CSV review export from JSON lines by extension. */
  readonly fileName?: string
  /** Mastodon: the server the statuses were fetched from (else taken from local statuses). */
  readonly instance?: string
  /** Reviews: site for export rows without a `site` column. */
  readonly site?: string
  /** RSS: the feed URL (names the publisher when the feed has no link). */
  readonly feedUrl?: string
}

/** Where in the file an outcome came from (`line 3`, `item 2`), for error messages. */
export interface RecordedOutcome {
  readonly where: string
  readonly outcome: Outcome<Mention>
}

/** A per-line normaliser for JSON-lines recordings of one source. */
export function payloadNormaliser(
  source: SourceName,
  opts: RecordedOptions = {},
): (raw: unknown) => readonly Outcome<Mention>[] {
  switch (source) {
    case 'bluesky': {
      const one = createBlueskyNormaliser()
      return (raw) => [one(raw)]
    }
    case 'mastodon': {
      const host = opts.instance === undefined ? undefined : instanceHost(opts.instance)
      return (raw) => normaliseMastodon(raw, host)
    }
    case 'reddit':
      return normaliseReddit
    case 'x':
      return normaliseX
    case 'youtube':
      return normaliseYouTube
    case 'reviews':
      return (raw) => normaliseReviews(raw, opts.site)
    case 'rss':
      return (raw) => normaliseRss(raw, opts.feedUrl ?? null)
  }
}

function* jsonLines(
  content: string,
  normalise: (raw: unknown) => readonly Outcome<Mention>[],
): Generator<RecordedOutcome> {
  const lines = content.split(/\r?\n/)
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue
    const where = `line ${i + 1}`
    let raw: unknown
    try {
      raw = JSON.parse(line)
    } catch (err) {
      yield { where, outcome: dlq(`not JSON: ${err instanceof Error ? err.message : String(err)}`) }
      continue
    }
    for (const outcome of normalise(raw)) yield { where, outcome }
  }
}

const looksLikeCsv = (content: string, fileName: string | undefined): boolean => {
  if (fileName !== undefined && /\.csv$/i.test(fileName)) return true
  if (fileName !== undefined && /\.(jsonl|ndjson|json)$/i.test(fileName)) return false
  const first = content.replace(/^\uFEFF/, '').trimStart()[0]
  return first !== '{' && first !== '['
}

/**
 * Normalises a recorded file of one source: JSON lines of raw payloads (a line may hold a page of
 * many posts), the feed XML for RSS, and for reviews JSON lines or a CSV export.
 */
export function* normaliseRecorded(
  source: SourceName,
  content: string,
  opts: RecordedOptions = {},
): Generator<RecordedOutcome> {
  if (source === 'rss' && content.trimStart().startsWith('<')) {
    for (const [i, outcome] of normaliseRss(content, opts.feedUrl ?? null).entries())
      yield { where: `item ${i + 1}`, outcome }
    return
  }
  if (source === 'reviews' && looksLikeCsv(content, opts.fileName)) {
    let records: ReturnType<typeof csvRecords>
    try {
      records = csvRecords(content)
    } catch (err) {
      yield {
        where: 'line 1',
        outcome: dlq(`CSV does not parse: ${err instanceof Error ? err.message : String(err)}`),
      }
      return
    }
    for (const { line, record } of records)
      yield { where: `line ${line}`, outcome: normaliseReviewRow(record, opts.site) }
    return
  }
  yield* jsonLines(content, payloadNormaliser(source, opts))
}
