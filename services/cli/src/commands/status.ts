import { resolve } from 'node:path'
import { parseRuntimeEnv } from '@pulse/runtime'
import { z } from 'zod'
import { parseArgs } from '../args.ts'
import type { Command } from '../command.ts'
import { type ControlInfo, controlRequest, findControl } from '../control.ts'
import { parseRows, runQuery } from './query.ts'

const connectorHealthSchema = z.looseObject({
  name: z.string(),
  state: z.string(),
  lastEventAt: z.string().nullable(),
  events: z.number(),
  errors: z.number(),
  lastError: z.string().nullable(),
  pendingAcks: z.number().optional(),
  rateLimit: z.object({
    remaining: z.number().nullable(),
    limit: z.number().nullable(),
    resetAt: z.string().nullable(),
    limitedUntil: z.string().nullable(),
  }),
})
type ConnectorHealth = z.infer<typeof connectorHealthSchema>
/** `GET /health` of the control endpoint: each service's health; ingest lists its connectors. */
const healthSchema = z.record(
  z.string(),
  z.looseObject({
    ok: z.boolean(),
    detail: z.looseObject({ connectors: z.array(connectorHealthSchema).optional() }).optional(),
  }),
)

function connectorLine(c: ConnectorHealth): string {
  const r = c.rateLimit
  const rate = r.limitedUntil
    ? `rate-limited until ${r.limitedUntil}`
    : r.remaining !== null
      ? `rate limit ${r.remaining}/${r.limit ?? '?'}${r.resetAt ? ` (resets ${r.resetAt})` : ''}`
      : 'rate limit n/a'
  const parts = [
    c.state,
    `last event ${c.lastEventAt ?? 'never'}`,
    `events ${c.events}`,
    `errors ${c.errors}`,
    rate,
    ...(c.pendingAcks ? [`awaiting ack ${c.pendingAcks}`] : []),
    ...(c.lastError && c.errors > 0 ? [`last error: ${c.lastError}`] : []),
  ]
  return `    ${c.name}: ${parts.join(', ')}\n`
}

/** Health of the running services; null when the process predates `/health` or answers garbage. */
async function liveHealth(control: ControlInfo): Promise<z.infer<typeof healthSchema> | null> {
  try {
    const parsed = healthSchema.safeParse(JSON.parse(await controlRequest(control, '/health')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

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
    const health = control ? await liveHealth(control) : null
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
    const report = { running: control ? { pid: control.pid, services: live, health } : null, stored }
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
    const connectors = Object.values(health ?? {}).flatMap((h) => h.detail?.connectors ?? [])
    if (connectors.length > 0) {
      ctx.stdout.write('  connectors:\n')
      for (const c of connectors) ctx.stdout.write(connectorLine(c))
    }
    ctx.stdout.write(`stored: ${JSON.stringify(stored)}\n`)
    return 0
  },
}
