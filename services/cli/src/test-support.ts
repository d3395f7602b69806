import { PassThrough, Writable } from 'node:stream'
import type { Command, CommandContext } from './command.ts'

function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk))
      done()
    },
  })
  return { stream, text: () => chunks.join('') }
}

/** Runs a command with `input` on stdin and captures stdout and stderr (for command tests). */
export async function runCommand(
  command: Command,
  options: { input?: string; args?: readonly string[]; cwd?: string } = {},
): Promise<{ code: number; out: string; err: string }> {
  const stdin = new PassThrough()
  stdin.end(options.input ?? '')
  const out = collector()
  const err = collector()
  const ctx: CommandContext = {
    args: options.args ?? [],
    stdin,
    stdout: out.stream,
    stderr: err.stream,
    env: {},
    cwd: options.cwd ?? process.cwd(),
    signal: new AbortController().signal,
  }
  const code = await command.run(ctx)
  return { code, out: out.text(), err: err.text() }
}

/** Stdout of a JSONL command as parsed lines. */
export function jsonLines(out: string): unknown[] {
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown)
}
