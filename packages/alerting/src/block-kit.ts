/**
 * The subset of Slack Block Kit Pulse emits, with Slack's documented limits. Structurally these are
 * valid `KnownBlock`s for `@slack/web-api` and `@slack/webhook`.
 */
export interface PlainText {
  type: 'plain_text'
  text: string
  emoji?: boolean
}

export interface MrkdwnText {
  type: 'mrkdwn'
  text: string
  /** true: Slack does not auto-link URLs, channel names or mentions in this text. */
  verbatim?: boolean
}

export interface HeaderBlock {
  type: 'header'
  text: PlainText
}

export interface SectionBlock {
  type: 'section'
  text?: MrkdwnText
  fields?: MrkdwnText[]
}

export interface DividerBlock {
  type: 'divider'
}

export interface ContextBlock {
  type: 'context'
  elements: MrkdwnText[]
}

export interface ButtonElement {
  type: 'button'
  text: PlainText
  url: string
  action_id: string
  style?: 'primary' | 'danger'
}

export interface ActionsBlock {
  type: 'actions'
  elements: ButtonElement[]
}

export type SlackBlock = HeaderBlock | SectionBlock | DividerBlock | ContextBlock | ActionsBlock

/** A message ready to send: escaped `text` fallback (notifications, screen readers) and blocks. */
export interface SlackMessage {
  text: string
  blocks: SlackBlock[]
}

/** Limits from Slack's Block Kit reference. Text limits are in characters (UTF-16 code units). */
export const BLOCK_LIMITS = {
  maxBlocks: 50,
  sectionText: 3000,
  fieldText: 2000,
  maxFields: 10,
  headerText: 150,
  buttonText: 75,
  buttonUrl: 3000,
  maxActionElements: 25,
  maxContextElements: 10,
  contextText: 3000,
  /** Slack truncates `text` at 40k; notifications only show the start, so keep it short. */
  fallbackText: 3000,
} as const
