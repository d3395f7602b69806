import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { PulseError } from '@pulse/core'
import type { KeyValueStore } from './ports.ts'

export function createMemoryKeyValueStore(): KeyValueStore {
  const data = new Map<string, string>()
  return {
    get: async (key) => data.get(key),
    set: async (key, value) => {
      data.set(key, value)
    },
    delete: async (key) => data.delete(key),
    keys: async (prefix) => [...data.keys()].filter((k) => k.startsWith(prefix)),
  }
}

/**
 * A JSON file of string pairs, written atomically (temp file + rename) with mode 0600. Meant for a
 * handful of token records, not for volume: every write rewrites the file.
 */
export function createFileKeyValueStore(path: string): KeyValueStore {
  let cache: Map<string, string> | undefined
  let writing: Promise<void> = Promise.resolve()

  const load = async (): Promise<Map<string, string>> => {
    if (cache) return cache
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (err) {
      if (err instanceof Error && 'code' in err && err.code === 'ENOENT') {
        cache = new Map()
        return cache
      }
      throw new PulseError('SINK_UNAVAILABLE', `cannot read key-value file ${path}`, { cause: err })
    }
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new PulseError('CONFIG_INVALID', `key-value file ${path} is not a JSON object`)
    }
    const map = new Map<string, string>()
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') map.set(k, v)
    cache = map
    return map
  }

  const persist = (map: Map<string, string>): Promise<void> => {
    const body = `${JSON.stringify(Object.fromEntries(map), null, 2)}\n`
    const tmp = `${path}.${process.pid}.tmp`
    // Writes are serialised; a failed write fails its caller but not the ones queued after it.
    const next = writing
      .catch(() => {})
      .then(async () => {
        await mkdir(dirname(path), { recursive: true, mode: 0o700 })
        await writeFile(tmp, body, { mode: 0o600 })
        await rename(tmp, path)
      })
    writing = next
    return next
  }

  return {
    get: async (key) => (await load()).get(key),
    async set(key, value) {
      const map = await load()
      map.set(key, value)
      await persist(map)
    },
    async delete(key) {
      const map = await load()
      const had = map.delete(key)
      if (had) await persist(map)
      return had
    },
    keys: async (prefix) => [...(await load()).keys()].filter((k) => k.startsWith(prefix)),
  }
}
