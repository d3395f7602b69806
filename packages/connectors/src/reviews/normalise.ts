import { dlq, drop, type Mention, type Outcome, stableHash } from '@pulse/core'
import { finish } from '../framework/finish.ts'
import { isRecord, type Json, nonEmpty, rec, str, toIso } from '../framework/values.ts'

const STARS: Record<string, number> = { ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5 }

/** One Google Business Profile `Review` → a mention (`reviews:google:<reviewId>`, rating 1..5). */
export function normaliseGoogleReview(r: unknown): Outcome<Mention> {
  if (!isRecord(r)) return dlq('review is not an object')
  const reviewId = nonEmpty(r.reviewId) ?? nonEmpty(r.name)?.split('/').pop()
  if (!reviewId) return dlq('review without reviewId or name')
  const createdAt = toIso(r.createTime)
  if (createdAt === undefined)
    return dlq(`review ${reviewId}: invalid createTime ${JSON.stringify(r.createTime)}`)
  const star = str(r.starRating)
  if (star !== undefined && star !== 'STAR_RATING_UNSPECIFIED' && STARS[star] === undefined) {
    return dlq(`review ${reviewId}: unknown starRating ${JSON.stringify(star)}`)
  }
  const reviewer = rec(r.reviewer)
  const name = nonEmpty(reviewer.displayName)
  const anonymous = reviewer.isAnonymous === true || name === undefined
  return finish({
    id: `reviews:google:${reviewId}`,
    source: 'reviews',
    url: null,
    author: { id: anonymous ? 'google:anonymous' : `google:${name}`, name: anonymous ? null : name },
    text: str(r.comment) ?? '',
    createdAt,
    rating: star === undefined ? null : (STARS[star] ?? null),
  })
}

const pick = (row: Json, ...names: string[]): string | undefined => {
  for (const n of names) {
    const v = row[n]
    if (typeof v === 'string' && v.trim() !== '') return v.trim()
    if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  }
  return undefined
}

/** "4", "4.5", "4/5", "4 stars", "FOUR" → a number; undefined when absent; NaN when unreadable. */
export function parseRating(v: string | undefined): number | undefined {
  if (v === undefined) return undefined
  const word = STARS[v.toUpperCase()]
  if (word !== undefined) return word
  const m = /^(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?)|stars?)?$/i.exec(v)
  if (!m?.[1]) return Number.NaN
  const n = Number(m[1])
  const outOf = m[2] === undefined ? 5 : Number(m[2])
  return outOf === 5 ? n : (n / outOf) * 5
}

/** US exports often write dates as MM/DD/YYYY; read those as UTC midnight. */
function parseDate(v: string | undefined): string | undefined {
  if (v === undefined) return undefined
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v)
  if (us) return toIso(`${us[3]}-${us[1]?.padStart(2, '0')}-${us[2]?.padStart(2, '0')}T00:00:00Z`)
  return toIso(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v)
}

/**
 * A review exported from a site with no API (Healthgrades, RateMDs, …), as a CSV row or JSON
 * object. Columns, case-insensitive, spaces and hyphens read as `_` (first present alias wins):
 * - `site` (required unless a default is given): lowercase token, e.g. `healthgrades`, `ratemds`
 * - `id` | `review_id` | `reviewid`: the site's review id (else a hash of site, author, date, text)
 * - `rating` | `stars` | `star_rating` | `overall_rating`: 1–5, `4.5`, `4/5`, `FOUR`
 * - `text` | `comment` | `review` | `body` | `review_text`: the review (may be empty with a rating)
 * - `date` | `created_at` | `createdat` | `review_date` | `submitted` | `published`: ISO 8601, `YYYY-MM-DD` or `MM/DD/YYYY`
 * - `author` | `reviewer` | `author_name` | `reviewer_name`: display name (default anonymous)
 * - `title`, `url`: optional
 */
export function normaliseReviewRow(input: unknown, defaultSite?: string): Outcome<Mention> {
  if (!isRecord(input)) return dlq('review row is not an object')
  const row: Json = Object.fromEntries(
    Object.entries(input).map(([k, v]) => [
      k
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_'),
      v,
    ]),
  )
  const site = (pick(row, 'site', 'source_site', 'platform') ?? defaultSite)
    ?.toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
  if (!site) return dlq('review row without site (add a site column)')
  const text = pick(row, 'text', 'comment', 'review', 'body', 'review_text') ?? ''
  const rating = parseRating(pick(row, 'rating', 'stars', 'star_rating', 'overall_rating'))
  if (rating !== undefined && !(rating >= 0 && rating <= 10))
    return dlq(
      `unreadable rating ${JSON.stringify(pick(row, 'rating', 'stars', 'star_rating', 'overall_rating'))}`,
    )
  if (text === '' && rating === undefined) return drop('review row with neither text nor rating')
  const rawDate = pick(row, 'date', 'created_at', 'createdat', 'review_date', 'submitted', 'published')
  const createdAt = parseDate(rawDate)
  if (createdAt === undefined)
    return dlq(
      rawDate === undefined ? 'review row without date' : `unreadable date ${JSON.stringify(rawDate)}`,
    )
  const author = pick(row, 'author', 'reviewer', 'author_name', 'reviewer_name')
  const id = pick(row, 'id', 'review_id', 'reviewid') ?? stableHash(site, author ?? '', createdAt, text)
  return finish({
    id: `reviews:${site}:${id}`,
    source: 'reviews',
    url: pick(row, 'url', 'link') ?? null,
    author: { id: author ? `${site}:${author}` : `${site}:anonymous`, name: author ?? null },
    text,
    title: pick(row, 'title', 'headline') ?? null,
    createdAt,
    rating: rating ?? null,
  })
}

/**
 * A recorded review payload: a Google `reviews.list` page (`{ reviews: [...] }`), a Google
 * `Review` (has `starRating`/`reviewId`), or an export row object.
 */
export function normaliseReviews(raw: unknown, defaultSite?: string): Outcome<Mention>[] {
  if (!isRecord(raw)) return [dlq('not a review object')]
  if (Array.isArray(raw.reviews)) return raw.reviews.map(normaliseGoogleReview)
  if ('starRating' in raw || 'reviewId' in raw || 'reviewer' in raw) return [normaliseGoogleReview(raw)]
  return [normaliseReviewRow(raw, defaultSite)]
}
