import { createInterface } from 'node:readline'
import type { CommandContext } from './command.ts'

/**
 * Streams JSONL from stdin through `handle`, one output line per input line, in order. A line that
 * is not JSON, or that `handle` rejects by throwing `LineError`, gives an error line on stderr
 * naming the line number, and processing continues. Blank lines are skipped. Returns the number of
 * failed lines; the commands still exit 0, since the stream was processed and every failure reported.
 */
export async function mapJsonLines(
  ctx: CommandContext,
  handle: (value: unknown, lineNo: number) => unknown | readonly unknown[] | undefined,
): Promise<number> {
  const rl = createInterface({ input: ctx.stdin, crlfDelay: Number.POSITIVE_INFINITY })
  let lineNo = 0
  let failed = 0
  let out: string[] = []
  const flush = async (): Promise<void> => {
    if (out.length === 0) return
    const chunk = `${out.join('\n')}\n`
    out = []
    if (!ctx.stdout.write(chunk)) await new Promise((r) => ctx.stdout.once('drain', r))
  }
  for await (const line of rl) {
    lineNo++
    if (line.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (err) {
      failed++
      ctx.stderr.write(`line ${lineNo}: not JSON: ${(err as Error).message}\n`)
      continue
    }
    try {
      const result = handle(value, lineNo)
      if (result === undefined) continue
      const results = Array.isArray(result) ? result : [result]
      for (const r of results) out.push(JSON.stringify(r))
    } catch (err) {
      failed++
      ctx.stderr.write(`line ${lineNo}: ${err instanceof Error ? err.message : String(err)}\n`)
    }
    if (out.length >= 512) await flush()
  }
  await flush()
  return failed
}

/** Parse-or-throw helper for `mapJsonLines` handlers: the message lands on stderr with the line number. */
export class LineError extends Error {
  override readonly name = 'LineError'
}
