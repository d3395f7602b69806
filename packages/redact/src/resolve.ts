import type { Candidate, RedactionEntity } from './types.ts'

/**
 * Picks non-overlapping entities from overlapping candidates: higher priority first (context-named
 * identifiers beat shapes, shapes beat phones, phones beat addresses and names), then the longer
 * span, then the earlier one. Returns them sorted by start.
 */
export function resolveOverlaps(candidates: readonly Candidate[]): RedactionEntity[] {
  if (candidates.length === 0) return []
  const ranked = [...candidates].sort(
    (a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start,
  )
  const chosen: RedactionEntity[] = []
  for (const c of ranked) {
    if (c.end <= c.start) continue
    if (chosen.some((e) => c.start < e.end && e.start < c.end)) continue
    chosen.push({ kind: c.kind, start: c.start, end: c.end })
  }
  return chosen.sort((a, b) => a.start - b.start)
}

/** Replaces each entity by `[KIND]`. */
export function applyEntities(text: string, entities: readonly RedactionEntity[]): string {
  if (entities.length === 0) return text
  let out = ''
  let at = 0
  for (const e of entities) {
    out += `${text.slice(at, e.start)}[${e.kind}]`
    at = e.end
  }
  return out + text.slice(at)
}
