import { rateFactor } from './diurnal.ts'
import type { Emitter } from './draft.ts'
import { say } from './event-kit.ts'
import { CAMPAIGN } from './event-texts.ts'
import { orgAuthor } from './org-accounts.ts'
import type { SampleSource } from './sources.ts'

/** The planned #StMarysFluDrive campaign: steady, daytime-weighted, mostly positive. */
export function campaignEmitter(ratePerMinute: number): Emitter {
  const origin = 'campaign:stmarysfludrive'
  return {
    origin,
    rate: (ms) => ratePerMinute * rateFactor(ms),
    make: (c) => {
      const rng = c.rng
      if (rng.chance(0.12)) {
        const source = rng.pick<SampleSource>(['x', 'bluesky', 'mastodon'])
        const author = orgAuthor(source, rng.chance(0.7) ? 'stmaryshealth' : 'stmarysnews')
        return say({
          ctx: c,
          origin,
          source,
          author,
          template: rng.pick(CAMPAIGN.org),
          tone: 'positive',
          slots: CAMPAIGN.slots,
        })
      }
      const source = rng.pick<SampleSource>(['x', 'x', 'bluesky', 'mastodon', 'reddit'])
      const template = rng.pick(CAMPAIGN.community)
      const author = c.population.author(source, c.population.active(rng))
      return say({
        ctx: c,
        origin,
        source,
        author,
        template,
        tone: 'positive',
        lang: template.startsWith('vacuna') ? 'es' : 'en',
      })
    },
  }
}
