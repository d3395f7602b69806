import { describe, expect, it } from 'vitest'
import { BOUNDARY, createAnalyzer, fold } from './text.ts'

const B = BOUNDARY

describe('createAnalyzer', () => {
  const analyze = createAnalyzer()

  it.each([
    ['empty', '', { words: [], offsets: [], stems: [], hashtags: [], handles: [] }],
    [
      'case folding, stems, trailing punctuation',
      'Two FEVERS this week!',
      {
        words: ['two', 'fevers', 'this', 'week'],
        offsets: [0, 4, 11, 16],
        stems: ['two', 'fever', 'thi', 'week'],
      },
    ],
    [
      'abbreviations, possessives, decimals and numbers glued to units',
      "St. Mary's ER wait... Dr. Lee said 12.5mg, 5mg or 3.5 doses",
      {
        words: ['st', 'mary', 'er', 'wait', B, 'dr', 'lee', 'said', '12.5mg', '5mg', 'or', '3.5', 'doses'],
        offsets: [0, 4, 11, 14, 18, 22, 26, 30, 35, 43, 47, 50, 54],
        stems: ['st', 'mari', 'er', 'wait', B, 'dr', 'lee', 'said', '12.5mg', '5mg', 'or', '3.5', 'dose'],
      },
    ],
    [
      'URLs dropped (a bare scheme is a word)',
      'see https://x.com/a?b=1. and www.cdc.gov/flu, then http:// nothing',
      {
        words: ['see', 'and', 'then', 'http', B, 'nothing'],
        offsets: [0, 25, 46, 51, 55, 59],
        stems: ['see', 'and', 'then', 'http', B, 'noth'],
      },
    ],
    [
      'hashtag bodies are words, handles are not',
      '#FluSeason @StMarysHealth #h5n1 @jane.doe.x #12 #_ @',
      {
        words: ['fluseason', 'h5n1', '12', '_'],
        offsets: [1, 27, 45, 49],
        hashtags: ['fluseason', 'h5n1', '12', '_'],
        handles: ['stmaryshealth', 'jane.doe.x'],
      },
    ],
    [
      'apostrophes inside words, numbers with separators',
      "it's rock'n'roll o'neil's 123's 1,000,000.50 v2.0 42nd",
      {
        words: ['it', "rock'n'roll", "o'neil", '123', '1,000,000.50', 'v2.0', '42nd'],
        offsets: [0, 5, 17, 26, 32, 45, 50],
      },
    ],
    [
      'Spanish accents and inverted marks, every sentence mark',
      '¿Dónde está la vacuna? ¡Ya! … ok; fine: done\nnext',
      {
        words: ['donde', 'esta', 'la', 'vacuna', B, 'ya', B, 'ok', B, 'fine', B, 'done', B, 'next'],
        offsets: [1, 7, 12, 15, 21, 24, 26, 32, 34, 36, 40, 42, 46, 47],
      },
    ],
    [
      'emoji skipped, compatibility digits folded',
      '🤒🤒 fever 🔥 ２ days ½ dose ①',
      { words: ['fever', '2', 'days', '1', '2', 'dose', '1'], offsets: [5, 14, 16, 21, 23, 25, 30] },
    ],
    [
      'an incomplete URL is words',
      'www. alone and https://',
      { words: ['www', B, 'alone', 'and', 'https'], offsets: [0, 3, 5, 11, 15] },
    ],
    [
      'no boundary after abbreviations, none at the end',
      'mr. smith vs. jones st.',
      { words: ['mr', 'smith', 'vs', 'jones', 'st'], offsets: [0, 4, 10, 14, 20] },
    ],
  ])('%s', (_name, text, expected) => {
    const a = analyze(text)
    expect(a.folded).toBe(fold(text))
    expect({
      words: a.words,
      offsets: a.offsets,
      ...('stems' in expected ? { stems: a.stems } : {}),
      ...('hashtags' in expected ? { hashtags: a.hashtags } : {}),
      ...('handles' in expected ? { handles: a.handles } : {}),
    }).toEqual(expected)
  })

  it('offsets point at each word in the folded text', () => {
    const a = analyze('Dr. Ana Pérez @clinic #Vacunación: 3,5 dosis… ¡listo! https://t.co/x ok')
    a.words.forEach((w, i) => {
      if (w !== BOUNDARY) expect(a.folded.slice(a.offsets[i], (a.offsets[i] ?? 0) + w.length)).toBe(w)
    })
    expect(a.words).toContain('vacunacion')
    expect(a.hashtags).toEqual(['vacunacion'])
    expect(a.handles).toEqual(['clinic'])
  })

  it('tokenises a huge hostile post in linear time', () => {
    const text = `${'#a.'.repeat(20_000)} ${'1.'.repeat(20_000)}x ${"a'".repeat(20_000)}`
    const started = performance.now()
    const a = analyze(text)
    expect(performance.now() - started).toBeLessThan(1_000)
    expect(a.words.length).toBeGreaterThan(20_000)
  })
})
