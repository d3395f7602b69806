import type { Outcome } from '@pulse/core'

/**
 * A named step of a pipeline. It gets a batch and returns exactly one outcome per input, in order.
 * It never touches the bus: drops and dead letters are routed once, by the runner.
 */
export interface Stage<I, O> {
  readonly name: string
  process(inputs: readonly I[]): readonly Outcome<O>[] | Promise<readonly Outcome<O>[]>
}

/** A stage from a per-item function. */
export function mapStage<I, O>(name: string, fn: (input: I) => Outcome<O>): Stage<I, O> {
  return { name, process: (inputs) => inputs.map(fn) }
}

export interface StageFailure {
  readonly stage: string
  readonly kind: 'drop' | 'dlq'
  readonly reason: string
  readonly cause?: unknown
}

export type ChainResult<O> =
  | { readonly ok: true; readonly value: O }
  | ({ readonly ok: false } & StageFailure)

/**
 * Runs inputs through the stages in order. Items a stage drops or dead-letters skip the remaining
 * stages; the result keeps one entry per input, in input order, naming the stage that refused it.
 */
export async function runChain<I, O>(
  stages: readonly Stage<unknown, unknown>[],
  inputs: readonly I[],
): Promise<ChainResult<O>[]> {
  const results: (ChainResult<O> | undefined)[] = new Array(inputs.length)
  let live: { index: number; value: unknown }[] = inputs.map((value, index) => ({ index, value }))
  for (const stage of stages) {
    if (live.length === 0) break
    const outcomes = await stage.process(live.map((l) => l.value))
    if (outcomes.length !== live.length) {
      throw new Error(`stage ${stage.name} returned ${outcomes.length} outcomes for ${live.length} inputs`)
    }
    const next: { index: number; value: unknown }[] = []
    outcomes.forEach((o, i) => {
      const item = live[i] as { index: number; value: unknown }
      if (o.kind === 'ok') next.push({ index: item.index, value: o.value })
      else if (o.kind === 'drop')
        results[item.index] = { ok: false, stage: o.stage ?? stage.name, kind: 'drop', reason: o.reason }
      else
        results[item.index] = {
          ok: false,
          stage: o.stage ?? stage.name,
          kind: 'dlq',
          reason: o.reason,
          ...(o.cause === undefined ? {} : { cause: o.cause }),
        }
    })
    live = next
  }
  for (const l of live) results[l.index] = { ok: true, value: l.value as O }
  return results as ChainResult<O>[]
}
