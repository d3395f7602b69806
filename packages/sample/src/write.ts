import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import type { SampleEvent } from './events.ts'
import { generateSampleStream, type SampleLine, type SampleOptions, streamEvents } from './stream.ts'

/** Counts of a generated sample, for the replay's expectations and for tests. */
export interface SampleSummary {
  /** Lines written (mentions + duplicates + invalid). */
  readonly lines: number
  /** Distinct valid mentions: what the store must hold after replay. */
  readonly validDistinct: number
  /** Exact re-deliveries of a valid mention (same id, same bytes). */
  readonly duplicates: number
  /** Lines the ingest must dead-letter. */
  readonly invalid: number
  readonly firstCreatedAt: string | null
  readonly lastCreatedAt: string | null
  readonly bySource: Readonly<Record<string, number>>
  /** Distinct valid mentions per origin (`background:<topic>`, `event:<id>`, …). */
  readonly byOrigin: Readonly<Record<string, number>>
  readonly events: readonly SampleEvent[]
}

/** Accumulates a summary over lines as they stream by. */
export class SampleCounter {
  private lines = 0
  private valid = 0
  private duplicates = 0
  private invalid = 0
  private first: string | null = null
  private last: string | null = null
  private readonly bySource: Record<string, number> = {}
  private readonly byOrigin: Record<string, number> = {}

  add(line: SampleLine): void {
    this.lines++
    if (line.kind === 'invalid') this.invalid++
    else if (line.kind === 'duplicate') this.duplicates++
    else {
      this.valid++
      const { mention, origin } = line
      this.first ??= mention.createdAt
      this.last = mention.createdAt
      this.bySource[mention.source] = (this.bySource[mention.source] ?? 0) + 1
      this.byOrigin[origin] = (this.byOrigin[origin] ?? 0) + 1
    }
  }

  summary(events: readonly SampleEvent[]): SampleSummary {
    return {
      lines: this.lines,
      validDistinct: this.valid,
      duplicates: this.duplicates,
      invalid: this.invalid,
      firstCreatedAt: this.first,
      lastCreatedAt: this.last,
      bySource: { ...this.bySource },
      byOrigin: { ...this.byOrigin },
      events,
    }
  }
}

/** One JSONL line: the mention JSON (duplicates byte-identical to their original) or the raw broken text. */
export function sampleLineText(line: SampleLine): string {
  return line.kind === 'invalid' ? line.raw : JSON.stringify(line.mention)
}

/** Summarises a sample without writing it. */
export function summarizeSample(options: SampleOptions = {}): SampleSummary {
  const counter = new SampleCounter()
  for (const line of generateSampleStream(options)) counter.add(line)
  return counter.summary(streamEvents(options))
}

/** Writes the sample stream as JSONL to `path` (streaming, with backpressure) and returns its summary. */
export async function writeSampleJsonl(path: string, options: SampleOptions = {}): Promise<SampleSummary> {
  const out = createWriteStream(path, { encoding: 'utf8' })
  const counter = new SampleCounter()
  const failed = new Promise<never>((_, reject) => out.once('error', reject))
  failed.catch(() => {})
  let chunk: string[] = []
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return
    const ok = out.write(`${chunk.join('\n')}\n`)
    chunk = []
    if (!ok) await Promise.race([once(out, 'drain'), failed])
  }
  for (const line of generateSampleStream(options)) {
    counter.add(line)
    chunk.push(sampleLineText(line))
    if (chunk.length >= 2048) await flush()
  }
  await flush()
  out.end()
  await Promise.race([once(out, 'finish'), failed])
  return counter.summary(streamEvents(options))
}
