/** A `pulse bench <name>` benchmark: prints its figures to stdout, returns the exit code. */
import type { CommandContext } from '../command.ts'
import { classifyBench } from './classify.ts'
import { emergingBenchmark } from './emerging.ts'
import { enrichBench } from './enrich.ts'
import { latencyBenchmark } from './latency.ts'
import { misinfoBench } from './misinfo.ts'
import { nabBenchmark } from './nab.ts'
import { pipelineBench } from './pipeline.ts'
import { redactBenchmark } from './redact.ts'
import { sentimentBenchmark } from './sentiment.ts'
import { signalsBenchmark } from './signals.ts'

export interface Benchmark {
  readonly name: string
  readonly summary: string
  run(ctx: CommandContext): Promise<number>
}

/** Every benchmark. Add one by importing it and listing it here (one line each). */
export const BENCHMARKS: readonly Benchmark[] = [
  signalsBenchmark,
  classifyBench,
  misinfoBench,
  sentimentBenchmark,
  nabBenchmark,
  redactBenchmark,
  pipelineBench,
  enrichBench,
  emergingBenchmark,
  latencyBenchmark,
]
