import { B64URL, BASE32, encode, hashChars, hashDigits } from './codes.ts'
import { outlet } from './org-accounts.ts'
import { hash32, type Rng, unit } from './random.ts'
import type { SampleSource } from './sources.ts'

/** An author as a connector would deliver it, plus how other posts @-mention them in text. */
export interface SampleAuthor {
  readonly id: string
  readonly handle: string | null
  readonly name: string | null
  readonly followers: number
  /** Handle as written after `@` in text, or null where the platform has no @-mentions. */
  readonly at: string | null
}

const FIRST = [
  'jess',
  'mike',
  'sarah',
  'dave',
  'maria',
  'jose',
  'ana',
  'chris',
  'kate',
  'tom',
  'lauren',
  'marcus',
  'priya',
  'wei',
  'fatima',
  'omar',
  'linda',
  'gary',
  'tasha',
  'kevin',
  'rosa',
  'luis',
  'emily',
  'nate',
  'brooke',
  'dani',
  'jordan',
  'alex',
  'sam',
  'tyler',
  'megan',
  'carlos',
  'sofia',
  'hannah',
  'derek',
  'nina',
  'raj',
  'grace',
  'beth',
]
const LAST = [
  'smith',
  'johnson',
  'lopez',
  'garcia',
  'nguyen',
  'patel',
  'brown',
  'miller',
  'davis',
  'wilson',
  'moore',
  'taylor',
  'thomas',
  'martinez',
  'hernandez',
  'clark',
  'lewis',
  'walker',
  'young',
  'king',
  'reyes',
  'kim',
]
const WORDS = [
  'mama',
  'dad',
  'nurse',
  'rn',
  'runner',
  'coffee',
  'buckeye',
  'ohio',
  'cbus',
  'bookworm',
  'gamer',
  'vibes',
  'life',
  'fit',
  'chef',
  'teacher',
  'mom',
  'doc',
  'real',
  'the',
  'official',
  'just',
  'sunny',
  'midwest',
]
const INSTANCES = ['mastodon.social', 'mstdn.social', 'med-mastodon.com', 'mastodon.online', 'fosstodon.org']

const CACHE_SIZE = 1 << 15
const SOURCE_INDEX: Record<SampleSource, number> = {
  x: 0,
  bluesky: 1,
  mastodon: 2,
  reddit: 3,
  youtube: 4,
  news: 5,
  reviews: 6,
}

/**
 * A synthetic population of `size` people. Person `i`'s attributes are a pure function of
 * (seed, i), so nothing is stored and any population size is free. Low indices post most:
 * `active()` draws a heavy-tailed index (the top 1% of people write ~16% of posts).
 */
export class Population {
  // Direct-mapped cache: the heavy tail means a few thousand people write most posts.
  private readonly cacheKeys = new Float64Array(CACHE_SIZE).fill(-1)
  private readonly cache: Array<SampleAuthor | undefined> = new Array(CACHE_SIZE)

  constructor(
    readonly size: number,
    private readonly seed: number,
  ) {}

  /** A person weighted by activity (power law). */
  active(rng: Rng): number {
    return Math.floor(this.size * rng.next() ** 2.6)
  }

  /** Any person, uniformly: for organic bursts with many distinct voices. */
  anyone(rng: Rng): number {
    return rng.int(this.size)
  }

  author(source: SampleSource, i: number): SampleAuthor {
    const key = i * 8 + SOURCE_INDEX[source]
    const slot = key % CACHE_SIZE
    const hit = this.cache[slot]
    if (hit !== undefined && this.cacheKeys[slot] === key) return hit
    const made = this.make(source, i)
    this.cache[slot] = made
    this.cacheKeys[slot] = key
    return made
  }

  private make(source: SampleSource, i: number): SampleAuthor {
    const s = this.seed
    const first = FIRST[hash32(s, i) % FIRST.length] ?? 'sam'
    const last = LAST[hash32(s + 1, i) % LAST.length] ?? 'lee'
    const word = WORDS[hash32(s + 2, i) % WORDS.length] ?? 'real'
    const style = hash32(s + 3, i) % 4
    // Every handle ends in the person's index, so handles (and ids built from them) never collide.
    const base =
      style === 0
        ? `${first}${last}${i}`
        : style === 1
          ? `${first}_${word}${i}`
          : style === 2
            ? `${word}${first}${i}`
            : `${first}.${last}${i}`
    const handle =
      source === 'x' || source === 'reddit' || source === 'mastodon' ? base.replace('.', '_') : base
    const name = `${cap(first)} ${cap(last)}`
    const z = Math.sqrt(-2 * Math.log(1 - unit(s + 5, i))) * Math.cos(2 * Math.PI * unit(s + 6, i))
    const boost = i < this.size * 0.002 ? 40 : 1
    const followers = Math.min(5_000_000, Math.round(Math.exp(4.3 + 1.5 * z) * boost))
    const uid = Math.imul((i ^ s) >>> 0, 0x9e3779b1) >>> 0
    switch (source) {
      case 'bluesky':
        return {
          id: `did:plc:${hashChars(BASE32, 17, s + 7, i)}${encode(BASE32, uid, 7)}`,
          handle: `${handle}.bsky.social`,
          name,
          followers,
          at: `${handle}.bsky.social`,
        }
      case 'mastodon': {
        const instance = INSTANCES[hash32(s + 8, i) % INSTANCES.length] ?? 'mastodon.social'
        return {
          id: `https://${instance}/users/${handle}`,
          handle: `${handle}@${instance}`,
          name,
          followers,
          at: handle,
        }
      }
      case 'x': {
        const short = hash32(s + 9, i) % 3 === 0
        const id = short ? String(1e10 + uid) : `1${hashDigits(8, s + 10, i)}${String(uid).padStart(10, '0')}`
        return { id, handle, name, followers, at: handle }
      }
      case 'reddit':
        return {
          id: `t2_${uid.toString(36)}`,
          handle,
          name: null,
          followers: Math.round(followers / 10),
          at: null,
        }
      case 'youtube':
        return {
          id: `UC${hashChars(B64URL, 16, s + 12, i)}${encode(B64URL, uid, 6)}`,
          handle: `@${handle.replace('.', '')}`,
          name,
          followers: Math.round(followers / 4),
          at: null,
        }
      case 'reviews':
        return {
          id: `google:${hashDigits(11, s + 13, i)}${String(uid).padStart(10, '0')}`,
          handle: null,
          name: `${cap(first)} ${last.charAt(0).toUpperCase()}.`,
          followers: 0,
          at: null,
        }
      case 'news':
        return outlet(i)
    }
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
