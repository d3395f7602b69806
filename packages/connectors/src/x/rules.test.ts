import { describe, expect, it } from 'vitest'
import { diffRules, rulesFromWatch } from './rules.ts'

describe('X filtered-stream rules from the watch list', () => {
  it('builds one tagged rule per term, hashtag and handle', () => {
    expect(
      rulesFromWatch({
        terms: ['measles', 'flu shot'],
        hashtags: ['#FluSeason'],
        handles: ['@CountyHealth'],
      }),
    ).toEqual([
      { value: 'measles', tag: 'pulse:term:measles' },
      { value: '"flu shot"', tag: 'pulse:term:flu shot' },
      { value: '#FluSeason', tag: 'pulse:hashtag:fluseason' },
      { value: 'from:CountyHealth OR @CountyHealth', tag: 'pulse:handle:countyhealth' },
    ])
  })

  it.each([
    ['nothing to do', [{ id: '1', value: 'a', tag: 'pulse:term:a' }], ['a'], [], []],
    [
      'adds missing, deletes stale Pulse rules, keeps rules of other tools',
      [
        { id: '1', value: 'old', tag: 'pulse:term:old' },
        { id: '2', value: 'theirs', tag: 'crm' },
        { id: '3', value: 'keep', tag: 'pulse:term:keep' },
      ],
      ['keep', 'new'],
      ['new'],
      ['1'],
    ],
    ['empty stream', [], ['a', 'b'], ['a', 'b'], []],
  ])('%s', (_, current, wanted, add, del) => {
    const diff = diffRules(
      current,
      wanted.map((value) => ({ value, tag: `pulse:term:${value}` })),
    )
    expect(diff.add.map((r) => r.value)).toEqual(add)
    expect(diff.delete).toEqual(del)
  })
})
