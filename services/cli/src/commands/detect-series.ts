import { createReadStream } from 'node:fs'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { createSeriesDetector, parseSeriesLine } from '@pulse/anomaly'
import { parseArgs } from '../args.ts'
import { type Command, UsageError } from '../command.ts'

/**
 * `pulse detect-series FILE.csv`: scores a NAB-format series (`timestamp,value`) with the detect
 * service's series detector and writes `timestamp,value,anomaly_score`, one row per good input row.
 */
export const detectSeriesCommand: Command = {
  name: 'detect-series',
  summary: 'score a timestamp,value CSV with the streaming anomaly detector',
  usage: 'pulse detect-series FILE.csv',
  async run(ctx) {
    const { positionals } = parseArgs(ctx.args, {})
    const [file, ...extra] = positionals
    if (!file || extra.length > 0) throw new UsageError('expected exactly one CSV file')
    const detector = createSeriesDetector()
    const input = createReadStream(resolve(ctx.cwd, file), { encoding: 'utf8' })
    const opened = await new Promise<Error | undefined>((done) => {
      input.once('open', () => done(undefined))
      input.once('error', (err) => done(err))
    })
    if (opened) {
      ctx.stderr.write(`pulse detect-series: cannot read ${file}: ${opened.message}\n`)
      return 1
    }
    const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
    let lineNo = 0
    let out: string[] = ['timestamp,value,anomaly_score']
    const flush = async (): Promise<void> => {
      const chunk = `${out.join('\n')}\n`
      out = []
      if (!ctx.stdout.write(chunk)) await new Promise((r) => ctx.stdout.once('drain', r))
    }
    for await (const line of rl) {
      lineNo++
      if (lineNo === 1 || line.trim() === '') continue
      const parsed = parseSeriesLine(line, lineNo)
      if (!parsed.ok) {
        ctx.stderr.write(`line ${parsed.line}: ${parsed.reason}; no row written\n`)
        continue
      }
      const { row } = parsed
      const result = detector.update(row.timestampMs, row.value)
      out.push(`${row.timestampText},${row.valueText},${result.score}`)
      if (out.length >= 1024) await flush()
    }
    await flush()
    return 0
  },
}
