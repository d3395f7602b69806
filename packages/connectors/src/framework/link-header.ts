/** Parses an RFC 8288 `Link` header into rel → URL (`<https://…?max_id=1>; rel="next"`). */
export function parseLinkHeader(header: string | null): Map<string, string> {
  const links = new Map<string, string>()
  if (!header) return links
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /<([^>]*)>(.*)/.exec(part.trim())
    if (!m?.[1]) continue
    const rel = /;\s*rel="?([^";]+)"?/i.exec(m[2] ?? '')?.[1]
    if (rel) for (const r of rel.trim().split(/\s+/)) links.set(r.toLowerCase(), m[1])
  }
  return links
}
