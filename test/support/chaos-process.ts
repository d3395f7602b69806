import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

/** Repository root (this file is test/support/chaos-process.ts). */
export const REPO_ROOT = resolve(import.meta.dirname, '../..')
const CLI = join(REPO_ROOT, 'services/cli/src/main.ts')
/** The CLI as `pnpm pulse` runs it: node loading tsx, one process. */
const NODE_TSX = [process.execPath, ['--import', 'tsx', CLI]] as const
const run = promisify(execFile)

/** Environment for one Pulse process: its own data dir, a free feed port, no inherited Kafka/ClickHouse. */
export function pulseEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PULSE_DATA_DIR: dataDir,
    PULSE_FEED_PORT: '0',
    LOG_LEVEL: 'info',
  }
  for (const k of ['KAFKA_BROKERS', 'CLICKHOUSE_URL', 'SLACK_BOT_TOKEN', 'SLACK_WEBHOOK_URL']) delete env[k]
  return env
}

/** Resident memory of a process and all its descendants, in bytes (0 once it has exited). */
export function treeRssBytes(pid: number): number {
  let total = 0
  const stack = [pid]
  while (stack.length > 0) {
    const p = stack.pop()
    if (p === undefined) break
    try {
      const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'))
      total += m ? Number(m[1]) * 1024 : 0
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const kids = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim()
        if (kids) for (const k of kids.split(/\s+/)) stack.push(Number(k))
      }
    } catch {
      // The process exited between reads.
    }
  }
  return total
}

export interface PulseRun {
  readonly child: ChildProcess
  /** Exit code (null when killed by a signal) and the signal, once the whole group is gone. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Highest RSS of the process tree seen so far, in bytes. */
  peakRss(): number
  /** SIGKILL the whole process group (the CLI and anything it started). */
  kill9(): void
  output(): string
}

/** Starts `pulse start --replay FILE --speed max --exit-when-done` in its own process group. */
export function startPulse(dataDir: string, file: string, rssEveryMs = 100, speed = 'max'): PulseRun {
  const child = spawn(
    NODE_TSX[0],
    [...NODE_TSX[1], 'start', '--replay', file, '--speed', speed, '--exit-when-done'],
    {
      cwd: REPO_ROOT,
      env: pulseEnv(dataDir),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  const keep = (b: Buffer): void => {
    out = (out + b.toString('utf8')).slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  let peak = 0
  const sampler = setInterval(() => {
    if (child.pid !== undefined) peak = Math.max(peak, treeRssBytes(child.pid))
  }, rssEveryMs)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => {
    child.on('exit', (code, signal) => {
      clearInterval(sampler)
      r({ code, signal })
    })
  })
  return {
    child,
    exited,
    peakRss: () => peak,
    kill9() {
      if (child.pid === undefined) return
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    },
    output: () => out,
  }
}

/** Runs `pulse query --format json SQL` against a stopped data dir and returns the rows. */
export async function queryJson(dataDir: string, sql: string): Promise<Record<string, unknown>[]> {
  const { stdout } = await run(NODE_TSX[0], [...NODE_TSX[1], 'query', '--format', 'json', sql], {
    cwd: REPO_ROOT,
    env: pulseEnv(dataDir),
    maxBuffer: 256 * 1024 * 1024,
  })
  const rows: unknown = JSON.parse(stdout)
  if (!Array.isArray(rows)) throw new Error(`query returned ${stdout.slice(0, 200)}`)
  return rows.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
}

/** The one checkpoint file of a data dir (line and offset acknowledged so far), if any. */
export function readReplayCheckpoint(dataDir: string): { line: number; done: boolean } | null {
  const dir = join(dataDir, 'checkpoints')
  let files: string[]
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'))
  } catch {
    return null
  }
  const f = files[0]
  if (!f) return null
  const parsed: unknown = JSON.parse(readFileSync(join(dir, f), 'utf8'))
  if (typeof parsed !== 'object' || parsed === null) return null
  const line = 'line' in parsed && typeof parsed.line === 'number' ? parsed.line : 0
  const done = 'done' in parsed && parsed.done === true
  return { line, done }
}

export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v))
