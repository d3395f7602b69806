import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { normaliseRecorded, type RecordedOptions, SOURCES, type SourceName } from '@pulse/connectors'
import { PulseError } from '@pulse/core'
import { flagString, parseArgs } from '../args.ts'
import { type Command, UsageError } from '../command.ts'

const isSource = (s: string): s is SourceName => (SOURCES as readonly string[]).includes(s)

/**
 * `pulse ingest --source <s> --from-file FILE`: normalises recorded raw payloads into Mention JSONL
 * on stdout. Bad payloads get an error line on stderr naming the line, non-posts a short note; exit 0.
 */
export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'normalise recorded platform payloads (JSONL, feed XML, review CSV) into Mention JSONL',
  usage: `pulse ingest --source <${SOURCES.join('|')}> --from-file FILE [--instance HOST] [--site NAME] [--feed-url URL]`,
  async run(ctx) {
    const args = parseArgs(ctx.args, { values: ['source', 'from-file', 'instance', 'site', 'feed-url'] })
    const source = flagString(args, 'source')
    const file = flagString(args, 'from-file')
    if (source === undefined || !isSource(source))
      throw new UsageError(`--source must be one of ${SOURCES.join(', ')}`)
    if (file === undefined) throw new UsageError('--from-file is required')
    let content: string
    try {
      content = await readFile(resolve(ctx.cwd, file), 'utf8')
    } catch (err) {
      throw new PulseError(
        'INPUT_INVALID',
        `cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      )
    }
    const opts: { -readonly [K in keyof RecordedOptions]: RecordedOptions[K] } = { fileName: file }
    const instance = flagString(args, 'instance')
    const site = flagString(args, 'site')
    const feedUrl = flagString(args, 'feed-url')
    if (instance !== undefined) opts.instance = instance
    if (site !== undefined) opts.site = site
    if (feedUrl !== undefined) opts.feedUrl = feedUrl
    let out: string[] = []
    const flush = async (): Promise<void> => {
      if (out.length === 0) return
      const chunk = `${out.join('\n')}\n`
      out = []
      if (!ctx.stdout.write(chunk)) await new Promise((r) => ctx.stdout.once('drain', r))
    }
    for (const { where, outcome } of normaliseRecorded(source, content, opts)) {
      if (outcome.kind === 'ok') out.push(JSON.stringify(outcome.value))
      else if (outcome.kind === 'drop') ctx.stderr.write(`${where}: skipped: ${outcome.reason}\n`)
      else ctx.stderr.write(`${where}: error: ${outcome.reason}\n`)
      if (out.length >= 512) await flush()
    }
    await flush()
    return 0
  },
}
