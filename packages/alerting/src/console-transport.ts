import { type ConsoleAlertOptions, formatConsoleAlert } from './console-alert.ts'
import { oneLine, stripUnsafe } from './mrkdwn.ts'
import type { OutgoingMessage, PostResult, SlackTransport } from './transport.ts'

export interface ConsoleTransportOptions extends ConsoleAlertOptions {
  /** Where lines go, e.g. `(s) => process.stdout.write(`${s}\n`)`. */
  write: (text: string) => void
}

/** Console mode: prints `formatConsoleAlert` (or a digest's summary line) for `pulse start`. */
export function createConsoleTransport(options: ConsoleTransportOptions): SlackTransport {
  return {
    mode: 'console',
    threads: false,
    async post(out: OutgoingMessage): Promise<PostResult> {
      options.write(
        out.signal !== undefined
          ? formatConsoleAlert(out.signal, options)
          : oneLine(
              stripUnsafe(out.message.text)
                .replace(/&lt;/g, '<')
                .replace(/&gt;/g, '>')
                .replace(/&amp;/g, '&'),
            ),
      )
      return {}
    },
    async update() {},
  }
}
