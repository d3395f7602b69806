import type { TopicRule } from '@pulse/core'
import { type Analyzer, foldTag, sharedAnalyzer, termStems } from './text.ts'

export interface TopicInput {
  readonly text: string
  /** Hashtags from the connector, with or without `#`. */
  readonly hashtags: readonly string[]
  /** @handles the post mentions, with or without `@`. */
  readonly mentions: readonly string[]
}

export interface TopicMatcher {
  /** Ids of the rules the post matches, in rule order. */
  match(input: TopicInput): string[]
}

interface Term {
  readonly first: string
  readonly rest: readonly string[]
}

interface CompiledRule {
  readonly id: string
  readonly all: readonly number[]
  readonly any: readonly number[]
  readonly not: readonly number[]
}

/**
 * Compiles topic rules into indexes keyed by stemmed token, hashtag and handle, so a post only
 * evaluates the rules one of its tokens can satisfy; cost grows with the post, not the rule count.
 *
 * A rule matches when none of its `not` terms occur and either (a) it has `all`/`any` terms,
 * every `all` term occurs and, if `any` is given, one `any` term occurs; or (b) one of its
 * `hashtags` is on the post or one of its `handles` is mentioned. Terms are case-folded,
 * accent-stripped and Porter-stemmed ("Fevers" matches "fever"); a multi-word term is a phrase
 * matched on consecutive words within a sentence. Hashtag bodies count as words ("#measles"
 * matches the term "measles"); a rule's `hashtags` match whole tags only.
 */
export function createTopicMatcher(
  rules: readonly TopicRule[],
  options: { analyzer?: Analyzer } = {},
): TopicMatcher {
  const analyze = options.analyzer ?? sharedAnalyzer()
  const terms: Term[] = []
  const termIds = new Map<string, number>()
  const byFirst = new Map<string, number[]>()
  const termRules: number[][] = []
  const tagRules = new Map<string, number[]>()
  const handleRules = new Map<string, number[]>()
  const compiled: CompiledRule[] = []

  const push = <K>(map: Map<K, number[]>, key: K, value: number): void => {
    const list = map.get(key)
    if (list === undefined) map.set(key, [value])
    else if (list[list.length - 1] !== value) list.push(value)
  }
  const termId = (text: string): number | undefined => {
    const stems = termStems(analyze, text)
    const [first, ...rest] = stems
    if (first === undefined) return undefined
    const key = stems.join(' ')
    let id = termIds.get(key)
    if (id === undefined) {
      id = terms.length
      terms.push({ first, rest })
      termRules.push([])
      termIds.set(key, id)
      push(byFirst, first, id)
    }
    return id
  }
  const ids = (list: readonly string[]): number[] =>
    list.map(termId).filter((id): id is number => id !== undefined)

  rules.forEach((rule, r) => {
    const c: CompiledRule = { id: rule.id, all: ids(rule.all), any: ids(rule.any), not: ids(rule.not) }
    compiled.push(c)
    for (const t of [...c.all, ...c.any]) {
      const list = termRules[t] as number[]
      if (list[list.length - 1] !== r) list.push(r)
    }
    for (const h of rule.hashtags) push(tagRules, foldTag(h), r)
    for (const h of rule.handles) push(handleRules, foldTag(h), r)
  })

  // Per word of the analyzer's vocabulary: the terms whose first stem is the word's stem.
  const firstTerms = analyze.table((_word, stem) => byFirst.get(stem) ?? NONE)

  // Per-call scratch, stamped with a generation number instead of cleared.
  const termSeen = new Uint32Array(terms.length)
  const ruleSeen = new Uint32Array(compiled.length)
  const directSeen = new Uint32Array(compiled.length)
  let gen = 0
  // Rules some term or tag of the current post satisfies, in order found (reused per call).
  const candidates: number[] = []
  // Hashtags of the current post, folded (reused per call).
  const tags = new Set<string>()
  const hit = (r: number): void => {
    if (ruleSeen[r] !== gen) {
      ruleSeen[r] = gen
      candidates.push(r)
    }
  }
  /** A rule matched by one of the post's hashtags or handles, whatever its terms. */
  const hitDirect = (rules: readonly number[] | undefined): void => {
    for (const r of rules ?? NONE) {
      directSeen[r] = gen
      hit(r)
    }
  }
  /** Marks each of `list` (terms starting with `stems[i]`) that occurs at `i`, and its rules. */
  const markTerms = (list: readonly number[], stems: readonly string[], i: number): void => {
    for (const t of list) {
      if (termSeen[t] === gen) continue
      const rest = (terms[t] as Term).rest
      let ok = true
      for (let k = 0; k < rest.length && ok; k++) ok = stems[i + 1 + k] === rest[k]
      if (!ok) continue
      termSeen[t] = gen
      for (const r of termRules[t] as number[]) hit(r)
    }
  }
  const seen = (t: number): boolean => termSeen[t] === gen
  // The stem of one connector hashtag, scanned as a one-word text.
  const tagStem: string[] = ['']

  return {
    match(input) {
      gen = gen === 0xffffffff ? 1 : gen + 1
      if (gen === 1) {
        termSeen.fill(0)
        ruleSeen.fill(0)
        directSeen.fill(0)
      }
      const a = analyze(input.text)
      candidates.length = 0
      for (let i = 0; i < a.ids.length; i++) markTerms(firstTerms.get(a.ids[i] as number), a.stems, i)
      tags.clear()
      for (const tag of a.hashtags) tags.add(tag)
      for (const h of input.hashtags) {
        const tag = foldTag(h)
        if (tags.has(tag)) continue
        tags.add(tag)
        const stem = analyze.stem(tag)
        tagStem[0] = stem
        markTerms(byFirst.get(stem) ?? NONE, tagStem, 0)
      }
      for (const tag of tags) hitDirect(tagRules.get(tag))
      for (const h of a.handles) hitDirect(handleRules.get(h))
      for (const h of input.mentions) hitDirect(handleRules.get(foldTag(h)))

      const out: number[] = []
      for (const r of candidates) {
        const rule = compiled[r] as CompiledRule
        if (rule.not.some(seen)) continue
        const termsOk =
          rule.all.length + rule.any.length > 0 &&
          rule.all.every(seen) &&
          (rule.any.length === 0 || rule.any.some(seen))
        if (termsOk || directSeen[r] === gen) out.push(r)
      }
      return out.sort((x, y) => x - y).map((r) => (compiled[r] as CompiledRule).id)
    },
  }
}

const NONE: readonly number[] = []
