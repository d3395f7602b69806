import type { LabelledText } from './labelled.ts'
import {
  REDACTION_KINDS,
  type RedactionEntity,
  type RedactionKind,
  type Redactor,
  STRUCTURED_KINDS,
} from './types.ts'

/**
 * Scores a redactor against labelled texts. An identifier counts as recalled when every letter and
 * digit of it is inside redacted spans (the value is gone), and as correctly typed when one entity
 * of the gold kind covers it. A predicted entity is a true positive when it overlaps a gold one.
 */

export interface KindScore {
  expected: number
  recalled: number
  typed: number
}

export interface Evaluation {
  readonly texts: number
  readonly perKind: Record<RedactionKind, KindScore>
  readonly structuredRecall: number
  readonly overallRecall: number
  readonly precision: number
  readonly predicted: number
  readonly protectedTotal: number
  readonly protectedIntact: number
  readonly selfDisclosure: { tp: number; fp: number; fn: number; tn: number }
  /** A few misses and false alarms, for debugging (ids and kinds only for misses). */
  readonly misses: { id: string; kind: RedactionKind; value: string }[]
  readonly falseAlarms: { id: string; kind: RedactionKind; value: string }[]
}

const ALNUM = /[\p{L}\p{N}]/u

function covered(text: string, start: number, end: number, entities: readonly RedactionEntity[]): boolean {
  for (let i = start; i < end; i++) {
    const ch = text[i]
    if (ch === undefined || !ALNUM.test(ch)) continue
    if (!entities.some((e) => e.start <= i && i < e.end)) return false
  }
  return true
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b)

export function evaluateRedactor(
  redactor: Redactor,
  examples: readonly LabelledText[],
  keepExamples = 20,
): Evaluation {
  const perKind = Object.fromEntries(
    REDACTION_KINDS.map((k) => [k, { expected: 0, recalled: 0, typed: 0 }]),
  ) as Record<RedactionKind, KindScore>
  let predicted = 0
  let correct = 0
  let protectedTotal = 0
  let protectedIntact = 0
  const sd = { tp: 0, fp: 0, fn: 0, tn: 0 }
  const misses: Evaluation['misses'] = []
  const falseAlarms: Evaluation['falseAlarms'] = []
  for (const ex of examples) {
    const result = redactor.redact(ex.text)
    for (const g of ex.entities) {
      const score = perKind[g.kind]
      score.expected++
      if (covered(ex.text, g.start, g.end, result.entities)) {
        score.recalled++
        if (result.entities.some((e) => e.kind === g.kind && e.start <= g.start && e.end >= g.end))
          score.typed++
      } else if (misses.length < keepExamples) {
        misses.push({ id: ex.id, kind: g.kind, value: ex.text.slice(g.start, g.end) })
      }
    }
    for (const e of result.entities) {
      predicted++
      if (ex.entities.some((g) => e.start < g.end && g.start < e.end)) correct++
      else if (falseAlarms.length < keepExamples) {
        falseAlarms.push({ id: ex.id, kind: e.kind, value: ex.text.slice(e.start, e.end) })
      }
    }
    for (const p of ex.protected) {
      protectedTotal++
      if (!result.entities.some((e) => e.start < p.end && p.start < e.end)) protectedIntact++
    }
    if (ex.selfDisclosure !== undefined) {
      if (ex.selfDisclosure) result.selfDisclosure ? sd.tp++ : sd.fn++
      else result.selfDisclosure ? sd.fp++ : sd.tn++
    }
  }
  const sum = (kinds: readonly RedactionKind[], f: (s: KindScore) => number): number =>
    kinds.reduce((n, k) => n + f(perKind[k]), 0)
  return {
    texts: examples.length,
    perKind,
    structuredRecall: ratio(
      sum(STRUCTURED_KINDS, (s) => s.recalled),
      sum(STRUCTURED_KINDS, (s) => s.expected),
    ),
    overallRecall: ratio(
      sum(REDACTION_KINDS, (s) => s.recalled),
      sum(REDACTION_KINDS, (s) => s.expected),
    ),
    precision: ratio(correct, predicted),
    predicted,
    protectedTotal,
    protectedIntact,
    selfDisclosure: sd,
    misses,
    falseAlarms,
  }
}
