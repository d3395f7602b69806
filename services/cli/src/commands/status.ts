import { resolve } from 'node:path'
import { parseRuntimeEnv } from '@pulse/runtime'
import { parseArgs } from '../args.ts'
import type { Command } from '../command.ts'
import { controlRequest, findControl } from '../control.ts'
import { parseRows, runQuery } from './query.ts'

export const statusCommand: Command = {
  name: 'status',
  summary: 'show what is running and what is stored (counts, last mention, open signals)',
  usage: 'pulse status [--json]',
  async run(ctx) {
    const args = parseArgs(ctx.args, { booleans: ['json'] })
    const env = parseRuntimeEnv(ctx.env)
    const dataDir = resolve(ctx.cwd, env.PULSE_DATA_DIR)
    const control = env.CLICKHOUSE_URL ? null : findControl(dataDir)
    const live = control
      ? (JSON.parse(await controlRequest(control, '/status')) as Record<string, unknown>)
      : null
    const [stored] = parseRows(
      await runQuery(
        ctx,
        `SELECT (SELECT count() FROM mentions) AS mentions, (SELECT count() FROM dead_letters) AS dead_letters,
                (SELECT count() FROM signals) AS signal_revisions,
                (SELECT uniqExact(id) FROM signals) AS signals,
                (SELECT toString(max(created_at)) FROM mentions) AS last_mention`,
        'JSONEachRow',
      ),
    )
    const report = { running: control ? { pid: control.pid, services: live } : null, stored }
    if (args.flags.has('json')) {
      ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
      return 0
    }
    ctx.stdout.write(
      control
        ? `pulse start is running (pid ${control.pid})\n`
        : 'pulse is not running on this data directory\n',
    )
    if (live)
      for (const [name, stats] of Object.entries(live))
        ctx.stdout.write(`  ${name}: ${JSON.stringify(stats)}\n`)
    ctx.stdout.write(`stored: ${JSON.stringify(stored)}\n`)
    return 0
  },
}
