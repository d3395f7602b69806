import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { manualClock } from '@pulse/core'
import { afterEach, describe, expect, it } from 'vitest'
import { createFileKeyValueStore, createMemoryKeyValueStore } from './key-value-store.ts'
import type { KeyValueStore } from './ports.ts'
import { createTokenAuth } from './token-auth.ts'

const clock = manualClock(Date.parse('2025-03-01T12:00:00Z'))

async function allStoredText(store: KeyValueStore): Promise<string> {
  const values = await Promise.all((await store.keys('')).map((k) => store.get(k)))
  return values.join('\n')
}

describe('token auth', () => {
  const dirs: string[] = []
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
  })

  it('issues a token that verifies to its name and role', async () => {
    const auth = createTokenAuth({ store: createMemoryKeyValueStore(), clock })
    const responder = await auth.issueToken('responder', 'Alice')
    const viewer = await auth.issueToken('viewer', 'Comms desk')
    expect(await auth.verify(responder.token)).toEqual({
      tokenId: responder.id,
      name: 'Alice',
      role: 'responder',
    })
    expect(await auth.verify(viewer.token)).toEqual({
      tokenId: viewer.id,
      name: 'Comms desk',
      role: 'viewer',
    })
  })

  it('stores only a sha256 of the token, never the token or its secret', async () => {
    const store = createMemoryKeyValueStore()
    const auth = createTokenAuth({ store, clock })
    const { token } = await auth.issueToken('responder', 'Alice')
    const secret = token.slice(token.lastIndexOf('_') + 1)
    const stored = await allStoredText(store)
    expect(stored).not.toContain(token)
    expect(stored).not.toContain(secret)
    expect(stored).toContain(createHash('sha256').update(token).digest('hex'))
    expect(JSON.stringify(await auth.list())).not.toMatch(/sha256|[0-9a-f]{64}/)
  })

  it('refuses near misses, unknown ids and malformed input', async () => {
    const auth = createTokenAuth({ store: createMemoryKeyValueStore(), clock })
    const { token } = await auth.issueToken('responder', 'Alice')
    const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1)
    const cases = [
      flip(token, token.length - 1),
      flip(token, token.lastIndexOf('_') + 1),
      token.replace(/^pulse_[0-9a-f]{16}/, 'pulse_0000000000000000'),
      `${token} `,
      token.slice(0, -1),
      '',
      'pulse_',
      'Bearer nonsense',
      '🙂'.repeat(40),
      'x'.repeat(100_000),
      "pulse_../../etc/passwd_'; drop table tokens; --",
    ]
    for (const candidate of cases)
      expect(await auth.verify(candidate), candidate.slice(0, 40)).toBeUndefined()
  })

  it('revoking a token stops it from verifying', async () => {
    const auth = createTokenAuth({ store: createMemoryKeyValueStore(), clock })
    const { token, id } = await auth.issueToken('responder', 'Alice')
    expect(await auth.revoke(id)).toBe(true)
    expect(await auth.verify(token)).toBeUndefined()
    expect(await auth.principal(id)).toBeUndefined()
    expect(await auth.list()).toEqual([])
  })

  it('rejects unknown roles and blank or control-character names', async () => {
    const auth = createTokenAuth({ store: createMemoryKeyValueStore(), clock })
    await expect(auth.issueToken('admin' as 'viewer', 'x')).rejects.toThrow()
    await expect(auth.issueToken('viewer', '   ')).rejects.toThrow()
    await expect(auth.issueToken('viewer', 'evil\u0007name')).rejects.toThrow()
    await expect(auth.issueToken('viewer', 'n'.repeat(81))).rejects.toThrow()
  })

  it('keeps tokens across a restart through the file store (mode 0600)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pulse-feed-tokens-'))
    dirs.push(dir)
    const path = join(dir, 'state', 'tokens.json')
    const first = createTokenAuth({ store: createFileKeyValueStore(path), clock })
    const { token } = await first.issueToken('viewer', 'Night shift')
    const restarted = createTokenAuth({ store: createFileKeyValueStore(path), clock })
    expect(await restarted.verify(token)).toMatchObject({ name: 'Night shift', role: 'viewer' })
    expect(await readFile(path, 'utf8')).not.toContain(token)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
  })
})
