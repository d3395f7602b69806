import { createSentimentScorer } from '@pulse/sentiment'
import { parseArgs } from '../args.ts'
import type { Command } from '../command.ts'
import { LineError, mapJsonLines } from '../jsonl.ts'

function readInput(value: unknown): { id: unknown; text: string; lang: string | undefined } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LineError('expected an object {"id","text"}')
  }
  const record = value as Record<string, unknown>
  if (typeof record.text !== 'string') throw new LineError('"text" must be a string')
  if (!('id' in record)) throw new LineError('"id" is missing')
  const lang = record.lang
  if (lang !== undefined && lang !== null && typeof lang !== 'string')
    throw new LineError('"lang" must be a string')
  return {
    id: record.id,
    text: record.text,
    lang: typeof lang === 'string' && lang !== '' ? lang : undefined,
  }
}

export const sentimentCommand: Command = {
  name: 'sentiment',
  summary:
    'score JSONL {"id","text"[,"lang"]} on stdin → {"id","score","label"} (null for unsupported languages)',
  usage: 'pulse sentiment < mentions.jsonl',
  async run(ctx) {
    parseArgs(ctx.args, {})
    const scorer = createSentimentScorer()
    await mapJsonLines(ctx, (value) => {
      const { id, text, lang } = readInput(value)
      const s = scorer.score(text, lang)
      return { id, score: s === null ? null : s.score, label: s === null ? null : s.label }
    })
    return 0
  },
}
