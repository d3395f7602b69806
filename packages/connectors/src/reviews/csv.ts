export interface CsvRow {
  /** 1-based line where the record starts (quoted fields may span lines). */
  readonly line: number
  readonly fields: string[]
}

/**
 * RFC 4180 CSV: comma separated, `"` quoted fields that may hold commas, doubled quotes and line
 * breaks; CRLF or LF; a leading BOM is ignored. Blank lines are skipped. Throws on an unterminated quote.
 */
export function parseCsv(input: string): CsvRow[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const rows: CsvRow[] = []
  let fields: string[] = []
  let field = ''
  let line = 1
  let rowLine = 1
  let quoted = false
  let i = 0
  const endRow = (): void => {
    fields.push(field)
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields })
    fields = []
    field = ''
  }
  while (i < text.length) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
      } else {
        if (c === '\n') line++
        field += c
      }
      i++
      continue
    }
    if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      fields.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endRow()
      line++
      rowLine = line
    } else field += c
    i++
  }
  if (quoted) throw new Error(`unterminated quoted field starting on line ${rowLine}`)
  if (field !== '' || fields.length > 0) endRow()
  return rows
}

/** CSV rows as objects keyed by the header row's names (trimmed, lowercased). */
export function csvRecords(input: string): { line: number; record: Record<string, string> }[] {
  const [header, ...rows] = parseCsv(input)
  if (!header) return []
  const names = header.fields.map((h) => h.trim().toLowerCase())
  return rows.map((r) => ({
    line: r.line,
    record: Object.fromEntries(names.map((n, i) => [n, r.fields[i] ?? ''])),
  }))
}
