import { isWord, wordSet as set } from './english-constructions.ts'
import { Mark, type RuleContext } from './language-pack.ts'
import type { Token } from './tokenize.ts'

/**
 * Service failures that patients post about, where no single word carries sentiment: a long wait
 * ("waited 6 hours in the ER"), a call never returned ("nobody called back", "still waiting to
 * hear"), care given without explanation ("discharged without explaining anything"). A comms team
 * reads each as a complaint; word-by-word scoring calls them neutral. Each rule gives the word that
 * carries the failure the valence of VADER's "ignored" and "delay" (−1.3), shielded from the
 * negator that is part of the construction ("nobody", "never", "without", "haven't").
 */
export const SERVICE_FAILURE = -1.3

function fail(ctx: RuleContext, k: number): void {
  ctx.valence[k] = SERVICE_FAILURE
  ctx.marks[k] = (ctx.marks[k] as number) | Mark.Unnegated
}

/** Words of waiting that a long span of time turns into a complaint. */
const WAITING = set('wait waits waited waiting sat sitting hold queue queued queuing queueing stuck')
/** Before a waiting word: eagerness, not a wait ("can't wait 3 days for the trip"). */
const EAGER = set("can't cant cannot couldn't couldnt")
const COUNT_WORDS = set('two three four five six seven eight nine ten eleven twelve several many')
/** Before a count: the span is short ("only 2 hours", "under 3 days"). */
const SHORT = set('only just under less barely')
const NUMBER = /^\d+(?:[.,]\d+)?\+?$/
/** How far (in tokens, within the sentence) a waiting word may be from the span. */
const WAIT_REACH = 8

/** "waited 6 hours", "sat in the ER for hours", "on hold for 3 days": a long wait. */
function longWait(ctx: RuleContext, i: number): void {
  const { tokens } = ctx
  const span = tokens[i] as Token
  const before = tokens[i - 1]
  const counted = before !== undefined && (NUMBER.test(before.text) || COUNT_WORDS.has(before.text))
  if (!counted && before?.text !== 'for') return
  if (counted && isWord(tokens[i - 2], SHORT)) return
  const from = Math.max(0, i - WAIT_REACH)
  const to = Math.min(tokens.length - 1, i + WAIT_REACH)
  for (let k = from; k <= to; k++) {
    const t = tokens[k] as Token
    if (t.sentence !== span.sentence || !isWord(t, WAITING) || isWord(tokens[k - 1], EAGER)) continue
    fail(ctx, i)
    return
  }
}

/** What staff are expected to do, after "nobody"/"no one"/"never": "nobody called back". */
const RESPONSES = set(
  'call calls called tell tells told explain explains explained answer answers answered return ' +
    'returns returned respond responds responded reply replies replied help helps helped listen ' +
    'listens listened show shows showed came come comes check checks checked follow follows followed ' +
    'cares cared bother bothers bothered contact contacts contacted inform informs informed update ' +
    'updates updated apologize apologized apologise apologised',
)
/** After "hear"/"heard": what was not heard ("haven't heard back", "didn't hear anything"). */
const HEARD_WHAT = set('back anything from')
/** Verbs a speaker can fail at themselves, so "I never called" is no complaint about others. */
const OWN_ACTIONS = set('call called came come return returned reply replied respond responded show showed')
const SPEAKER = set('i we')
const PAST = set([...RESPONSES].filter((w) => w.endsWith('ed') || w === 'told' || w === 'came').join(' '))

/** "nobody called back", "no one told us", "no-one explained": a response that never came. */
function noResponse(ctx: RuleContext, at: number): void {
  const { tokens } = ctx
  const clause = (tokens[at] as Token).clause
  // One word may come between: "nobody ever called", "no one even checked".
  for (let k = at + 1; k <= at + 2 && k < tokens.length; k++) {
    const t = tokens[k] as Token
    if (t.clause !== clause) return
    if (RESPONSES.has(t.text)) {
      fail(ctx, k)
      return
    }
  }
}

/**
 * "never called back", "never heard back", "they never explained": a response that never came.
 * Past tense only: "you could never tell" and "never tell people" are not about a response.
 */
function neverResponded(ctx: RuleContext, i: number): void {
  const { tokens } = ctx
  const speaker = isWord(tokens[i - 1], SPEAKER)
  for (let k = i + 1; k <= i + 2 && k < tokens.length; k++) {
    const t = tokens[k] as Token
    if (t.clause !== (tokens[i] as Token).clause) return
    if (t.text === 'heard' || t.text === 'received') {
      // "never heard back/anything/from them"; "never heard of it" is news, not neglect.
      if (t.text === 'received' || isWord(tokens[k + 1], HEARD_WHAT)) fail(ctx, k)
      return
    }
    if (RESPONSES.has(t.text)) {
      if (PAST.has(t.text) && !(speaker && OWN_ACTIONS.has(t.text))) fail(ctx, k)
      return
    }
  }
}

const NEGATED = set("not never haven't havent hasn't hasnt hadn't hadnt didn't didnt don't dont")

/** "still haven't heard back", "didn't hear anything from the clinic". */
function notHeard(ctx: RuleContext, i: number): void {
  const { tokens } = ctx
  if (!isWord(tokens[i + 1], HEARD_WHAT)) return
  if (isWord(tokens[i - 1], NEGATED) || isWord(tokens[i - 2], NEGATED)) fail(ctx, i)
}

/** "still waiting for a call", "we're still waiting on results". */
function stillWaiting(ctx: RuleContext, i: number): void {
  const { tokens } = ctx
  if (tokens[i - 1]?.text === 'still' || (tokens[i - 2]?.text === 'still' && tokens[i - 1]?.text !== 'not'))
    fail(ctx, i)
}

/** What care should not go without: "discharged without explaining anything". */
const WITHOUT_WHAT = set(
  'explaining explanation explanations telling asking checking warning consent notice calling informing',
)
const FILLERS = set('a an any even so much')

function withoutExplanation(ctx: RuleContext, i: number): void {
  const { tokens } = ctx
  let k = i + 1
  while (isWord(tokens[k], FILLERS) && k <= i + 2) k++
  if (isWord(tokens[k], WITHOUT_WHAT)) fail(ctx, k)
}

/** "no one called back": the rule for "no" is taken, so "one" triggers when "no" precedes it. */
function noOneResponded(ctx: RuleContext, i: number): void {
  if (ctx.tokens[i - 1]?.text === 'no') noResponse(ctx, i)
}

/** The rules by trigger word, for `applyEnglishRules`. */
export const SERVICE_RULES: readonly (readonly [string, (ctx: RuleContext, i: number) => void])[] = [
  ['hours hrs days weeks months', longWait],
  ['nobody noone no-one', noResponse],
  ['one', noOneResponded],
  ['never', neverResponded],
  ['heard hear', notHeard],
  ['waiting', stillWaiting],
  ['without', withoutExplanation],
]
