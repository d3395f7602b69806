import type { TopicRule, Watchlist } from '@pulse/core'

/** A topic-id slug from a display name: "St. Mary's Health" → "st-marys-health". */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug === '' ? 'unnamed' : slug
}

const unique = (xs: readonly string[]): string[] => [
  ...new Set(xs.map((x) => x.trim()).filter((x) => x !== '')),
]

/**
 * Topics for the watched organisation (`brand`) and each competitor (`competitor.<slug>`), built
 * from the watchlist: a post matches when it names the organisation (its name or any of its
 * terms, as phrases) or mentions one of its handles. Category `information`.
 */
export function brandTopics(watchlist: Watchlist): TopicRule[] {
  const org = watchlist.organization
  const out: TopicRule[] = [
    {
      id: 'brand',
      label: org.name,
      category: 'information',
      all: [],
      any: unique([org.name, ...org.terms]),
      not: [],
      hashtags: [],
      handles: unique(org.handles),
    },
  ]
  const seen = new Set<string>(['brand'])
  for (const c of watchlist.competitors) {
    let id = `competitor.${slugify(c.name)}`
    for (let n = 2; seen.has(id); n++) id = `competitor.${slugify(c.name)}-${n}`
    seen.add(id)
    const any = unique([c.name, ...c.terms])
    const handles = unique(c.handles)
    if (any.length + handles.length === 0) continue
    out.push({ id, label: c.name, category: 'information', all: [], any, not: [], hashtags: [], handles })
  }
  return out
}
