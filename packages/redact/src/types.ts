/** Kinds of identifier the redactor replaces; the placeholder text is `[KIND]`. */
export type RedactionKind = 'EMAIL' | 'PHONE' | 'SSN' | 'MRN' | 'DOB' | 'ADDRESS' | 'CARD' | 'IP' | 'NAME'

export const REDACTION_KINDS: readonly RedactionKind[] = [
  'EMAIL',
  'PHONE',
  'SSN',
  'MRN',
  'DOB',
  'ADDRESS',
  'CARD',
  'IP',
  'NAME',
]

/** Identifiers with a fixed shape (the ≥ 0.99 recall target); ADDRESS and NAME are contextual. */
export const STRUCTURED_KINDS: readonly RedactionKind[] = [
  'EMAIL',
  'PHONE',
  'SSN',
  'MRN',
  'DOB',
  'CARD',
  'IP',
]

/** One replaced span: UTF-16 offsets into the INPUT text, `end` exclusive. */
export interface RedactionEntity {
  readonly kind: RedactionKind
  readonly start: number
  readonly end: number
}

export interface RedactionResult {
  /** The text with every entity replaced by `[KIND]`. */
  readonly text: string
  /** Sorted by `start`, non-overlapping. */
  readonly entities: RedactionEntity[]
  /** Distinct kinds found, sorted. Never the values. */
  readonly kinds: RedactionKind[]
  /** The author discloses their own condition or identifiers: answer privately. */
  readonly selfDisclosure: boolean
}

export interface Redactor {
  redact(text: string): RedactionResult
}

export interface RedactorOptions {
  /** Phone numbers the organisation publishes itself (hotlines); any formatting, left intact. */
  readonly publishedPhones?: readonly string[]
  /** Organisation handles (with or without `@`) that are never redacted. */
  readonly keepHandles?: readonly string[]
}

/** A detector's proposal; overlaps are resolved by `priority`, then length. */
export interface Candidate {
  readonly kind: RedactionKind
  readonly start: number
  readonly end: number
  readonly priority: number
}

/** Overlap priority: identifiers named by a label beat shapes, shapes beat phones, phones beat the rest. */
export const PRIORITY = { name: 1, address: 2, phone: 3, shape: 4, context: 5 } as const
