import { readFileSync } from 'node:fs'
import {
  createAnalyzer,
  createClaimMatcher,
  createIntentClassifier,
  createTermExtractor,
  createTopicMatcher,
  DEFAULT_CLAIMS,
  DEFAULT_TOPICS,
} from '@pulse/classify'
import { seededRandom, type TopicRule } from '@pulse/core'
import { flagNumber, flagString, parseArgs } from '../args.ts'
import type { Benchmark } from './index.ts'

const FIXTURE = new URL('../../../../packages/classify/fixtures/misinfo.jsonl', import.meta.url)

/** Extra rules in the shape of real ones (words and phrases from the corpus) to reach `count`. */
function scaledRules(corpus: readonly string[], count: number): TopicRule[] {
  const words = [
    ...new Set(
      corpus
        .join(' ')
        .toLowerCase()
        .match(/[a-z]{4,}/g) ?? [],
    ),
  ]
  const rand = seededRandom(42)
  const pick = (): string => words[Math.floor(rand() * words.length)] ?? 'fever'
  const rules = [...DEFAULT_TOPICS]
  for (let i = rules.length; i < count; i++) {
    const any = Array.from({ length: 6 }, (_, k) => (k % 3 === 0 ? `${pick()} ${pick()}` : pick()))
    rules.push({
      id: `bench-${i}`,
      label: `bench ${i}`,
      category: 'illness',
      all: i % 4 === 0 ? [pick()] : [],
      any,
      not: i % 5 === 0 ? [pick()] : [],
      hashtags: [pick()],
      handles: [],
    })
  }
  return rules
}

function time(posts: readonly string[], minMs: number, fn: (text: string) => unknown): number {
  let n = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < minMs) {
    for (const p of posts) fn(p)
    n += posts.length
    elapsed = performance.now() - start
  }
  return (elapsed * 1000) / n
}

export const classifyBench: Benchmark = {
  name: 'classify',
  summary: 'posts/s for topics (30 and 300 rules), intents, claims, terms and all together',
  async run(ctx) {
    const args = parseArgs(ctx.args, { values: ['file', 'ms', 'rules'] })
    const file = flagString(args, 'file') ?? FIXTURE
    const ms = flagNumber(args, 'ms', 1500)
    const many = flagNumber(args, 'rules', 300)
    const rows = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { text?: unknown; claim?: unknown })
    const posts = rows.map((r) => String(r.text ?? ''))
    // Posts that mention no myth: the common case in a hospital's stream.
    const typical = rows
      .filter((r) => r.claim === null || r.claim === undefined)
      .map((r, i) => `${String(r.text ?? '')} #u${i}`)
    // Make every post distinct so the analyzer's last-text memo never hides work between components.
    const corpus = posts.map((p, i) => `${p} #t${i}`)
    const input = (text: string) => ({ text, hashtags: ['health'], mentions: ['stmaryshealth'] })
    const fresh = () => createAnalyzer()
    const topics30 = createTopicMatcher(DEFAULT_TOPICS, { analyzer: fresh() })
    const topicsMany = createTopicMatcher(scaledRules(posts, many), { analyzer: fresh() })
    const intents = createIntentClassifier({ analyzer: fresh() })
    const claims = createClaimMatcher(DEFAULT_CLAIMS, { analyzer: fresh() })
    const terms = createTermExtractor({ analyzer: fresh() })
    const shared = createAnalyzer()
    const all = {
      topics: createTopicMatcher(DEFAULT_TOPICS, { analyzer: shared }),
      intents: createIntentClassifier({ analyzer: shared }),
      claims: createClaimMatcher(DEFAULT_CLAIMS, { analyzer: shared }),
      terms: createTermExtractor({ analyzer: shared }),
    }
    const allFour = (t: string): void => {
      all.topics.match(input(t))
      all.intents.classify(t)
      all.claims.match(t)
      all.terms(t, ['health'])
    }
    const table: [string, (t: string) => unknown, readonly string[]][] = [
      [`topics (${DEFAULT_TOPICS.length} rules)`, (t) => topics30.match(input(t)), corpus],
      [`topics (${many} rules)`, (t) => topicsMany.match(input(t)), corpus],
      ['intents', (t) => intents.classify(t, { orgHandles: ['stmaryshealth'] }), corpus],
      [`claims (${DEFAULT_CLAIMS.length} claims)`, (t) => claims.match(t), corpus],
      ['terms', (t) => terms(t, ['health']), corpus],
      ['all four, shared analysis', allFour, corpus],
      ['all four, typical posts only', allFour, typical],
    ]
    const avgChars = Math.round(corpus.reduce((n, p) => n + p.length, 0) / corpus.length)
    ctx.stdout.write(
      `classify bench: ${corpus.length} posts (avg ${avgChars} chars; ${corpus.length - typical.length} mention a myth, a worst case), ${typical.length} typical, ${ms} ms per row, one core\n`,
    )
    for (const [name, fn, set] of table) {
      for (const p of set) fn(p) // warm up caches and the JIT
      const us = time(set, ms, fn)
      ctx.stdout.write(
        `  ${name.padEnd(28)} ${us.toFixed(2).padStart(7)} µs/post  ${Math.round(1e6 / us)
          .toLocaleString('en-US')
          .padStart(9)} posts/s\n`,
      )
    }
    return 0
  },
}
