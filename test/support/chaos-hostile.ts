import { type Json, sampleMentions, seededRandom } from './chaos-data.ts'

/**
 * Limits the hostile-input test relies on (mirrors `LIMITS` in @pulse/core): a line over 256 KiB,
 * JSON nested deeper than 16, text over 20,000 UTF-16 units, ids over 512 chars, more than 100
 * hashtags/mentions, tags over 140 chars, createdAt outside [1970-01-01, 2100-01-01) are refused.
 */
export const RELIED_LIMITS = { maxMessageBytes: 256 * 1024, maxJsonDepth: 16, maxTextChars: 20_000 } as const

/** Text that is data, not markup or SQL: valid mentions carrying it must be stored byte for byte. */
export const TRICKY_TEXTS = [
  "'); DROP TABLE mentions; -- and SELECT * FROM dead_letters WHERE 1=1",
  '<!channel> <!here> <!everyone> *bold* _it_ ~strike~ `code` <https://evil.example|click me>',
  '\u202Eevil right-to-left override\u202C and \u200B\u200C\u200D\u2060\uFEFF zero-width',
  'emoji 🧪💉🏥👩🏽‍⚕️🇺🇸 and astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'quotes " \' ` and backslashes \\ \\\\ \\n (literal) and \t tab \u0007 bell',
  '{"__proto__":{"polluted":true}} constructor.prototype.polluted',
] as const

export interface HostileLine {
  readonly bytes: Buffer
  readonly valid: boolean
  readonly kind: string
  readonly id?: string
  readonly mustContain?: string
}

const b = (s: string): Buffer => Buffer.from(s, 'utf8')

/** `count` hostile lines mixed with `valid` valid mentions (some carrying TRICKY_TEXTS), seeded. */
export function hostileLines(count: number, valid: number, seed: number): HostileLine[] {
  const rnd = seededRandom(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
  const base = sampleMentions(Math.max(valid, 200), seed)
  const some = (): Json => ({ ...pick(base), id: `hostile:${Math.floor(rnd() * 1e12)}` })
  const json = (o: unknown): Buffer => b(JSON.stringify(o))
  const nest = (n: number): string => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`
  const makers: ReadonlyArray<readonly [string, () => Buffer]> = [
    [
      'invalid utf-8',
      () => Buffer.concat([b('{"id":"x:1","text":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), b('"}')]),
    ],
    [
      'overlong utf-8',
      () => Buffer.concat([b('{"text":"'), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]), b('"}')]),
    ],
    ['deep json', () => b(nest(17 + Math.floor(rnd() * 5000)))],
    ['deep array', () => json({ ...some(), hashtags: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) })],
    ['wrong type id', () => json({ ...some(), id: 12345 })],
    ['wrong type text', () => json({ ...some(), text: ['a', 'b'] })],
    ['wrong type author', () => json({ ...some(), author: 'someone' })],
    ['wrong type likes', () => json({ ...some(), engagement: { likes: '10' } })],
    ['wrong type createdAt', () => json({ ...some(), createdAt: 1_763_251_200_000 })],
    [
      'huge hashtags',
      () =>
        json({
          ...some(),
          hashtags: Array.from({ length: 101 + Math.floor(rnd() * 5000) }, (_, i) => `t${i}`),
        }),
    ],
    ['huge mentions', () => json({ ...some(), mentions: Array.from({ length: 2000 }, () => 'x') })],
    ['long tag', () => json({ ...some(), hashtags: ['x'.repeat(141)] })],
    ['long text', () => json({ ...some(), text: 'é'.repeat(20_001) })],
    ['long id', () => json({ ...some(), id: 'i'.repeat(513) })],
    ['sql in source', () => json({ ...some(), source: "x'; DROP TABLE mentions; --" })],
    ['mrkdwn with bad type', () => json({ ...some(), text: '<!channel> hi', likes: 1, author: { id: 42 } })],
    ['raw control char', () => b(`{"id":"c:1","text":"bell\u0007here","source":"x"}`)],
    ['raw NUL', () => Buffer.concat([b('{"id":"n:1",'), Buffer.from([0]), b('"text":"x"}')])],
    ['only NUL', () => Buffer.from([0, 0, 0])],
    ['rtl in source', () => json({ ...some(), source: '\u202Ex' })],
    ['zero-width id', () => json({ ...some(), id: '' })],
    [
      '__proto__ only',
      () =>
        b(
          '{"__proto__":{"id":"p:1","source":"x","text":"t","createdAt":"2026-11-16T00:00:00Z","author":{"id":"a"}}}',
        ),
    ],
    ['constructor pollution', () => b('{"constructor":{"prototype":{"id":"p:2","polluted":true}}}')],
    ['likes negative', () => json({ ...some(), engagement: { likes: -1 } })],
    ['likes fractional', () => json({ ...some(), engagement: { likes: 1.5 } })],
    ['likes 1e400', () => b(JSON.stringify({ ...some() }).replace(/}$/, ',"engagement":{"likes":1e400}}'))],
    ['followers 2^60', () => json({ ...some(), author: { id: 'a', followers: 2 ** 60 } })],
    ['rating 1e9', () => json({ ...some(), rating: 1e9 })],
    ['year 9999', () => json({ ...some(), createdAt: '9999-12-31T23:59:59Z' })],
    ['year 0001', () => json({ ...some(), createdAt: '0001-01-01T00:00:00Z' })],
    ['year 1969', () => json({ ...some(), createdAt: '1969-12-31T23:59:59.999Z' })],
    ['year 2100', () => json({ ...some(), createdAt: '2100-01-01T00:00:00Z' })],
    ['not a date', () => json({ ...some(), createdAt: '2026-13-45T25:61:00Z' })],
    ['scalar', () => b(pick(['null', 'true', '42', '"str"', '[]', '[{}]']))],
    ['garbage', () => b(pick(['<html>', 'HTTP/1.1 500', 'undefined', "{id:'x'}", '{"a":1,}']))],
  ]
  const out: HostileLine[] = []
  for (let i = 0; i < count; i++) {
    const [kind, make] = makers[i % makers.length] as readonly [string, () => Buffer]
    out.push({ bytes: make(), valid: false, kind })
  }
  out.push({
    bytes: b(`{"id":"big:1","text":"${'A'.repeat(10 * 1024 * 1024)}"}`),
    valid: false,
    kind: '10 MB line',
  })
  for (let i = 0; i < valid; i++) {
    const m: Json = { ...(base[i] as Json), id: `valid:${i}` }
    const tricky = i % 3 === 0 ? TRICKY_TEXTS[i % TRICKY_TEXTS.length] : undefined
    const text = tricky ? `${tricky} ${String(m.text)}` : String(m.text)
    // Extra keys, prototype-pollution ones included, are stripped: the mention itself is valid.
    const extra = i % 7 === 0 ? ',"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}' : ''
    const line = JSON.stringify({ ...m, text }).replace(/}$/, `${extra}}`)
    out.push({
      bytes: b(line),
      valid: true,
      kind: 'valid',
      id: `valid:${i}`,
      ...(tricky ? { mustContain: tricky } : {}),
    })
  }
  // Interleave deterministically.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    const t = out[i] as HostileLine
    out[i] = out[j] as HostileLine
    out[j] = t
  }
  return out
}
