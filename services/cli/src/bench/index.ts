/** A `pulse bench <name>` benchmark: prints its figures to stdout, returns the exit code. */
import type { CommandContext } from '../command.ts'

export interface Benchmark {
  readonly name: string
  readonly summary: string
  run(ctx: CommandContext): Promise<number>
}

/** Every benchmark. Add one by importing it and listing it here (one line each). */
export const BENCHMARKS: readonly Benchmark[] = []
