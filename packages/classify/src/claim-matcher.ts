import { type Claim, type ClaimMatch, PulseError } from '@pulse/core'
import { boundedEditDistance, typoBudget } from './edit-distance.ts'
import { STOPWORDS } from './nlp.ts'
import { compileSafePattern, withFastLeadingBoundary } from './safe-pattern.ts'
import { classifyStance, type StanceCues, stanceCues } from './stance.ts'
import { type Analysis, type Analyzer, BOUNDARY, fold, sharedAnalyzer, termStems } from './text.ts'

export interface ClaimMatcher {
  /** Claims the post makes, debunks or asks about, best score first. */
  match(text: string): ClaimMatch[]
}

export interface ClaimProblem {
  readonly claimId: string
  readonly pattern: string
  readonly reason: string
}

export interface ClaimMatcherOptions {
  analyzer?: Analyzer
  /** Called for each refused pattern, which is then skipped; without it the matcher throws. */
  onInvalidPattern?: (problem: ClaimProblem) => void
}

interface Keyword {
  readonly claim: number
  readonly group: number
  readonly rest: readonly string[]
}
interface FuzzyEntry {
  readonly claim: number
  readonly group: number
  readonly word: string
}
interface Compiled {
  readonly claim: Claim
  readonly groups: number
  readonly patterns: readonly RegExp[]
  /** Statement vector: stem → tf-idf weight, unit length. */
  readonly vector: ReadonlyMap<string, number>
}

const MIN_FUZZY_LENGTH = 6

/** Lists every catalog pattern that is invalid or unsafe, by claim id. */
export function checkClaims(claims: readonly Claim[]): ClaimProblem[] {
  const problems: ClaimProblem[] = []
  for (const c of claims) {
    for (const pattern of c.patterns) {
      const r = compileSafePattern(pattern)
      if (!r.ok) problems.push({ claimId: c.id, pattern, reason: r.reason })
    }
  }
  return problems
}

/**
 * Matches posts against a claim catalog. A claim is found when one keyword of every group occurs
 * (stemmed; words of 6+ letters also match with a typo or two) or one of its patterns matches
 * (patterns run only on posts sharing a keyword with the claim, or always for claims without
 * keywords). The score (0–1) rises with a pattern match and with the TF-IDF cosine between the
 * post and the claim statement; typo-only matches score lower. Stance: see `classifyStance`.
 */
