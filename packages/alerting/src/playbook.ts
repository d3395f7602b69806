import type { Claim, Signal, SignalKind, Watchlist } from '@pulse/core'

/** What the comms team should do about a signal, resolved from the watchlist and built-in defaults. */
export interface ResolvedPlaybook {
  nextStep: string
  /** Pre-approved public wording, when there is one. */
  template?: string
  /** Where the debunk for a misinformation claim lives (from the watchlist claim catalog). */
  debunkUrl?: string
}

/** Built-in playbooks used when the watchlist does not define one for a kind. */
export const DEFAULT_PLAYBOOKS: Record<SignalKind, ResolvedPlaybook> = {
  volume_spike: {
    nextStep:
      'Assess: open the sample posts, check whether a news story or an event explains the spike, and decide whether a response is needed.',
  },
  emerging_term: {
    nextStep:
      'Assess: check what the new term refers to and whether it touches our services; add it to the watchlist if it keeps growing.',
  },
  sentiment_shift: {
    nextStep:
      'Run the brand-crisis checklist: confirm the cause, brief the spokesperson, hold scheduled promotional posts, prepare a holding statement.',
    template:
      'We are aware of concerns being shared about our services. We take them seriously and will share an update shortly.',
  },
  misinformation_surge: {
    nextStep:
      'Do not repeat the claim. Reply with the approved wording and the debunk link; prioritise accounts with the most reach.',
    template:
      'This is not accurate. Here is what the evidence shows, from our clinicians and public-health guidance:',
  },
  information_void: {
    nextStep:
      'People are asking and nobody is answering: publish a clear answer (FAQ, post or pinned reply) and link to it from replies.',
  },
  phi_exposure: {
    nextStep:
      'Hide or report the post and reply privately (DM). Never confirm or deny that anyone is a patient in public.',
    template:
      'Thank you for reaching out. To protect your privacy, please send us a direct message and our team will follow up.',
  },
}

/** The medical-question playbook, used for information voids about medical questions (intent key). */
export const MEDICAL_QUESTION_PLAYBOOK: ResolvedPlaybook = {
  nextStep:
    'Answer with general guidance only; never give individual medical advice in public. Point people to a clinician.',
  template:
    'Thanks for your question. For advice about your own health, please contact us or book an appointment so a clinician can help.',
}

export interface PlaybookSources {
  playbooks?: Watchlist['playbooks']
  claims?: readonly Claim[]
}

function isMedicalQuestion(signal: Signal): boolean {
  return signal.key.dimension === 'intent' && /medical|question/i.test(signal.key.value)
}

/**
 * The watchlist's playbook for the signal's kind, else the built-in default. For a claim signal the
 * claim's own approved response and debunk link (watchlist claim catalog) take precedence.
 */
export function resolvePlaybook(signal: Signal, sources: PlaybookSources = {}): ResolvedPlaybook {
  const configured = sources.playbooks?.[signal.kind]
  const fallback = isMedicalQuestion(signal) ? MEDICAL_QUESTION_PLAYBOOK : DEFAULT_PLAYBOOKS[signal.kind]
  const claim =
    signal.key.dimension === 'claim' ? sources.claims?.find((c) => c.id === signal.key.value) : undefined
  const template = claim?.response ?? configured?.template ?? fallback.template
  return {
    nextStep: configured?.nextStep ?? fallback.nextStep,
    ...(template !== undefined ? { template } : {}),
    ...(claim !== undefined ? { debunkUrl: claim.debunkUrl } : {}),
  }
}
