import { PulseError } from '@pulse/core'
import { labelRows, type NabLabelledFile, type NabScoredFile } from './nab-scorer.ts'
import { parseNabTimestamp, parseSeriesCsv } from './series-csv.ts'
import { createSeriesDetector, type SeriesDetectorOptions } from './series-detector.ts'

/** A NAB data file with its values, ready to be scored. */
export interface NabSeries extends NabLabelledFile {
  readonly values: readonly number[]
}

/**
 * Builds a corpus file from its CSV text and NAB's combined-windows JSON (`{ "dir/file.csv": [[start,
 * end], …] }`); throws INPUT_INVALID on a bad row or window, since a benchmark must not skip data.
 */
export function nabSeriesFromCsv(name: string, csv: string, windowsJson: unknown): NabSeries {
  const timestamps: number[] = []
  const values: number[] = []
  for (const line of parseSeriesCsv(csv)) {
    if (!line.ok) throw new PulseError('INPUT_INVALID', `${name} line ${line.line}: ${line.reason}`)
    timestamps.push(line.row.timestampMs)
    values.push(line.row.value)
  }
  const raw = typeof windowsJson === 'object' && windowsJson !== null ? Object.entries(windowsJson) : []
  const entry = raw.find(([key]) => key === name || key.endsWith(`/${name}`))
  if (!entry) throw new PulseError('INPUT_INVALID', `no labelled windows for ${name}`)
  const list: unknown = entry[1]
  if (!Array.isArray(list)) throw new PulseError('INPUT_INVALID', `windows for ${name} are not a list`)
  const windows = list.map((w: unknown): [number, number] => {
    const start = Array.isArray(w) && typeof w[0] === 'string' ? parseNabTimestamp(w[0]) : undefined
    const end = Array.isArray(w) && typeof w[1] === 'string' ? parseNabTimestamp(w[1]) : undefined
    if (start === undefined || end === undefined) {
      throw new PulseError('INPUT_INVALID', `bad window ${JSON.stringify(w)} for ${name}`)
    }
    return [start, end]
  })
  return { name, timestamps, values, windows }
}

/** Runs a fresh series detector over a file, as the detect service would, and returns its scores. */
export function detectSeries(series: NabSeries, options: SeriesDetectorOptions = {}): Float64Array {
  const detector = createSeriesDetector(options)
  const scores = new Float64Array(series.values.length)
  series.values.forEach((v, i) => {
    scores[i] = detector.update(series.timestamps[i] ?? Number.NaN, v).score
  })
  return scores
}

/** Scores a corpus with the series detector and labels its rows for NAB scoring. */
export function runNab(corpus: readonly NabSeries[], options: SeriesDetectorOptions = {}): NabScoredFile[] {
  return corpus.map((series) => ({
    name: series.name,
    labels: labelRows(series),
    scores: detectSeries(series, options),
  }))
}
