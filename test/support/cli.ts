/** Runs the real `pulse` CLI as a separate process, the way a user does, for end-to-end tests. */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll } from 'vitest'

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..')
const MAIN = join(REPO_ROOT, 'services', 'cli', 'src', 'main.ts')

/** Variables that would point a run at shared infrastructure; tests always start from none of them. */
const ISOLATE = [
  'KAFKA_BROKERS',
  'CLICKHOUSE_URL',
  'SLACK_WEBHOOK_URL',
  'SLACK_BOT_TOKEN',
  'SLACK_API_URL',
  'PULSE_WATCHLIST',
  'PULSE_FEED_URL',
  'PULSE_METRICS_PORT',
]

export interface CliResult {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
  readonly ms: number
}

/** A free TCP port on 127.0.0.1 (listen on port 0, read it, close). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const address = server.address()
  await new Promise<void>((r) => server.close(() => r()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

export async function tempDir(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `pulse-e2e-${prefix}-`))
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}

/**
 * A replay workspace for a test file: `lines` as a JSONL file, and a CLI environment with its own
 * data directory and feed port. Created before the file's tests, removed after them; read `file`
 * and `env` inside the tests.
 */
export function replayWorkspace(
  prefix: string,
  lines: readonly string[],
): { readonly file: string; readonly env: NodeJS.ProcessEnv } {
  const ws = { file: '', env: {} as NodeJS.ProcessEnv }
  let dir: Awaited<ReturnType<typeof tempDir>> | undefined
  beforeAll(async () => {
    dir = await tempDir(prefix)
    ws.file = join(dir.path, 'input.jsonl')
    await writeFile(ws.file, `${lines.join('\n')}\n`)
    ws.env = cliEnv({ PULSE_DATA_DIR: join(dir.path, 'data'), PULSE_FEED_PORT: String(await freePort()) })
  })
  afterAll(async () => {
    await dir?.remove()
  })
  return ws
}

export function cliEnv(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', NO_COLOR: '1' }
  for (const k of ISOLATE) delete env[k]
  return { ...env, ...extra }
}

/** A running CLI process whose output is collected as it arrives. */
export interface CliProcess {
  readonly child: ChildProcess
  stdout(): string
  stderr(): string
  /** Resolves with the first match of `pattern` in stdout; rejects on exit or timeout. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>
  readonly exited: Promise<CliResult>
  /** The exit, or a rejection naming the hang after `timeoutMs`. */
  exitWithin(timeoutMs: number): Promise<CliResult>
  /** SIGKILLs the whole process group (the CLI and anything it started). */
  killAll(): void
}

/**
 * How to run pnpm, to launch the CLI exactly as the README does: the pnpm running the tests
 * (`pnpm test` sets npm_execpath), else the `pnpm` on the PATH (the README's commands install it).
 */
const PNPM: readonly string[] = process.env.npm_execpath?.match(/pnpm\.c?js$/)
  ? [process.execPath, process.env.npm_execpath]
  : ['pnpm']

/**
 * Starts the CLI in its own process group (so cleanup can kill it whole, and a Ctrl-C can reach
 * the whole group as a terminal sends it): as `pnpm pulse` runs it (node loading tsx, one
 * process), or with `via: 'pnpm'` through pnpm and the root package's `pulse` script. With
 * `stdin`, that text is piped to it (else stdin is /dev/null).
 */
export function spawnCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { via?: 'node' | 'pnpm'; stdin?: string } = {},
): CliProcess {
  const started = performance.now()
  const [command, ...argv] =
    options.via === 'pnpm'
      ? [...PNPM, '--silent', 'pulse', ...args]
      : [process.execPath, '--import', 'tsx', MAIN, ...args]
  const child = spawn(command ?? process.execPath, argv, {
    cwd: REPO_ROOT,
    env,
    stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    detached: true,
  })
  if (options.stdin !== undefined) child.stdin?.end(options.stdin)
  let out = ''
  let err = ''
  const listeners = new Set<() => void>()
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    out += d
    for (const l of listeners) l()
  })
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    err += d
  })
  const exited = new Promise<CliResult>((resolveExit, reject) => {
    child.once('error', reject)
    child.once('close', (code, signal) => {
      for (const l of listeners) l()
      resolveExit({ code, signal, stdout: out, stderr: err, ms: performance.now() - started })
    })
  })
  let done = false
  void exited.then(() => {
    done = true
    for (const l of listeners) l()
  })
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    exitWithin(timeoutMs) {
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no exit within ${timeoutMs} ms\nstdout:\n${out}\nstderr:\n${err}`)),
          timeoutMs,
        )
      })
      return Promise.race([exited, late]).finally(() => clearTimeout(timer))
    },
    killAll() {
      if (child.pid === undefined || child.exitCode !== null) return
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        // already gone
      }
    },
    waitFor(pattern, timeoutMs) {
      return new Promise((resolveMatch, reject) => {
        const check = (): void => {
          const m = out.match(pattern)
          if (m) finish(() => resolveMatch(m))
          else if (done)
            finish(() =>
              reject(new Error(`process exited before ${pattern}\nstdout:\n${out}\nstderr:\n${err}`)),
            )
        }
        const timer = setTimeout(
          () =>
            finish(() =>
              reject(new Error(`timed out waiting for ${pattern}\nstdout:\n${out}\nstderr:\n${err}`)),
            ),
          timeoutMs,
        )
        const finish = (f: () => void): void => {
          clearTimeout(timer)
          listeners.delete(check)
          f()
        }
        listeners.add(check)
        check()
      })
    },
  }
}

/** Runs the CLI to completion (killed after `timeoutMs`), with `stdin` piped to it when given. */
export async function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 120_000,
  stdin?: string,
): Promise<CliResult> {
  const p = spawnCli(args, env, stdin === undefined ? {} : { stdin })
  const timer = setTimeout(() => p.killAll(), timeoutMs)
  try {
    return await p.exited
  } finally {
    clearTimeout(timer)
  }
}

/** `pulse query --format json SQL` → its rows, failing loudly on a non-zero exit. */
export async function queryJson(sql: string, env: NodeJS.ProcessEnv): Promise<Record<string, unknown>[]> {
  const r = await runCli(['query', '--format', 'json', sql], env, 60_000)
  if (r.code !== 0) throw new Error(`pulse query exited ${r.code}: ${r.stderr}`)
  const parsed: unknown = JSON.parse(r.stdout)
  if (!Array.isArray(parsed)) throw new Error(`pulse query printed ${r.stdout}`)
  return parsed.map((row: unknown) => {
    if (typeof row !== 'object' || row === null) throw new Error(`not a row: ${JSON.stringify(row)}`)
    return row as Record<string, unknown>
  })
}

/** The single count a `SELECT count() AS n …` query printed (ClickHouse quotes 64-bit integers). */
export async function queryCount(sql: string, env: NodeJS.ProcessEnv): Promise<number> {
  const rows = await queryJson(sql, env)
  if (rows.length !== 1) throw new Error(`expected one row, got ${JSON.stringify(rows)}`)
  const n = Number(rows[0]?.n)
  if (!Number.isInteger(n)) throw new Error(`expected an integer n, got ${JSON.stringify(rows)}`)
  return n
}
