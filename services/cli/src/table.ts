/** Renders rows as an aligned text table for the terminal. */
export function renderTable(rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return '(no rows)\n'
  const columns = Object.keys(rows[0] ?? {})
  const cell = (v: unknown): string => {
    const s = typeof v === 'string' ? v : JSON.stringify(v)
    const flat = (s ?? 'null').replace(/[\r\n\t]+/g, ' ')
    return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat
  }
  const cells = rows.map((r) => columns.map((c) => cell(r[c])))
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => (row[i] ?? '').length)))
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  return `${[line(columns), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)].join('\n')}\n${rows.length} row${rows.length === 1 ? '' : 's'}\n`
}
