import * as Risk from './intent-patterns.ts'
import * as Service from './intent-service-patterns.ts'
import { TRIGGERS } from './intent-triggers.ts'
import { INTENT_IDS, type IntentId } from './intents.ts'
import { type Analyzer, foldTag, sharedAnalyzer } from './text.ts'

const P = { ...Risk, ...Service, TRIGGERS }

export interface IntentContext {
  /** The organisation's handles; a question that @-mentions one is addressed to the org. */
  readonly orgHandles?: readonly string[]
  /** Set when the connector already knows the post mentions or replies to the org. */
  readonly mentionsOrg?: boolean
}

export interface IntentClassifier {
  /** Intent ids (see `INTENTS`) in `INTENT_IDS` order; empty when none apply. */
  classify(text: string, ctx?: IntentContext): IntentId[]
}

const SENTENCE = /[^.!?\n¡¿]*(?:[.!?\n]+|$)|¿[^?]*\??/g

function sentences(folded: string): string[] {
  return (folded.match(SENTENCE) ?? []).map((s) => s.trim()).filter((s) => s !== '')
}

/** Praise said through gritted teeth ("thanks for nothing 🙄"). */
function sarcastic(folded: string): boolean {
  return P.SARCASM_MARK.test(folded) || P.PRAISE_SARCASM.test(folded)
}

function isQuestion(sentence: string): boolean {
  return sentence.includes('?') || sentence.startsWith('¿') || P.QUESTION_OPENER.test(sentence)
}

/**
 * Multi-label intent tagging with phrase patterns over folded text (English, with Spanish for
 * crisis, questions, access and praise). Precision first for `crisis` (first-person or about
 * someone close; negated and joking uses are dropped, "this traffic is killing me" is not
 * crisis) and `adverse_event` (an explicit reaction, or a product, a harm and a causal link in
 * one sentence told by the person affected or their family, never "no side effects").
 */
export function createIntentClassifier(options: { analyzer?: Analyzer } = {}): IntentClassifier {
  const analyze = options.analyzer ?? sharedAnalyzer()
  const families = Object.keys(P.TRIGGERS) as (keyof typeof P.TRIGGERS)[]
  const bit = (f: keyof typeof P.TRIGGERS): number => 1 << families.indexOf(f)
  const triggers = new Map<string, number>()
  for (const f of families) for (const w of P.TRIGGERS[f]) triggers.set(w, (triggers.get(w) ?? 0) | bit(f))
  // Per word: the families it triggers.
  const triggerBits = analyze.table((word) => triggers.get(word) ?? 0)
  const CRISIS = bit('crisis')
  const AE = bit('adverseEvent')
  const ADVICE = bit('advice')
  const ACCESS = bit('access')
  const COMPLAINT = bit('complaint')
  const PRAISE = bit('praise')

  // One compiled "@handle" pattern per org handle, built on first use instead of per post.
  const handlePatterns = new Map<string, RegExp | null>()
  const addressed = (folded: string, ctx: IntentContext): boolean => {
    if (ctx.mentionsOrg === true) return true
    for (const h of ctx.orgHandles ?? []) {
      let re = handlePatterns.get(h)
      if (re === undefined) {
        const handle = foldTag(h)
        re = handle === '' ? null : new RegExp(`@${escapeRegex(handle)}(?![\\p{L}\\p{N}_])`, 'u')
        if (handlePatterns.size >= HANDLE_PATTERNS_MAX) handlePatterns.clear()
        handlePatterns.set(h, re)
      }
      if (re?.test(folded)) return true
    }
    return false
  }

  return {
    classify(text, ctx = {}) {
      const a = analyze(text)
      const folded = a.folded
      if (a.words.length === 0) return []
      let mask = 0
      for (const id of a.ids) mask |= triggerBits.get(id)
      const asks = folded.includes('?') || folded.includes('¿') || P.QUESTION_OPENER.test(folded)
      const found = new Set<IntentId>()
      if (mask === 0 && !asks) return []
      // Sentences, first-person and sarcasm checks are computed only by the rules that need them.
      let parts: string[] | undefined

      if (mask & CRISIS && P.matchesUnnegated(P.CRISIS, folded)) {
        const joking =
          P.CRISIS_JOKE.test(folded) && !/\b(?:suicid\w*|kill (?:myself|himself|herself))\b/.test(folded)
        if (!joking) found.add('crisis')
      }

      if (mask & AE && !P.AE_NEGATED.test(folded)) {
        parts ??= sentences(folded)
        // Told by the person affected (or family), or with a time link ("hives after starting…").
        const personal = P.FIRST_PERSON.test(folded) || P.RELATION.test(folded)
        const linked = parts.some(
          (s) =>
            !isQuestion(s) &&
            P.PRODUCT.test(s) &&
            P.HARM.test(s) &&
            (personal ? P.CAUSAL.test(s) : P.TEMPORAL.test(s)),
        )
        const explicit = personal && parts.some((s) => !isQuestion(s) && P.matchesUnnegated(P.AE_EXPLICIT, s))
        if (linked || explicit) found.add('adverse_event')
      }

      let questions: string[] = []
      if (asks) {
        parts ??= sentences(folded)
        questions = parts.filter(isQuestion)
      }
      if (questions.some((q) => P.HEALTH.test(q))) found.add('medical_question')
      if (mask & ADVICE && P.ADVICE.test(folded) && (P.HEALTH.test(folded) || P.CARE.test(folded))) {
        found.add('advice_request')
      }
      if (mask & ACCESS && P.ACCESS.test(folded)) found.add('access_problem')
      if (mask & COMPLAINT && P.matchesUnnegated(P.COMPLAINT, folded)) found.add('complaint')
      if (
        mask & PRAISE &&
        P.matchesUnnegated(P.PRAISE, folded) &&
        !(found.has('complaint') && sarcastic(folded))
      )
        found.add('praise')
      if (questions.length > 0 && addressed(folded, ctx)) found.add('unanswered_question')

      return INTENT_IDS.filter((id) => found.has(id))
    },
  }
}

const HANDLE_PATTERNS_MAX = 1_000

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
