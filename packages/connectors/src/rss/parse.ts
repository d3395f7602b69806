import { XMLParser } from 'fast-xml-parser'
import { arr, isRecord, type Json, nonEmpty, rec, toIso } from '../framework/values.ts'

export interface FeedInfo {
  readonly title: string | null
  readonly link: string | null
  readonly language: string | null
  /** Feed-level date (lastBuildDate / pubDate / Atom `updated`), the fallback for undated items. */
  readonly updated: string | null
}

export interface FeedItem {
  readonly guid: string | null
  readonly link: string | null
  readonly title: string | null
  /** Body as the feed has it; `html` says whether it is markup to strip. */
  readonly body: string | null
  readonly html: boolean
  readonly author: string | null
  readonly published: string | null
}

export interface ParsedFeed {
  readonly format: 'rss' | 'atom' | 'rdf'
  readonly feed: FeedInfo
  readonly items: FeedItem[]
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link', 'category', 'author'].includes(name),
})

/** Text of an element that may carry attributes (`{ '#text': …, '@_type': … }`). */
function text(node: unknown): string | null {
  if (typeof node === 'string') return node.trim() === '' ? null : node
  if (typeof node === 'number') return String(node)
  if (Array.isArray(node)) return text(node[0])
  if (isRecord(node)) return text(node['#text'])
  return null
}

function atomLink(links: unknown): string | null {
  const list = arr(links).map(rec)
  const pick = list.find((l) => l['@_rel'] === undefined || l['@_rel'] === 'alternate') ?? list[0]
  return pick ? (nonEmpty(pick['@_href']) ?? text(pick)) : null
}

function rssItem(i: Json): FeedItem {
  const encoded = text(i['content:encoded'])
  return {
    guid: text(i.guid),
    link: text(i.link),
    title: text(i.title),
    body: encoded ?? text(i.description),
    html: true,
    author: text(i['dc:creator']) ?? text(i.author),
    published: toIso(text(i.pubDate)) ?? toIso(text(i['dc:date'])) ?? null,
  }
}

function atomEntry(e: Json): FeedItem {
  const content = e.content ?? e.summary
  const type = String(rec(Array.isArray(content) ? content[0] : content)['@_type'] ?? 'text')
  return {
    guid: text(e.id),
    link: atomLink(e.link),
    title: text(e.title),
    body: text(content),
    html: type === 'html' || type === 'xhtml',
    author: text(rec(arr(e.author)[0]).name),
    published: toIso(text(e.published)) ?? toIso(text(e.updated)) ?? null,
  }
}

/** Parses an RSS 2.0, RSS 1.0 (RDF) or Atom document; throws on anything else. */
export function parseFeed(xml: string): ParsedFeed {
  const doc = rec(parser.parse(xml, true))
  if (isRecord(doc.rss)) {
    const ch = rec(doc.rss.channel)
    return {
      format: 'rss',
      feed: {
        title: text(ch.title),
        link: text(ch.link),
        language: text(ch.language),
        updated: toIso(text(ch.lastBuildDate)) ?? toIso(text(ch.pubDate)) ?? null,
      },
      items: arr(ch.item).map((i) => rssItem(rec(i))),
    }
  }
  if (isRecord(doc.feed)) {
    const f = doc.feed
    return {
      format: 'atom',
      feed: {
        title: text(f.title),
        link: atomLink(f.link),
        language: nonEmpty(f['@_xml:lang']) ?? null,
        updated: toIso(text(f.updated)) ?? null,
      },
      items: arr(f.entry).map((e) => atomEntry(rec(e))),
    }
  }
  if (isRecord(doc['rdf:RDF'])) {
    const r = doc['rdf:RDF']
    const ch = rec(r.channel)
    return {
      format: 'rdf',
      feed: {
        title: text(ch.title),
        link: text(ch.link),
        language: text(ch['dc:language']),
        updated: toIso(text(ch['dc:date'])) ?? null,
      },
      items: arr(r.item).map((i) => ({ ...rssItem(rec(i)), guid: nonEmpty(rec(i)['@_rdf:about']) ?? null })),
    }
  }
  throw new Error('not an RSS or Atom document')
}
