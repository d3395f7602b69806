import { seededRandom } from '@pulse/core'
import { generateMentions } from '@pulse/sample'

export { seededRandom }

export type Json = Record<string, unknown>

/** Background mentions from the sample generator, as plain JSON objects. */
export function sampleMentions(count: number, seed: number): Json[] {
  const out: Json[] = []
  for (const m of generateMentions(count, seed)) out.push(JSON.parse(JSON.stringify(m)) as Json)
  return out
}

const idOf = (m: Json): string => (typeof m.id === 'string' ? m.id : '')

export interface CrashFile {
  readonly lines: string[]
  readonly distinctValidIds: number
  /** 1-based line numbers that must become dead letters. */
  readonly invalidSeqs: number[]
}

/** Valid mentions, exact duplicate lines of earlier ones, and invalid lines, interleaved (seeded). */
export function crashFile(valid: number, duplicates: number, invalid: number, seed: number): CrashFile {
  const rnd = seededRandom(seed)
  const mentions = sampleMentions(valid, seed)
  const lines: string[] = []
  const invalidSeqs: number[] = []
  const emitted: string[] = []
  const ids = new Set<string>()
  let v = 0
  let d = 0
  let bad = 0
  while (v < mentions.length || d < duplicates || bad < invalid) {
    const r = rnd()
    const left = mentions.length - v + (duplicates - d) + (invalid - bad)
    if (r < (mentions.length - v) / left) {
      const m = mentions[v++] as Json
      const line = JSON.stringify(m)
      emitted.push(line)
      ids.add(idOf(m))
      lines.push(line)
    } else if (r < (mentions.length - v + duplicates - d) / left && emitted.length > 0) {
      d++
      lines.push(emitted[Math.floor(rnd() * emitted.length)] ?? '')
    } else if (bad < invalid) {
      bad++
      const base = mentions[Math.floor(rnd() * mentions.length)] ?? {}
      const json = JSON.stringify(base)
      const kinds = [
        json.slice(0, Math.max(1, Math.floor(json.length * rnd()))), // truncated
        JSON.stringify({ ...base, id: '' }),
        JSON.stringify({ ...base, createdAt: 'yesterday' }),
        '<html>502 Bad Gateway</html>',
        JSON.stringify({ ...base, author: 'nobody' }),
      ]
      lines.push(kinds[bad % kinds.length] ?? 'x')
      invalidSeqs.push(lines.length)
    } else d++
  }
  return { lines, distinctValidIds: ids.size, invalidSeqs }
}
