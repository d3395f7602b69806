import type { Rng } from './random.ts'
import { VOCAB } from './vocab.ts'

/** Slot fillers: `{name}` in a template is replaced by one of `slots[name]` (which may hold slots too). */
export type Slots = Readonly<Record<string, readonly string[]>>
export type Tone = 'positive' | 'negative' | 'neutral' | 'mixed'

type Part = string | { readonly slot: string }
const compiled = new Map<string, readonly Part[]>()

function compile(template: string): readonly Part[] {
  const hit = compiled.get(template)
  if (hit) return hit
  const parts: Part[] = []
  const re = /\{([a-z_]+)\}/g
  let last = 0
  for (let m = re.exec(template); m !== null; m = re.exec(template)) {
    if (m.index > last) parts.push(template.slice(last, m.index))
    parts.push({ slot: m[1] ?? '' })
    last = m.index + m[0].length
  }
  if (last < template.length) parts.push(template.slice(last))
  compiled.set(template, parts)
  return parts
}

/** Fills a template's slots from `local` first, then the shared vocabulary. Unknown slots stay literal. */
export function render(template: string, rng: Rng, local?: Slots, depth = 0): string {
  let out = ''
  for (const part of compile(template)) {
    if (typeof part === 'string') {
      out += part
      continue
    }
    const options = local?.[part.slot] ?? VOCAB[part.slot]
    if (!options || options.length === 0 || depth > 4) {
      out += `{${part.slot}}`
      continue
    }
    const value = rng.pick(options)
    out += value.includes('{') ? render(value, rng, local, depth + 1) : value
  }
  return out
}

const EMOJI: Record<Tone, readonly string[]> = {
  positive: ['🙏', '❤️', '💙', '👏', '😊', '🙌', '💪', '✨'],
  negative: ['😤', '😡', '🙄', '😩', '🤬', '😞', '💀', '😭'],
  neutral: ['🤔', '👀', '📌', '🏥', '💉', '🤷'],
  mixed: ['😅', '🤷‍♀️', '😬', '🫠'],
}
const SLANG: ReadonlyArray<readonly [RegExp, string]> = [
  [/\byou\b/g, 'u'],
  [/\bare\b/g, 'r'],
  [/\breally\b/g, 'rly'],
  [/\bright now\b/g, 'rn'],
  [/\bthough\b/g, 'tho'],
  [/\bplease\b/g, 'pls'],
  [/\bbecause\b/g, 'bc'],
  [/\bpeople\b/g, 'ppl'],
]

/**
 * Makes a rendered text sound typed by a person: occasional typos (never inside #tags or
 * @handles), all-lowercase, slang, emoji and extra punctuation, by chance.
 */
export function humanize(text: string, rng: Rng, tone: Tone, lang: string, typos = true): string {
  let t = text
  if (rng.next() < 0.1 && typos) t = typo(t, rng)
  if (lang === 'en' && rng.chance(0.12)) {
    const [re, to] = rng.pick(SLANG)
    t = t.replace(re, to)
  }
  if (rng.chance(0.16)) t = t.toLowerCase()
  if (rng.chance(tone === 'neutral' ? 0.08 : 0.26)) {
    const e = rng.pick(EMOJI[tone])
    t = rng.chance(0.3) ? `${t} ${e}${e}` : `${t} ${e}`
  }
  if (tone === 'negative' && rng.chance(0.1)) t = t.replace(/[.!]?$/, '!!!')
  return t
}

function typo(text: string, rng: Rng): string {
  const start = rng.int(text.length)
  let i = text.indexOf(' ', start)
  if (i < 0) i = text.indexOf(' ')
  if (i < 0) return text
  const wordStart = i + 1
  let end = text.indexOf(' ', wordStart)
  if (end < 0) end = text.length
  const word = text.slice(wordStart, end)
  if (word.length < 4 || !/^[a-z]+$/i.test(word)) return text
  const k = 1 + rng.int(word.length - 2)
  const swapped = rng.chance(0.5)
    ? word.slice(0, k) + (word[k + 1] ?? '') + (word[k] ?? '') + word.slice(k + 2)
    : word.slice(0, k) + word.slice(k + 1)
  return text.slice(0, wordStart) + swapped + text.slice(end)
}

const HASHTAG = /(?<![\p{L}\p{N}_&/#])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu
const MENTION = /(?<![\p{L}\p{N}_.@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)/gu

/** The #hashtags and @handles written in a text (without the sigil, as written, in order, unique). */
export function extractTags(text: string): { hashtags: string[]; mentions: string[] } {
  return {
    hashtags: text.includes('#') ? unique(text.matchAll(HASHTAG)) : [],
    mentions: text.includes('@') ? unique(text.matchAll(MENTION)) : [],
  }
}

function unique(matches: IterableIterator<RegExpMatchArray>): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  for (const m of matches) {
    const tag = m[1]
    if (tag === undefined || seen.has(tag.toLowerCase())) continue
    seen.add(tag.toLowerCase())
    out.push(tag)
  }
  return out
}
