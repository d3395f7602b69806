/**
 * The words one analyzer has seen, numbered. Each distinct word is looked up once per occurrence
 * (to get its id) and stemmed once; the matchers then keep whatever they derive from a word
 * (trigger bits, rule index entries, its term form) in a `WordTable`, an array read by id, instead
 * of each looking the same word up in a map of its own.
 *
 * Bounded: when it holds `max` words it starts over (a new epoch) before the next text, and every
 * table empties itself on its next read.
 */
export class Vocabulary {
  /** Word by id. */
  readonly words: string[] = []
  /** Stem by id. */
  readonly stems: string[] = []
  /** Bumped whenever the numbering starts over. */
  epoch = 0
  private readonly ids = new Map<string, number>()
  private readonly stemOf: (word: string) => string
  private readonly max: number

  constructor(stemOf: (word: string) => string, max: number) {
    this.stemOf = stemOf
    this.max = max
  }

  /** The word's id, numbering (and stemming) it if new. */
  id(word: string): number {
    let id = this.ids.get(word)
    if (id === undefined) {
      id = this.words.length
      this.ids.set(word, id)
      this.words.push(word)
      this.stems.push(this.stemOf(word))
    }
    return id
  }

  /**
   * Starts over when full. Called only before a text is analysed, so no analysis mixes ids of two
   * epochs (one text may take the count past `max`; the next call trims it).
   */
  trim(): void {
    if (this.words.length < this.max) return
    this.ids.clear()
    this.words.length = 0
    this.stems.length = 0
    this.epoch++
  }
}

/**
 * A value derived from a word (and its stem), computed on first read and then read by word id.
 * `derive` must be pure and never return `undefined` (use `null` for "nothing").
 */
export class WordTable<T> {
  private values: (T | undefined)[] = []
  private epoch: number
  private readonly vocabulary: Vocabulary
  private readonly derive: (word: string, stem: string) => T

  constructor(vocabulary: Vocabulary, derive: (word: string, stem: string) => T) {
    this.vocabulary = vocabulary
    this.derive = derive
    this.epoch = vocabulary.epoch
  }

  /** The value for word id `id` (an entry of `Analysis.ids`). */
  get(id: number): T {
    if (this.epoch !== this.vocabulary.epoch) {
      this.values = []
      this.epoch = this.vocabulary.epoch
    }
    const known = this.values[id]
    if (known !== undefined) return known
    // Fill any gap first: a dense array stays a fast array, a sparse one would not.
    while (this.values.length < id) this.values.push(undefined)
    const value = this.derive(this.vocabulary.words[id] as string, this.vocabulary.stems[id] as string)
    this.values[id] = value
    return value
  }
}
