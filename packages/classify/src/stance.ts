import type { ClaimMatch } from '@pulse/core'

export type Stance = ClaimMatch['stance']

const SENTENCE_END = /[.!?;\n¡¿…]/
const INTERROGATIVE =
  /^(?:do|does|did|is|are|was|were|can|could|will|would|should|has|have|what|how|why|where|when|which|who|any|anyone|anybody|is it true|como|que|por que|es|son|hay|puede)\b/

/** Negators that, right before or inside the claim, turn it around ("vaccines do NOT cause…"). */
const NEGATOR =
  /(?:^|[\s,])(?:not|no|never|nor|cannot|\w+n't|dont|doesnt|didnt|isnt|arent|cant|wont|nunca|tampoco)(?=[\s,.!?]|$)/g
/** A negator that refuses ("not letting them…", "no need for…") or contrasts ("not a virus, it's…"). */
const REFUSAL =
  /^\s*(?:(?:\S+\s+){0,3}?\S*[,;]\s*(?:it's|its|it is|but|they're|this is)\b|\S+ needed\b|letting|giving|getting|risking|taking|injecting|vaccinating|need|needed|going to (?:let|give|get)|gonna (?:let|give|get))\b/

/** Signs the author rejects the claim: myth/debunk vocabulary, evidence talk, mockery. */
const DEBUNK_CUES = [
  /\bmyths?\b/,
  /\bdebunk\w*/,
  /\b(?:false|falsely|untrue|not true|isn't true|is not true)\b/,
  /\b(?:mis|dis)information\b/,
  /\bno (?:evidence|link|proof|benefit|such thing|effect)\b/,
  /\b(?:not|isn't) a thing\b/,
  /\bfact[- ]?check\w*|\bfact:/,
  /\bconspiracy theor\w*/,
  /\brumou?rs?\b/,
  /\b(?:retracted|fraud\w*|disproven|discredited)\b/,
  /\bstop (?:spreading|sharing)\b/,
  /\b(?:nonsense|bs|bogus|pseudoscience)\b/,
  /\b(?:studies|study|research|data|trials?) (?:show\w*|find|found|shows)\b|\brandomi[sz]ed\b|\bstudied\b/,
  /\bfound (?:no|zero|nothing)\b/,
  /\b(?:imagine|still) (?:believing|think\w*|believ\w*|saying|claiming)\b|\bpeople (?:who )?(?:still )?(?:think|believe)\b/,
  /\bnext you'll tell me\b|\byeah,? right\b|\bsure,? and\b/,
  /\bno,? (?:they|it|that|he|she) (?:don't|doesn't|isn't|can't|won't|didn't|do not|does not|is not|cannot)\b|\bnope\b/,
  /\bnot how\b|\bthat's not how\b/,
  /\b(?:poison (?:control|center)|please (?:don't|do not|vaccinate|get)|talk to your (?:doctor|pediatrician))\b/,
  /\b(?:is|are) (?:safe|not poison)\b/,
  /\b(?:the|this) (?:\w+ )?crowd\b|\blol people\b|\blmao\b/,
  /🙄|🤦|🙃|🤷/u,
]

/** Signs the author pushes the claim: conspiracy framing, calls to "research", refusal. */
const SPREAD_CUES = [
  /\bwake up\b|\bsheeple\b/,
  /\bdo (?:your|ur) (?:own )?research\b|\blook it up\b/,
  /\b(?:they|media|government|cdc|fda)(?: don't| won't| never)? (?:want you to know|tell you|lied|hid\w*|hiding|know)\b/,
  /\b(?:nobody|no one|noone)(?: will| wants to| is)? (?:admit|talk\w*|cover\w*)\b|\bwhy is nobody\b/,
  /\badmit\b/,
  /\bbig pharma\b|\bpharma\b|\bfollow the money\b/,
  /\bcover(?:ed)?[- ]?ups?\b|\bcoverup\b|\bsuppress\w*|\bburied\b|\bcensor\w*/,
  /\bwe all know\b|\bthe truth\b|\bi'm telling you\b|\bit's real\b|\bis real\b|\bwas right\b/,
  /\bnot a (?:coincidence|myth|conspiracy)\b|\bcoincidence\?/,
  /\b(?:proven|proved|proof)\b/,
  /\bmark of the beast\b|\bpopulation control\b|\bfear[- ]?(?:porn|mongering)\b/,
  /\bnever (?:getting|again)\b|\bskipping\b|\bno thanks\b|\bnot risking\b/,
  /#\w*(?:injury|injured|kills|plandemic|diedsuddenly|pureblood|nochip|unmask|stop5g|genetherapy|notavaccine|vaxxed|coverup|fluoridefree|ivermectinworks)\b/,
]

/** The author reports what someone else says or asks, without taking a side. */
const REPORTED =
  /\b(?:says?|said|saying|claims?|claiming|keeps? (?:saying|asking|talking)|told (?:me|us)|heard|seeing|saw (?:a|this)|video|the (?:idea|notion|claim|belief) that|asking me|won't stop talking|where did)\b/

const count = (cues: readonly RegExp[], text: string): number =>
  cues.reduce((n, re) => n + (re.test(text) ? 1 : 0), 0)

const QUOTE = /["“”]([^"“”]+)["“”]|(?:^|[\s(])'([^']+?)'(?=[\s,.!?)]|$)/g

/** A quotation of two or more words overlapping the claim: the author cites it (to refute it). */
function quotesClaim(sentence: string, start: number, end: number): boolean {
  QUOTE.lastIndex = 0
  for (let m = QUOTE.exec(sentence); m !== null; m = QUOTE.exec(sentence)) {
    const inner = m[1] ?? m[2] ?? ''
    if (inner.trim().includes(' ') && m.index < end && m.index + m[0].length > start) return true
  }
  return false
}

function negates(segment: string): boolean {
  NEGATOR.lastIndex = 0
  for (let m = NEGATOR.exec(segment); m !== null; m = NEGATOR.exec(segment)) {
    if (!REFUSAL.test(segment.slice(m.index + m[0].length))) return true
  }
  return false
}

/** Post-wide cue counts; compute once per post and pass to `classifyStance` for each claim. */
export interface StanceCues {
  readonly debunk: number
  readonly spread: number
}

export function stanceCues(folded: string): StanceCues {
  return { debunk: count(DEBUNK_CUES, folded), spread: count(SPREAD_CUES, folded) }
}

/**
 * Stance of a post towards a claim it mentions at `[start, end)` of the folded text. Debunking
 * when refutation cues outweigh promotion cues (the claim negated in place counts double, a
 * quoted claim once); spreading when promotion cues win or when the claim is simply asserted;
 * neutral for a sincere question or reported speech with no cue either way.
 */
export function classifyStance(
  folded: string,
  start: number,
  end: number,
  cues: StanceCues = stanceCues(folded),
): Stance {
  let s = start
  while (s > 0 && !SENTENCE_END.test(folded[s - 1] as string)) s--
  let e = end
  while (e < folded.length && !SENTENCE_END.test(folded[e] as string)) e++
  const sentence = folded.slice(s, e).trim()
  const tail = folded.slice(e, e + 3)
  const before = folded.slice(Math.max(s, start - 24), start)
  const lead = before.split(/\s+/).slice(-4).join(' ')
  const after = folded.slice(end, e).split(/\s+/).slice(0, 4).join(' ')
  const negated = negates(`${lead} ${folded.slice(start, end)} ${after}`)
  const quoted = quotesClaim(folded.slice(s, e), start - s, end - s)
  const question = tail.includes('?') || sentence.includes('¿') || INTERROGATIVE.test(sentence)

  const debunk = cues.debunk + (negated ? 2 : 0) + (quoted ? 1 : 0)
  const spread = cues.spread
  if (debunk > spread) return 'debunking'
  if (spread > debunk) return 'spreading'
  if (spread > 0) return 'neutral'
  if (question || REPORTED.test(sentence)) return 'neutral'
  return 'spreading'
}
