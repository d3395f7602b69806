import type { Readable, Writable } from 'node:stream'

/** Everything a command may touch; main() passes the real process, tests pass fakes. */
export interface CommandContext {
  readonly args: readonly string[]
  readonly stdin: Readable
  readonly stdout: Writable
  readonly stderr: Writable
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  /** Aborted on SIGINT/SIGTERM: long-running commands drain and return. */
  readonly signal: AbortSignal
}

export interface Command {
  readonly name: string
  readonly summary: string
  readonly usage: string
  /** Returns the process exit code. */
  run(ctx: CommandContext): Promise<number>
}

/** Thrown for bad flags/arguments; main prints the message and the command's usage, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
