import type { RedactionKind } from './types.ts'

/** A text with gold labels, for scoring a redactor (generated corpus or hand-written fixtures). */
export interface LabelledText {
  readonly id: string
  readonly text: string
  /** Identifiers that must be redacted (UTF-16 offsets into `text`). */
  readonly entities: readonly { readonly kind: RedactionKind; readonly start: number; readonly end: number }[]
  /** Protected health terms and allowed numbers that must survive untouched. */
  readonly protected: readonly { readonly start: number; readonly end: number }[]
  /** Whether the author discloses their own health or identifiers; absent when not judged. */
  readonly selfDisclosure?: boolean
}

/** Builds a labelled text from parts: plain strings, identifiers to redact, and protected terms. */
export type Part =
  | string
  | { readonly kind: RedactionKind; readonly value: string }
  | { readonly keep: string }

export function assemble(id: string, parts: readonly Part[], selfDisclosure: boolean | null): LabelledText {
  let text = ''
  const entities: { kind: RedactionKind; start: number; end: number }[] = []
  const kept: { start: number; end: number }[] = []
  for (const p of parts) {
    const start = text.length
    if (typeof p === 'string') text += p
    else if ('kind' in p) {
      text += p.value
      entities.push({ kind: p.kind, start, end: text.length })
    } else {
      text += p.keep
      kept.push({ start, end: text.length })
    }
  }
  return selfDisclosure === null
    ? { id, text, entities, protected: kept }
    : { id, text, entities, protected: kept, selfDisclosure }
}
