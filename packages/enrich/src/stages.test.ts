import { buildMention } from '@pulse/testkit'
import { describe, expect, it } from 'vitest'
import { createRedactStage, type Redactor } from './stages.ts'

/** A redactor that reports the given kinds for every text and changes nothing. */
const reporting = (kinds: readonly string[]): Redactor => ({
  redact: (text) => ({ text, kinds, selfDisclosure: false }),
})

describe('createRedactStage', () => {
  it.each([
    [[], undefined, []],
    [['EMAIL', 'PHONE'], undefined, ['EMAIL', 'PHONE']],
    [['PHONE', 'EMAIL', 'PHONE'], undefined, ['EMAIL', 'PHONE']],
    [['EMAIL', 'EMAIL'], undefined, ['EMAIL']],
    [['PHONE'], 'title', ['PHONE']],
    [['SSN', 'EMAIL'], 'title', ['EMAIL', 'SSN']],
  ])('records kinds %j (title %j) once each, sorted: %j', async (kinds, title, expected) => {
    const given = [...kinds]
    const [o] = await createRedactStage(reporting(given)).process([buildMention({ title: title ?? null })])
    if (o?.kind !== 'ok') throw new Error('the stage refused the mention')
    expect(o.value.redactions).toEqual(expected)
    // The stage's list is its own: the redactor's array is neither returned nor reordered.
    expect(o.value.redactions).not.toBe(given)
    expect(given).toEqual(kinds)
  })
})
