/**
 * Provenance of a message: which source position it came from (`replay:<file-id>#<line>`). The sink
 * publishes acknowledgements for origins it has stored (or dead-lettered), and a source commits its
 * checkpoint only up to the lowest position not yet acknowledged.
 */
export const ORIGIN_HEADER = 'pulse-origin'

/** Sources of lines replayed from a file or stdin are named `replay:…`. */
export const REPLAY_SOURCE_PREFIX = 'replay:'

export interface Origin {
  readonly source: string
  readonly seq: number
}

export function formatOrigin(o: Origin): string {
  return `${o.source}#${o.seq}`
}

export function parseOrigin(header: string | undefined): Origin | null {
  if (!header) return null
  const i = header.lastIndexOf('#')
  if (i <= 0) return null
  const seq = Number(header.slice(i + 1))
  return Number.isSafeInteger(seq) && seq >= 0 ? { source: header.slice(0, i), seq } : null
}

/** Payload of a message on the acks topic: positions of one source that are safely stored. */
export interface AckMessage {
  readonly source: string
  readonly seqs: readonly number[]
}

export function groupOrigins(headers: ReadonlyArray<string | undefined>): AckMessage[] {
  const bySource = new Map<string, number[]>()
  for (const h of headers) {
    const o = parseOrigin(h)
    if (!o) continue
    const list = bySource.get(o.source)
    if (list) list.push(o.seq)
    else bySource.set(o.source, [o.seq])
  }
  return [...bySource].map(([source, seqs]) => ({ source, seqs }))
}

/**
 * Where a message came from, as a person looks for it: `line 17` for a replayed line (its origin
 * is `replay:<file-id>#17`), undefined for anything else.
 */
export function originLine(header: string | undefined): string | undefined {
  const o = parseOrigin(header)
  return o?.source.startsWith(REPLAY_SOURCE_PREFIX) ? `line ${o.seq}` : undefined
}
