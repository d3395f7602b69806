#!/usr/bin/env node
import { PulseError } from '@pulse/core'
import { BENCHMARKS } from './bench/index.ts'
import { type Command, type CommandContext, UsageError } from './command.ts'
import { COMMANDS } from './commands/index.ts'

const bench: Command = {
  name: 'bench',
  summary: 'run a benchmark and print its figures',
  usage: `pulse bench <${BENCHMARKS.map((b) => b.name).join('|')}> [options]`,
  async run(ctx) {
    const [name, ...rest] = ctx.args
    const b = BENCHMARKS.find((x) => x.name === name)
    if (!b) throw new UsageError(name ? `unknown benchmark "${name}"` : 'which benchmark?')
    return b.run({ ...ctx, args: rest })
  },
}

const all: readonly Command[] = [...COMMANDS, bench]

function help(): string {
  const width = Math.max(...all.map((c) => c.name.length))
  return [
    'pulse — social listening and trend detection for healthcare communications',
    '',
    'usage: pulse <command> [options]',
    '',
    ...all.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'benchmarks:',
    ...BENCHMARKS.map((b) => `  bench ${b.name.padEnd(12)}  ${b.summary}`),
  ].join('\n')
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${help()}\n`)
    return name ? 0 : 2
  }
  const command = all.find((c) => c.name === name)
  if (!command) {
    process.stderr.write(`pulse: unknown command "${name}"\n\n${help()}\n`)
    return 2
  }
  const abort = new AbortController()
  let firstSignalAt = 0
  const onSignal = (sig: NodeJS.Signals): void => {
    const now = Date.now()
    if (firstSignalAt === 0) {
      firstSignalAt = now
      abort.abort(sig)
      return
    }
    // One Ctrl-C reaches this process more than once (from the terminal's process group and
    // relayed by pnpm): repeats within 2 s are the same request to drain. A later one forces.
    if (now - firstSignalAt < 2_000) return
    process.stderr.write(`pulse: second ${sig}, exiting now without draining\n`)
    process.exit(130)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const ctx: CommandContext = {
    args,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    // pnpm runs scripts from the workspace root; INIT_CWD is where the user typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    signal: abort.signal,
  }
  try {
    return await command.run(ctx)
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`pulse ${name}: ${err.message}\nusage: ${command.usage}\n`)
      return 2
    }
    if (err instanceof PulseError) {
      process.stderr.write(`pulse ${name}: ${err.code}: ${err.message}\n`)
      return 1
    }
    throw err
  }
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0)
})

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
    // Everything is stopped and flushed by now; native handles (chDB's threads) can keep the
    // loop alive for seconds after a store closes, so leave at the latest one second later.
    setTimeout(() => process.exit(code), 1_000).unref()
  },
  (err: unknown) => {
    process.stderr.write(`pulse: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exitCode = 1
  },
)
