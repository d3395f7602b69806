/** Splits a byte stream (a fetch body) into text lines; `\r\n`, `\n` and `\r` all end a line. */
export async function* readLines(
  body: AsyncIterable<Uint8Array>,
  maxLineChars = 1_048_576,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8')
  let buf = ''
  let skipLf = false
  for await (const chunk of body) {
    buf += decoder.decode(chunk, { stream: true })
    let start = 0
    for (let i = 0; i < buf.length; i++) {
      const c = buf.charCodeAt(i)
      if (c === 10 && skipLf && i === start) {
        start = i + 1
        skipLf = false
        continue
      }
      skipLf = false
      if (c === 10 || c === 13) {
        yield buf.slice(start, i)
        start = i + 1
        skipLf = c === 13
      }
    }
    buf = buf.slice(start)
    if (buf.length > maxLineChars) throw new Error(`line longer than ${maxLineChars} characters`)
  }
  buf += decoder.decode()
  if (buf !== '') yield buf
}

export interface SseEvent {
  readonly event: string
  readonly data: string
  readonly id: string | null
}

/**
 * Server-sent events (WHATWG): `event:`/`data:`/`id:` fields, multi-line data joined with `\n`,
 * `:` comment lines (heartbeats) ignored, a blank line dispatches. `onComment` sees heartbeats.
 */
export async function* readSse(
  lines: AsyncIterable<string>,
  onComment?: () => void,
): AsyncGenerator<SseEvent> {
  let event = ''
  let data: string[] = []
  let id: string | null = null
  for await (const line of lines) {
    if (line === '') {
      if (data.length > 0) yield { event: event || 'message', data: data.join('\n'), id }
      event = ''
      data = []
      continue
    }
    if (line.startsWith(':')) {
      onComment?.()
      continue
    }
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') event = value
    else if (field === 'data') data.push(value)
    else if (field === 'id') id = value
  }
}

/** Interleaves several async iterables into one, ending when all end; the first error ends it. */
export async function* merge<T>(sources: readonly AsyncIterable<T>[]): AsyncGenerator<T> {
  const iterators = sources.map((s) => s[Symbol.asyncIterator]())
  const pending = new Map<number, Promise<{ i: number; r: IteratorResult<T> }>>()
  const pull = (i: number): void => {
    const it = iterators[i]
    if (it)
      pending.set(
        i,
        it.next().then((r) => ({ i, r })),
      )
  }
  iterators.forEach((_, i) => {
    pull(i)
  })
  try {
    while (pending.size > 0) {
      const { i, r } = await Promise.race(pending.values())
      if (r.done) pending.delete(i)
      else {
        pull(i)
        yield r.value
      }
    }
  } finally {
    await Promise.allSettled(iterators.map((it) => it.return?.()))
  }
}
