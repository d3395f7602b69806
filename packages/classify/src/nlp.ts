/**
 * The few pieces of `natural` Pulse uses, loaded by path: importing the package root pulls in
 * WordNet, database drivers and dotenv (half a second and log lines on stdout), which a hot
 * enrichment stage must not pay for.
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

interface StemmerModule {
  stem(token: string): string
}
interface WordList {
  words: readonly string[]
}

const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as StemmerModule
const stopwordsEn = require('natural/lib/natural/util/stopwords.js') as WordList
const stopwordsEs = require('natural/lib/natural/util/stopwords_es.js') as WordList

/** Common words dropped from terms: natural's English and Spanish lists plus chat filler. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  ...stopwordsEn.words.filter((w) => w.length > 1 || /[a-z]/.test(w)),
  ...stopwordsEs.words,
  ...['i', "i'm", 'im', "it's", "don't", 'dont', "can't", 'cant', 'just', 'really', 'get', 'got', 'not'],
  ...[
    'will',
    'one',
    'lol',
    'lmao',
    'omg',
    'amp',
    'via',
    'rt',
    'us',
    'yes',
    'no',
    'ok',
    'okay',
    'even',
    'know',
  ],
  ...['think', 'going', 'gonna', 'want', 'need', 'people', 'today', 'day', 'new', 'let', 'say', 'says'],
  ...['que', 'los', 'las', 'del', 'por', 'para', 'con', 'una', 'uno', 'como', 'pero', 'muy', 'más', 'mas'],
])

const STEM_CACHE_MAX = 50_000

/**
 * A memoising Porter stemmer: natural's stemmer costs microseconds a word, a post repeats the
 * same few thousand words all day. The cache is per instance and bounded (cleared when full).
 */
export function createStemmer(): (word: string) => string {
  const cache = new Map<string, string>()
  return (word) => {
    const hit = cache.get(word)
    if (hit !== undefined) return hit
    // natural's stemmer is for English letters; leave numbers, accents-stripped Spanish and
    // short words to a plain case fold so they still match themselves.
    const stemmed = word.length <= 3 || !/^[a-z]+$/.test(word) ? word : porter.stem(word)
    if (cache.size >= STEM_CACHE_MAX) cache.clear()
    cache.set(word, stemmed)
    return stemmed
  }
}
