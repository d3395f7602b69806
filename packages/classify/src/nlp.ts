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

/**
 * The Porter stem of a folded word. natural's stemmer is for English letters; numbers,
 * accent-stripped Spanish and short words keep their plain case fold so they still match
 * themselves. It costs microseconds a word: callers memoise it (see `Vocabulary`).
 */
export function stemWord(word: string): string {
  return word.length <= 3 || !/^[a-z]+$/.test(word) ? word : porter.stem(word)
}
