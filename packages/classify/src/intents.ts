/** The intents Pulse tags a post with (multi-label) and what a comms team should do next. */
export const INTENT_IDS = [
  'crisis',
  'adverse_event',
  'medical_question',
  'advice_request',
  'access_problem',
  'complaint',
  'praise',
  'unanswered_question',
] as const
export type IntentId = (typeof INTENT_IDS)[number]

export interface IntentInfo {
  readonly id: IntentId
  readonly description: string
  /** Recommended next step for whoever answers the post. */
  readonly nextStep: string
  /** Route immediately, ahead of any queue. */
  readonly urgent: boolean
}

export const INTENTS: readonly IntentInfo[] = [
  {
    id: 'crisis',
    description: 'Self-harm or suicidal language, first person or about someone close.',
    nextStep:
      'Urgent: reply privately within minutes with crisis resources (US: call or text 988; Spanish: 988 and press 2; emergency: 911 or local number) and escalate to the on-call clinical lead. Do not debate or moderate publicly.',
    urgent: true,
  },
  {
    id: 'adverse_event',
    description: 'A reported adverse reaction to a drug, vaccine or medical device (pharmacovigilance flag).',
    nextStep:
      'Forward to pharmacovigilance/patient safety within one business day; invite the person to contact their clinician and report to the regulator (US: VAERS for vaccines, FDA MedWatch for drugs and devices).',
    urgent: false,
  },
  {
    id: 'medical_question',
    description: 'A question about symptoms, conditions, medicines or vaccines.',
    nextStep:
      'Never diagnose online: thank them, point to vetted public guidance, and redirect to an appointment, nurse line or urgent care if symptoms are present.',
    urgent: false,
  },
  {
    id: 'advice_request',
    description: 'Someone asks what they personally should do about a health matter.',
    nextStep:
      'Do not give individual medical advice publicly: offer the nurse line or an appointment, and emergency services if it sounds urgent.',
    urgent: false,
  },
  {
    id: 'access_problem',
    description:
      'Cannot get an appointment, reach the organisation, or use its portal, phone line or coverage.',
    nextStep:
      'Route to patient access/scheduling; reply with the booking link or phone line and ask them to DM details. Track volume: a rise signals a capacity or outage problem.',
    urgent: false,
  },
  {
    id: 'complaint',
    description: 'A complaint about care, staff, waits, billing or service.',
    nextStep:
      'Acknowledge publicly and briefly, move to a private channel (patient relations), never confirm patient details in public.',
    urgent: false,
  },
  {
    id: 'praise',
    description: 'Thanks or praise for care, staff or service.',
    nextStep:
      'Thank them; with permission, share with the team named. Never confirm that the person is a patient.',
    urgent: false,
  },
  {
    id: 'unanswered_question',
    description: 'A question addressed to the organisation (candidate for information-void detection).',
    nextStep:
      'Answer with a link to the source of truth; if many people ask the same thing, publish an FAQ or statement.',
    urgent: false,
  },
]
