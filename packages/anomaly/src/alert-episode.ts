/**
 * One alert per episode over a deviation signal, without knowing in advance how strong an alert has
 * to be: an episode starts when the deviation rises above `alertLevel` and ends once it has stayed at
 * or below it for `calmMs`. Its first reading above the level alerts at once; later readings alert
 * again only when they exceed `realertFactor` times the episode's last alert. No alert comes sooner
 * than `minGapMs` after the previous one: a stronger reading inside that gap is held and reported
 * when the gap ends, so a bigger event right after a small one is delayed, never lost.
 */
export interface EpisodeState {
  /** When the deviation was last above the alert level (null: never, or the episode ended). */
  lastHighMs: number | null
  /** The episode's last alerted deviation (0: no alert yet in this episode). */
  lastAlert: number
  lastAlertMs: number | null
  /** Strongest deviation since the last alert, waiting for the gap to end. */
  pending: number
}

export interface EpisodeOptions {
  readonly alertLevel: number
  readonly calmMs: number
  readonly realertFactor: number
  readonly minGapMs: number
}

export function newEpisodeState(): EpisodeState {
  return { lastHighMs: null, lastAlert: 0, lastAlertMs: null, pending: 0 }
}

/** Feeds one reading; returns the deviation it alerts with (the held maximum), or 0 for no alert. */
export function stepEpisode(s: EpisodeState, t: number, deviation: number, o: EpisodeOptions): number {
  if (!Number.isFinite(deviation) || !Number.isFinite(t)) return 0
  if (deviation > o.alertLevel) {
    s.lastHighMs = t
    s.pending = Math.max(s.pending, deviation)
  } else if (s.lastHighMs === null || t - s.lastHighMs > o.calmMs) {
    s.lastHighMs = null
    s.lastAlert = 0
    s.pending = 0
  }
  const gapOver = s.lastAlertMs === null || t - s.lastAlertMs >= o.minGapMs
  if (s.pending > 0 && s.pending > o.realertFactor * s.lastAlert && gapOver) {
    const alert = s.pending
    s.lastAlert = alert
    s.lastAlertMs = t
    s.pending = 0
    return alert
  }
  return 0
}