export function createClaimMatcher(
  claims: readonly Claim[],
  options: ClaimMatcherOptions = {},
): ClaimMatcher {
  const analyze = options.analyzer ?? sharedAnalyzer()
  const problems = checkClaims(claims)
  if (problems.length > 0 && options.onInvalidPattern === undefined) {
    const list = problems.map((p) => `claim "${p.claimId}": pattern /${p.pattern}/: ${p.reason}`).join('; ')
    throw new PulseError('CONFIG_INVALID', `invalid claim patterns: ${list}`)
  }
  for (const p of problems) options.onInvalidPattern?.(p)

  const byFirst = new Map<string, Keyword[]>()
  const fuzzyByInitial = new Map<string, FuzzyEntry[]>()
  const df = new Map<string, number>()
  const statements: string[][] = []
  claims.forEach((claim, ci) => {
    claim.keywords.forEach((group, gi) => {
      for (const kw of group) {
        const [first, ...rest] = termStems(analyze, kw)
        if (first === undefined) continue
        const list = byFirst.get(first) ?? []
        list.push({ claim: ci, group: gi, rest })
        byFirst.set(first, list)
        const word = fold(kw.trim())
        if (rest.length === 0 && word.length >= MIN_FUZZY_LENGTH && /^[a-z]+$/.test(word)) {
          const bucket = fuzzyByInitial.get(word[0] as string) ?? []
          bucket.push({ claim: ci, group: gi, word })
          fuzzyByInitial.set(word[0] as string, bucket)
        }
      }
    })
    const stems = [...new Set(contentStems(analyze(claim.claim)))]
    statements.push(stems)
    for (const s of stems) df.set(s, (df.get(s) ?? 0) + 1)
  })
  const idf = (stem: string): number => Math.log(1 + (claims.length + 1) / ((df.get(stem) ?? 0) + 0.5))
  const compiled: Compiled[] = claims.map((claim, ci) => {
    const patterns: RegExp[] = []
    for (const p of claim.patterns) {
      const r = compileSafePattern(p)
      if (r.ok) patterns.push(withFastLeadingBoundary(r.regex))
    }
    const weights = (statements[ci] ?? []).map((s) => [s, idf(s)] as const)
    const norm = Math.hypot(...weights.map(([, w]) => w)) || 1
    return {
      claim,
      groups: claim.keywords.length,
      patterns,
      vector: new Map(weights.map(([s, w]) => [s, w / norm])),
    }
  })
  const alwaysRun = compiled.map((c, i) => (c.groups === 0 ? i : -1)).filter((i) => i >= 0)
  /** Catalog words within a typo or two of `word` (not the word itself). */
  const fuzzy = (word: string): readonly FuzzyEntry[] => {
    const found: FuzzyEntry[] = []
    for (const e of fuzzyByInitial.get(word[0] as string) ?? []) {
      const budget = Math.min(typoBudget(word.length), typoBudget(e.word.length))
      const d = boundedEditDistance(word, e.word, budget)
      if (d > 0 && d <= budget) found.push(e)
    }
    return found
  }
  // Per word of the analyzer's vocabulary: keywords starting with its stem, and the fuzzy matches
  // of a long content word (tried where no keyword matches exactly).
  const keywordsOf = analyze.table((_word, stem) => byFirst.get(stem) ?? NO_KEYWORDS)
  const typosOf = analyze.table((word) =>
    word.length >= MIN_FUZZY_LENGTH && !STOPWORDS.has(word) ? fuzzy(word) : NO_FUZZY,
  )

  return {
    match(text) {
      const a = analyze(text)
      if (a.words.length === 0) return []
      const hits: Hits = new Map()
      const { stems, words, ids } = a
      for (let i = 0; i < stems.length; i++) {
        if (stems[i] === BOUNDARY) continue
        const id = ids[i] as number
        let exact = false
        for (const kw of keywordsOf.get(id)) {
          let ok = true
          for (let k = 0; k < kw.rest.length && ok; k++) ok = stems[i + 1 + k] === kw.rest[k]
          if (ok) {
            record(hits, compiled, kw.claim, kw.group, i, i + kw.rest.length, true)
            exact = true
          }
        }
        if (!exact) for (const e of typosOf.get(id)) record(hits, compiled, e.claim, e.group, i, i, false)
      }

      const out: ClaimMatch[] = []
      let postStems: ReadonlySet<string> | undefined
      let cues: StanceCues | undefined
      const candidates = alwaysRun.length > 0 ? new Set([...hits.keys(), ...alwaysRun]) : hits.keys()
      for (const ci of candidates) {
        const c = compiled[ci] as Compiled
        const groups = hits.get(ci) ?? []
        let full = c.groups > 0
        let exact = true
        let from = Number.POSITIVE_INFINITY
        let to = -1
        for (let g = 0; g < c.groups; g++) {
          const h = groups[g]
          if (h === undefined) {
            full = false
            continue
          }
          exact &&= h[2]
          from = Math.min(from, h[0])
          to = Math.max(to, h[1])
        }
        let span: [number, number] | undefined
        if (full) span = [a.offsets[from] as number, (a.offsets[to] as number) + (words[to] as string).length]
        let patterned = false
        for (const re of c.patterns) {
          const m = re.exec(a.folded)
          if (m !== null) {
            patterned = true
            span ??= [m.index, m.index + m[0].length]
            break
          }
        }
        if (span === undefined) continue
        postStems ??= new Set(contentStems(a))
        cues ??= stanceCues(a.folded)
        const cos = cosine(postStems, c.vector)
        const base = patterned ? 0.85 : exact ? 0.65 : 0.55
        const score = Math.round(Math.min(1, base + 0.35 * cos) * 1000) / 1000
        out.push({ id: c.claim.id, stance: classifyStance(a.folded, span[0], span[1], cues), score })
      }
      return out.sort((x, y) => y.score - x.score)
    },
  }
}

const NO_KEYWORDS: readonly Keyword[] = []
const NO_FUZZY: readonly FuzzyEntry[] = []

/** Claim index → per keyword group: [first word index, last word index, exact?]. */
type Hits = Map<number, ([number, number, boolean] | undefined)[]>

function record(
  hits: Hits,
  compiled: readonly Compiled[],
  ci: number,
  gi: number,
  from: number,
  to: number,
  exact: boolean,
): void {
  let groups = hits.get(ci)
  if (groups === undefined) {
    groups = new Array((compiled[ci] as Compiled).groups)
    hits.set(ci, groups)
  }
  const cur = groups[gi]
  if (cur === undefined || (exact && !cur[2])) groups[gi] = [from, to, exact]
}

function contentStems(a: Analysis): string[] {
  const out: string[] = []
  a.stems.forEach((s, i) => {
    if (s !== BOUNDARY && !STOPWORDS.has(a.words[i] as string)) out.push(s)
  })
  return out
}

/** Cosine between the post's set of content stems and a unit claim vector (post weights equal). */
function cosine(seen: ReadonlySet<string>, vector: ReadonlyMap<string, number>): number {
  let dot = 0
  for (const s of seen) dot += vector.get(s) ?? 0
  return seen.size === 0 ? 0 : Math.min(1, dot / Math.sqrt(Math.min(seen.size, vector.size)))
}
