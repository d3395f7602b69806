import { describe, expect, it } from 'vitest'
import { type ClockState, clockMayClose } from './clock-close.ts'

const MIN = 60_000
const NOW = Date.parse('2026-11-20T12:00:00Z')
/** A live stream: four partitions, all current, nothing queued. */
const live: ClockState = {
  now: NOW,
  owned: [0, 1, 2, 3],
  lag: { 0: 0, 1: 0, 2: 0, 3: 0 },
  newestByPartition: new Map([
    [0, NOW - 5_000],
    [1, NOW - 3_000],
    [2, NOW - 9_000],
    [3, NOW - 1_000],
  ]),
  lastArrival: NOW - 500,
  latenessMs: 2 * MIN,
  bucketMs: 5 * MIN,
  quietMs: 30_000,
}

describe('clockMayClose', () => {
  it.each<[string, Partial<ClockState>, boolean]>([
    ['a live stream with nothing queued', {}, true],
    [
      'a busy partition whose queued posts are newer than the closing point',
      { lag: { 0: 0, 1: 40, 2: 0, 3: 0 } },
      true,
    ],
    [
      'an idle partition beside busy ones (lag on the busy ones only)',
      {
        lag: { 0: 12, 1: 40, 2: 0, 3: 7 },
        newestByPartition: new Map([
          [0, NOW - 5_000],
          [1, NOW - 3_000],
          [2, NOW - 6 * 60 * MIN],
          [3, NOW - 1_000],
        ]),
      },
      true,
    ],
    [
      'a partition catching up: its queue may hold posts of buckets the clock would close',
      {
        lag: { 0: 0, 1: 0, 2: 900, 3: 0 },
        newestByPartition: new Map([
          [0, NOW - 5_000],
          [1, NOW - 3_000],
          [2, NOW - 3 * MIN],
          [3, NOW - 1_000],
        ]),
      },
      false,
    ],
    [
      'a queued partition that has delivered nothing yet',
      { lag: { 0: 0, 1: 0, 2: 0, 3: 5 }, newestByPartition: new Map() },
      false,
    ],
    [
      'lag on a partition another member of the group owns',
      { owned: [0, 1], lag: { 0: 0, 1: 0, 2: 900, 3: 0 } },
      true,
    ],
    [
      'a replay or backlog: the stream is hours behind and still arriving',
      {
        newestByPartition: new Map([0, 1, 2, 3].map((p) => [p, NOW - 6 * 60 * MIN])),
        lastArrival: NOW - 200,
      },
      false,
    ],
    [
      'a stream that went quiet',
      {
        newestByPartition: new Map([0, 1, 2, 3].map((p) => [p, NOW - 6 * 60 * MIN])),
        lastArrival: NOW - 31_000,
      },
      true,
    ],
    [
      'nothing ever arrived',
      {
        newestByPartition: new Map(),
        lastArrival: Number.NEGATIVE_INFINITY,
      },
      true,
    ],
  ])('%s → %s', (_, change, expected) => {
    expect(clockMayClose({ ...live, ...change })).toBe(expected)
  })
})
