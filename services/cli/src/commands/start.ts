import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseRuntimeEnv } from '@pulse/runtime'
import { writeSampleJsonl } from '@pulse/sample'
import type { Speed } from '@pulse/service-ingest'
import { flagString, parseArgs } from '../args.ts'
import { type Command, type CommandContext, UsageError } from '../command.ts'
import { createProgress } from '../progress.ts'
import { runServices, SERVICE_NAMES, type ServiceName } from '../runner.ts'

/** Default acceleration for the bundled sample: its days of conversation play in about a minute. */
const SAMPLE_SPEED = 5_000

export function parseSpeed(value: string | undefined, fallback: Speed): Speed {
  if (value === undefined) return fallback
  if (value === 'max') return 'max'
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`--speed must be a positive number or "max", got "${value}"`)
  return n
}

/** The bundled sample stream, generated (seeded, deterministic) on first use. */
export async function ensureSample(dataDir: string): Promise<string> {
  const file = join(dataDir, 'sample', 'sample-stream.jsonl')
  if (!existsSync(file)) {
    mkdirSync(join(dataDir, 'sample'), { recursive: true })
    await writeSampleJsonl(`${file}.tmp`)
    renameSync(`${file}.tmp`, file)
  }
  return file
}

export async function runPipelineCommand(
  ctx: CommandContext,
  options: { services: readonly ServiceName[]; replay?: string; speed: Speed; exitWhenDone: boolean },
): Promise<number> {
  const out = ctx.stdout as NodeJS.WriteStream
  const env = parseRuntimeEnv(ctx.env)
  const dataDir = resolve(ctx.cwd, env.PULSE_DATA_DIR)
  const file =
    options.replay ?? (options.services.includes('ingest') ? await ensureSample(dataDir) : undefined)
  let progress: ReturnType<typeof createProgress> | undefined
  const runtime = await runServices({
    services: options.services,
    env: { ...ctx.env, PULSE_DATA_DIR: dataDir },
    ingest: file ? { replay: { file, speed: options.speed }, stdin: ctx.stdin } : {},
    signal: ctx.signal,
    logToFile: true,
    writeAlert: (text) => (progress ? progress.print(text) : out.write(`${text}\n`)),
  })
  progress = createProgress(out, runtime.status)
  const feed = runtime.services.get('feed') as { url?: string; firstToken?: string } | undefined
  out.write(
    `Pulse is running (${runtime.bus.kind} bus, ${env.CLICKHOUSE_URL ? 'ClickHouse server' : 'embedded ClickHouse'}, data in ${dataDir})\n`,
  )
  if (file)
    out.write(
      `Replaying ${file === '-' ? 'stdin' : file} at ${options.speed === 'max' ? 'max speed' : `${options.speed}× real time`}\n`,
    )
  if (feed?.url) out.write(`Live feed: ${feed.url}\n`)
  if (feed?.firstToken) out.write(`Feed login token (responder, shown once — keep it): ${feed.firstToken}\n`)
  out.write(`Query while it runs: pnpm pulse query "SELECT count() FROM mentions"\n`)
  const timer = setInterval(() => progress?.tick(), 1_000)
  try {
    const ingest = runtime.services.get('ingest') as { replay?: { finished: Promise<void> } } | undefined
    if (options.exitWhenDone) {
      if (!ingest?.replay) throw new UsageError('--exit-when-done needs a replay')
      await Promise.race([ingest.replay.finished, aborted(ctx.signal)])
      if (!ctx.signal.aborted) await runtime.drain()
    } else {
      void ingest?.replay?.finished.then(() => {
        if (!ctx.signal.aborted)
          progress?.print('Replay stored to the end; still serving the feed and queries (Ctrl-C to stop).')
      })
      await aborted(ctx.signal)
    }
  } finally {
    clearInterval(timer)
    progress.done()
    out.write(
      ctx.signal.aborted ? 'Stopping: draining and committing…\n' : 'Replay fully processed and stored.\n',
    )
    await runtime.stop()
  }
  return 0
}

const aborted = (signal: AbortSignal): Promise<void> =>
  new Promise((r) => (signal.aborted ? r() : signal.addEventListener('abort', () => r(), { once: true })))

export const startCommand: Command = {
  name: 'start',
  summary: 'run the whole pipeline in one process (replays the bundled sample by default)',
  usage: 'pulse start [--replay FILE|-] [--speed <x>|max] [--exit-when-done] [--services ingest,enrich,…]',
  async run(ctx) {
    const args = parseArgs(ctx.args, {
      values: ['replay', 'speed', 'services'],
      booleans: ['exit-when-done'],
    })
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`)
    const replay = flagString(args, 'replay')
    const services = (flagString(args, 'services')?.split(',') ?? [...SERVICE_NAMES]).map((s) => s.trim())
    for (const s of services) {
      if (!(SERVICE_NAMES as readonly string[]).includes(s)) throw new UsageError(`unknown service "${s}"`)
    }
    return runPipelineCommand(ctx, {
      services: services as ServiceName[],
      ...(replay ? { replay: replay === '-' ? '-' : resolve(ctx.cwd, replay) } : {}),
      speed: parseSpeed(flagString(args, 'speed'), replay ? 'max' : SAMPLE_SPEED),
      exitWhenDone: args.flags.has('exit-when-done'),
    })
  },
}
