import { createRedactor } from '@pulse/redact'
import { flagString, parseArgs } from '../args.ts'
import type { Command } from '../command.ts'
import { LineError, mapJsonLines } from '../jsonl.ts'

function readInput(value: unknown): { id: unknown; text: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LineError('expected an object {"id","text"}')
  }
  const record = value as Record<string, unknown>
  if (!('id' in record)) throw new LineError('"id" is missing')
  if (typeof record.text !== 'string') throw new LineError('"text" must be a string')
  return { id: record.id, text: record.text }
}

const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)

export const redactCommand: Command = {
  name: 'redact',
  summary:
    'redact PHI/PII in JSONL {"id","text"} on stdin → {"id","text","entities":[{"kind","start","end"}]}',
  usage:
    'pulse redact [--published-phones "1-800-232-4636,+44 20 7946 0000"] [--keep-handles "CDCgov,NHS111"] < mentions.jsonl',
  async run(ctx) {
    const args = parseArgs(ctx.args, { values: ['published-phones', 'keep-handles'] })
    const redactor = createRedactor({
      publishedPhones: list(flagString(args, 'published-phones')),
      keepHandles: list(flagString(args, 'keep-handles')),
    })
    await mapJsonLines(ctx, (value) => {
      const { id, text } = readInput(value)
      const r = redactor.redact(text)
      return {
        id,
        text: r.text,
        entities: r.entities.map((e) => ({ kind: e.kind, start: e.start, end: e.end })),
      }
    })
    return 0
  },
}
