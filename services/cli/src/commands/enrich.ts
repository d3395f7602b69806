import { join, resolve } from 'node:path'
import { formatIssues, mentionSchema, systemClock } from '@pulse/core'
import { createEnricher } from '@pulse/enrich'
import { fileSecret, loadWatchlist, parseRuntimeEnv } from '@pulse/runtime'
import { parseArgs } from '../args.ts'
import type { Command } from '../command.ts'
import { LineError, mapJsonLines } from '../jsonl.ts'
import { DEFAULT_WATCHLIST } from '../paths.ts'

/** `pulse enrich`: Mention JSONL on stdin → EnrichedMention JSONL on stdout, the enrich service's stages. */
export const enrichCommand: Command = {
  name: 'enrich',
  summary: 'enrich Mention JSONL from stdin (redaction, sentiment, topics, intents, claims) to stdout',
  usage: 'pulse enrich < mentions.jsonl > enriched.jsonl',
  async run(ctx) {
    parseArgs(ctx.args, {})
    const env = parseRuntimeEnv(ctx.env)
    const watchlist = loadWatchlist(env.PULSE_WATCHLIST ?? DEFAULT_WATCHLIST)
    const dataDir = resolve(ctx.cwd, env.PULSE_DATA_DIR)
    const hashKey = env.PULSE_AUTHOR_HASH_KEY ?? fileSecret(join(dataDir, 'secrets', 'author-hash.key'))
    const enricher = createEnricher({ watchlist, hashKey, clock: systemClock })
    await mapJsonLines(ctx, (value) => {
      const parsed = mentionSchema.safeParse(value)
      if (!parsed.success) throw new LineError(`schema: ${formatIssues(parsed.error)}`)
      const result = enricher.enrichOne(parsed.data)
      if ('error' in result) throw new LineError(result.error)
      return result
    })
    return 0
  },
}
