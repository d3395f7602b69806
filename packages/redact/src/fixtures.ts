import { readFile } from 'node:fs/promises'
import type { LabelledText } from './labelled.ts'
import { REDACTION_KINDS, type RedactionKind } from './types.ts'

/**
 * The hand-written labelled fixtures (`fixtures/*.jsonl`). Each line names its identifiers and
 * protected terms by value, which are located in the text here, so the file stays readable:
 * `{"id", "text", "entities": [{"kind", "value"}], "keep": ["COVID-19"], "selfDisclosure"?: bool}`.
 */

export const FIXTURES_URL = new URL('../fixtures/redact-fixtures.jsonl', import.meta.url)

const KINDS = new Set<string>(REDACTION_KINDS)

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Converts one fixture object to a labelled text; throws naming the problem. */
export function parseFixture(value: unknown): LabelledText {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.text !== 'string') {
    throw new Error('fixture needs string "id" and "text"')
  }
  const { id, text } = value
  const entities: { kind: RedactionKind; start: number; end: number }[] = []
  const used = new Map<string, number>()
  for (const e of Array.isArray(value.entities) ? value.entities : []) {
    if (!isRecord(e) || typeof e.kind !== 'string' || !KINDS.has(e.kind) || typeof e.value !== 'string') {
      throw new Error(`${id}: bad entity ${JSON.stringify(e)}`)
    }
    // A repeated value is found at its next occurrence.
    const start = text.indexOf(e.value, used.get(e.value) ?? 0)
    if (start < 0 || e.value.length === 0) throw new Error(`${id}: "${e.value}" not in text`)
    used.set(e.value, start + e.value.length)
    entities.push({ kind: e.kind as RedactionKind, start, end: start + e.value.length })
  }
  const kept: { start: number; end: number }[] = []
  for (const term of Array.isArray(value.keep) ? value.keep : []) {
    if (typeof term !== 'string' || term.length === 0) throw new Error(`${id}: bad keep term`)
    let at = text.indexOf(term)
    if (at < 0) throw new Error(`${id}: keep term "${term}" not in text`)
    while (at >= 0) {
      kept.push({ start: at, end: at + term.length })
      at = text.indexOf(term, at + term.length)
    }
  }
  const sd = value.selfDisclosure
  return typeof sd === 'boolean'
    ? { id, text, entities, protected: kept, selfDisclosure: sd }
    : { id, text, entities, protected: kept }
}

export function parseFixtures(jsonl: string): LabelledText[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return parseFixture(JSON.parse(line))
      } catch (err) {
        throw new Error(`fixture line ${i + 1}: ${err instanceof Error ? err.message : String(err)}`)
      }
    })
}

/** Reads the package's hand-written fixtures. */
export async function loadFixtures(url: URL = FIXTURES_URL): Promise<LabelledText[]> {
  return parseFixtures(await readFile(url, 'utf8'))
}
