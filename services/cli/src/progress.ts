import type { Writable } from 'node:stream'

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')

/**
 * One status line on the terminal, redrawn in place when it is a TTY (else printed every few
 * seconds): mentions read and stored per second, dead letters, signals.
 */
export function createProgress(
  out: Writable & { isTTY?: boolean },
  read: () => Record<string, Record<string, number>>,
) {
  const tty = out.isTTY === true
  let last = { t: Date.now(), published: 0 }
  let lines = 0
  const line = (): string => {
    const s = read()
    const now = Date.now()
    const published = s.ingest?.published ?? 0
    const rate = ((published - last.published) * 1000) / Math.max(1, now - last.t)
    last = { t: now, published }
    return (
      `mentions ${fmt(published)} read (${fmt(rate)}/s) · ${fmt(s.sink?.mentions ?? 0)} stored · ` +
      `${fmt(s.sink?.deadLetters ?? 0)} dead letters · ${fmt(s.detect?.signals ?? 0)} signal updates`
    )
  }
  return {
    tick(): void {
      lines++
      if (tty) out.write(`\r\x1b[2K${line()}`)
      else if (lines % 5 === 0) out.write(`${line()}\n`)
    },
    /** Prints text above the status line. */
    print(text: string): void {
      out.write(tty ? `\r\x1b[2K${text}\n` : `${text}\n`)
    },
    done(): void {
      out.write(tty ? `\r\x1b[2K${line()}\n` : `${line()}\n`)
    },
  }
}
