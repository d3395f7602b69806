import type { SignalKey, SignalKind } from '@pulse/core'

/** Default start of the sample: Monday 2026-11-16 00:00 UTC (evening of Sunday in Ohio). */
export const DEFAULT_START = '2026-11-16T00:00:00.000Z'
export const DEFAULT_DAYS = 4

export type SampleEventId = 'gi-outbreak' | 'measles-alert' | 'vaccine-autism-myth' | 'er-complaint'

/** Ground truth for one seeded event: what a detector should open, about what, and when. */
export interface SampleEvent {
  readonly id: SampleEventId
  readonly label: string
  readonly kind: Extract<
    SignalKind,
    'volume_spike' | 'misinformation_surge' | 'sentiment_shift' | 'emerging_term'
  >
  readonly key: SignalKey
  /** First event post (ISO). */
  readonly onset: string
  /** When the event's rate tops out (ISO). */
  readonly peak: string
  /** Last possible event post (ISO). */
  readonly end: string
  /** Lower-case words or phrases every event post contains at least one of. */
  readonly markers: readonly string[]
  readonly description: string
}

/** A planned, expected hashtag campaign: shaped like a watchlist suppression. */
export interface PlannedCampaign {
  readonly match: string
  readonly label: string
  readonly reason: string
  readonly from: string
  readonly until: string
}

export interface EventWindow {
  readonly start?: string | Date
  readonly days?: number
}

const HOUR = 3_600_000
interface Timing {
  readonly onsetH: number
  readonly peakH: number
  readonly endH: number
}
type Definition = Omit<SampleEvent, 'onset' | 'peak' | 'end'> & Timing

/** Event times in hours after the start (UTC); Ohio local time is UTC−5. */
const DEFINITIONS: readonly Definition[] = [
  {
    id: 'gi-outbreak',
    label: 'GI illness cluster in Westerville',
    kind: 'volume_spike',
    key: { dimension: 'topic', value: 'gi-illness' },
    onsetH: 24 + 15,
    peakH: 24 + 19,
    endH: 24 + 27,
    markers: [
      'vomit',
      'diarrhea',
      'stomach bug',
      'food poisoning',
      'throwing up',
      'norovirus',
      'gi illness',
      'vómit',
    ],
    description:
      'Day 2, 10:00 Ohio time: many distinct people in Westerville (geo.city and text) report vomiting and diarrhea, rising over four hours.',
  },
  {
    id: 'measles-alert',
    label: 'New hashtag #measlesalert',
    kind: 'emerging_term',
    key: { dimension: 'hashtag', value: 'measlesalert' },
    onsetH: 48 + 14,
    peakH: 48 + 14.5,
    endH: 48 + 20,
    markers: ['#measlesalert'],
    description:
      'Day 3, 09:00 Ohio time: a hashtag never seen before reaches about 60 distinct authors in its first hour.',
  },
  {
    id: 'vaccine-autism-myth',
    label: 'Viral "vaccines cause autism" claim',
    kind: 'misinformation_surge',
    key: { dimension: 'claim', value: 'vaccines-autism' },
    onsetH: 48 + 18,
    peakH: 48 + 21,
    endH: 72 + 4,
    markers: ['autism'],
    description:
      'Day 3, 13:00 Ohio time: a high-follower post claims vaccines cause autism; reposts, copy-paste near-duplicates, a few bot-like accounts, and debunking replies follow.',
  },
  {
    id: 'er-complaint',
    label: "Viral ER complaint about St. Mary's",
    kind: 'sentiment_shift',
    key: { dimension: 'brand', value: "St. Mary's Health" },
    onsetH: 72 + 14.5,
    peakH: 72 + 17,
    endH: 72 + 22,
    markers: ['stmaryshealth', "st. mary's", 'st marys', "st mary's", "saint mary's"],
    description:
      'Day 4, 09:30 Ohio time: a viral post about a 9-hour ER wait and a rude nurse draws a burst of strongly negative posts and 1-star reviews mentioning @stmaryshealth.',
  },
]

function startMs(start: string | Date | undefined): number {
  const ms = start === undefined ? Date.parse(DEFAULT_START) : new Date(start).getTime()
  if (!Number.isFinite(ms)) throw new RangeError(`invalid sample start: ${String(start)}`)
  return ms
}

const iso = (ms: number): string => new Date(ms).toISOString()

/** Ground truth of the seeded events for a sample window; events whose onset falls outside are left out. */
export function sampleEvents(options: EventWindow = {}): SampleEvent[] {
  const t0 = startMs(options.start)
  const days = options.days ?? DEFAULT_DAYS
  return DEFINITIONS.filter((d) => d.onsetH < days * 24).map(({ onsetH, peakH, endH, ...rest }) => ({
    ...rest,
    onset: iso(t0 + onsetH * HOUR),
    peak: iso(t0 + peakH * HOUR),
    end: iso(t0 + Math.min(endH, days * 24) * HOUR),
  }))
}

/** The campaign hashtag St. Mary's runs on purpose, all through the sample window. */
export const CAMPAIGN_HASHTAG = 'stmarysfludrive'

/** Planned campaigns for a sample window: steady volume that must not be treated as a crisis. */
export function plannedCampaigns(options: EventWindow = {}): PlannedCampaign[] {
  const t0 = startMs(options.start)
  const days = options.days ?? DEFAULT_DAYS
  return [
    {
      match: CAMPAIGN_HASHTAG,
      label: "St. Mary's flu vaccination drive (#StMarysFluDrive)",
      reason: 'planned campaign: walk-in flu shot clinics promoted by St. Mary’s Health',
      from: iso(t0 - 7 * 24 * HOUR),
      until: iso(t0 + (days + 14) * 24 * HOUR),
    },
  ]
}

/** Ground truth for the default sample (start 2026-11-16T00:00Z, 4 days). */
export const SAMPLE_EVENTS: readonly SampleEvent[] = sampleEvents()
/** Planned campaigns of the default sample, for the default watchlist's suppressions. */
export const PLANNED_CAMPAIGNS: readonly PlannedCampaign[] = plannedCampaigns()

/** Parses a sample start option to epoch ms. */
export { startMs as parseStart }
