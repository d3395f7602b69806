import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Clock } from '@pulse/core'
import { z } from 'zod'
import type { KeyValueStore, Principal, Role } from './ports.ts'

/**
 * Bearer tokens: `pulse_<16 hex id>_<43 base64url secret>`. Only a SHA-256 of the whole token is
 * stored. The secret carries 256 random bits, so a fast hash is enough (scrypt's cost protects
 * low-entropy passwords and would add tens of milliseconds to every request).
 */
export interface TokenAuth {
  /** Creates a token; the plaintext is returned here once and never stored. */
  issueToken(role: Role, name: string): Promise<IssuedToken>
  /** The principal for a presented token, or undefined (malformed, unknown, revoked, wrong secret). */
  verify(token: string): Promise<Principal | undefined>
  /** The principal for a token id (a session cookie refers to its token by id). */
  principal(tokenId: string): Promise<Principal | undefined>
  revoke(tokenId: string): Promise<boolean>
  list(): Promise<readonly TokenInfo[]>
}

export interface TokenInfo {
  id: string
  name: string
  role: Role
  createdAt: string
}

export interface IssuedToken extends TokenInfo {
  token: string
}

export interface TokenAuthDeps {
  store: KeyValueStore
  clock: Clock
}

const KEY_PREFIX = 'feed-token:'
const TOKEN_PATTERN = /^pulse_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/
const ID_PATTERN = /^[0-9a-f]{16}$/

export const roleSchema = z.enum(['viewer', 'responder'])
export const tokenNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .refine((s) => !/\p{Cc}/u.test(s), 'no control characters')

const recordSchema = z.object({
  id: z.string().regex(ID_PATTERN),
  name: z.string(),
  role: roleSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
})
type TokenRecord = z.infer<typeof recordSchema>

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()
/** Compared against when the id is unknown, so a miss costs the same as a wrong secret. */
const DUMMY_HASH = sha256('pulse-feed-no-such-token')

export function createTokenAuth(deps: TokenAuthDeps): TokenAuth {
  const { store, clock } = deps

  const load = async (id: string): Promise<TokenRecord | undefined> => {
    if (!ID_PATTERN.test(id)) return undefined
    const raw = await store.get(KEY_PREFIX + id)
    if (raw === undefined) return undefined
    const parsed = recordSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : undefined
  }
  const toPrincipal = (r: TokenRecord): Principal => ({ tokenId: r.id, name: r.name, role: r.role })

  return {
    async issueToken(role, name) {
      const validRole = roleSchema.parse(role)
      const validName = tokenNameSchema.parse(name)
      const id = randomBytes(8).toString('hex')
      const token = `pulse_${id}_${randomBytes(32).toString('base64url')}`
      const createdAt = new Date(clock.now()).toISOString()
      const record: TokenRecord = {
        id,
        name: validName,
        role: validRole,
        sha256: sha256(token).toString('hex'),
        createdAt,
      }
      await store.set(KEY_PREFIX + id, JSON.stringify(record))
      return { id, name: validName, role: validRole, createdAt, token }
    },
    async verify(token) {
      const match = TOKEN_PATTERN.exec(token)
      if (!match?.[1]) return undefined
      const record = await load(match[1])
      const presented = sha256(token)
      const expected = record ? Buffer.from(record.sha256, 'hex') : DUMMY_HASH
      const equal = timingSafeEqual(presented, expected)
      return record && equal ? toPrincipal(record) : undefined
    },
    async principal(tokenId) {
      const record = await load(tokenId)
      return record ? toPrincipal(record) : undefined
    },
    revoke: (tokenId) =>
      ID_PATTERN.test(tokenId) ? store.delete(KEY_PREFIX + tokenId) : Promise.resolve(false),
    async list() {
      const out: TokenInfo[] = []
      for (const key of await store.keys(KEY_PREFIX)) {
        const record = await load(key.slice(KEY_PREFIX.length))
        if (record)
          out.push({ id: record.id, name: record.name, role: record.role, createdAt: record.createdAt })
      }
      return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    },
  }
}
