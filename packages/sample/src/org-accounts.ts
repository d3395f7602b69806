import type { SampleAuthor } from './authors.ts'
import { B64URL, BASE32, hashChars } from './codes.ts'
import type { SampleSource } from './sources.ts'

/** The watched organisation, as the default watchlist should name it. */
export const SAMPLE_ORG = {
  name: "St. Mary's Health",
  handles: ['stmaryshealth', 'stmarysnews'],
  terms: ["St. Mary's", 'St Marys', "Saint Mary's", "St. Mary's Health"],
  publishedPhones: ['(614) 555-0100'],
} as const

/** The competitor the sample talks about. */
export const SAMPLE_COMPETITOR = {
  name: 'Riverside Medical',
  handles: ['riversidemed'],
  terms: ['Riverside Medical', 'Riverside'],
} as const

const ORG_ACCOUNTS: Record<string, { id: string; name: string; followers: number }> = {
  stmaryshealth: { id: '1320047716', name: "St. Mary's Health", followers: 48_200 },
  stmarysnews: { id: '2851177304', name: "St. Mary's Newsroom", followers: 9_100 },
  riversidemed: { id: '1508862291', name: 'Riverside Medical', followers: 31_400 },
}

/** An organisation account (`stmaryshealth`, `stmarysnews`, `riversidemed`) on a social source. */
export function orgAuthor(source: SampleSource, handle: keyof typeof ORG_ACCOUNTS): SampleAuthor {
  const org = ORG_ACCOUNTS[handle] ?? { id: '1', name: handle, followers: 1000 }
  const id =
    source === 'bluesky'
      ? `did:plc:${hashChars(BASE32, 24, 77, Number(org.id))}`
      : source === 'mastodon'
        ? `https://mastodon.social/users/${handle}`
        : source === 'reddit'
          ? `t2_${handle}`
          : source === 'youtube'
            ? `UC${hashChars(B64URL, 22, 78, Number(org.id))}`
            : org.id
  return { id, handle, name: org.name, followers: org.followers, at: handle }
}

const OUTLETS: readonly SampleAuthor[] = [
  {
    id: 'dispatch.com',
    handle: 'dispatch',
    name: 'The Columbus Dispatch',
    followers: 412_000,
    at: 'dispatch',
  },
  { id: 'nbc4i.com', handle: 'nbc4i', name: 'NBC4 Columbus', followers: 388_000, at: 'nbc4i' },
  { id: 'wosu.org', handle: 'wosu', name: 'WOSU Public Media', followers: 96_000, at: 'wosu' },
  { id: 'statnews.com', handle: 'statnews', name: 'STAT', followers: 780_000, at: 'statnews' },
  { id: 'cidrap.umn.edu', handle: 'cidrap', name: 'CIDRAP', followers: 155_000, at: 'cidrap' },
  {
    id: 'odh.ohio.gov',
    handle: 'ohiodeptofhealth',
    name: 'Ohio Department of Health',
    followers: 201_000,
    at: 'ohiodeptofhealth',
  },
]

export function outlet(i: number): SampleAuthor {
  return (
    OUTLETS[i % OUTLETS.length] ?? {
      id: 'news.example',
      handle: null,
      name: 'News',
      followers: 1000,
      at: null,
    }
  )
}
