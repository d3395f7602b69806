/** One human-rated text: the VADER study's format is `id<TAB>mean rating −4 … 4<TAB>text`. */
export interface RatedText {
  readonly id: string
  readonly rating: number
  readonly text: string
}

export interface Evaluation {
  readonly n: number
  /** Pearson correlation between score and mean human rating. */
  readonly pearson: number
  /** 3-class accuracy: gold neutral where |rating| ≤ 0.5, predicted neutral where |score| < 0.05. */
  readonly accuracy: number
}

/** Parses rated-text TSV; blank and malformed lines are skipped. */
export function parseRatedTsv(tsv: string): RatedText[] {
  const rows: RatedText[] = []
  for (const line of tsv.split('\n')) {
    const a = line.indexOf('\t')
    const b = a === -1 ? -1 : line.indexOf('\t', a + 1)
    if (b === -1) continue
    const rating = Number(line.slice(a + 1, b))
    if (!Number.isFinite(rating)) continue
    rows.push({ id: line.slice(0, a), rating, text: line.slice(b + 1).replace(/\r$/, '') })
  }
  return rows
}

/** Sample Pearson correlation; NaN when either side is constant or lengths differ. */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length
  if (n !== ys.length || n < 2) return Number.NaN
  let mx = 0
  let my = 0
  for (let i = 0; i < n; i++) {
    mx += xs[i] as number
    my += ys[i] as number
  }
  mx /= n
  my /= n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx
    const dy = (ys[i] as number) - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy)
}

const sign3 = (v: number, neutral: number): number => (v > neutral ? 1 : v < -neutral ? -1 : 0)

/** Scores every text and compares with the human ratings (a `null` score counts as 0). */
export function evaluate(rows: readonly RatedText[], score: (text: string) => number | null): Evaluation {
  const predicted: number[] = []
  const gold: number[] = []
  let correct = 0
  for (const row of rows) {
    const s = score(row.text) ?? 0
    predicted.push(s)
    gold.push(row.rating)
    const p = Math.abs(s) < 0.05 ? 0 : Math.sign(s)
    if (p === sign3(row.rating, 0.5)) correct++
  }
  return {
    n: rows.length,
    pearson: pearson(predicted, gold),
    accuracy: rows.length === 0 ? 0 : correct / rows.length,
  }
}
