/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap adjacent) between `a` and
 * `b`, or `max + 1` as soon as it must exceed `max`. Bounded so a typo check costs a few hundred
 * nanoseconds, not a full matrix (natural's version allocates objects per cell).
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  if (a === b) return 0
  const n = b.length
  let prev2 = new Array<number>(n + 1).fill(0)
  let prev = new Array<number>(n + 1)
  let cur = new Array<number>(n + 1)
  for (let j = 0; j <= n; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    let rowMin = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1)
      const cost = ca === cb ? 0 : 1
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost)
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        d = Math.min(d, (prev2[j - 2] as number) + 1)
      }
      cur[j] = d
      if (d < rowMin) rowMin = d
    }
    if (rowMin > max) return max + 1
    const t = prev2
    prev2 = prev
    prev = cur
    cur = t
  }
  const d = prev[n] as number
  return d > max ? max + 1 : d
}

/** Edits tolerated for a word of this length: none below 5 letters, 1 up to 7, else 2. */
export function typoBudget(length: number): number {
  return length < 5 ? 0 : length < 8 ? 1 : 2
}
