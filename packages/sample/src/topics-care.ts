import type { Topic } from './topic.ts'

/** Patient experience at St. Mary's and its competitor: waits, bills, access, staff, questions. */
export const ER_WAIT: Topic = {
  id: 'er_wait',
  tone: 'negative',
  en: [
    '{hours} hours in the waiting room at {org_er} and still not seen {lol}',
    'been sitting in {org_er} since {hours}pm with {kin}. this is {bad}',
    'why does every ER visit take {hours} hours. {org} I love you but come on',
    'ER wait at {org} tonight is {hours}+ hrs fyi if you can go to urgent care instead do it',
    'took {kin} to {org_er}. triage was quick but then {hours} hours for a doctor',
    'the wait at {org_er} is insane rn, waiting room is packed',
    '{at_org} is there any way to see current ER wait times online?',
    'Urgent care sent us to {org_er}, {hours} hours later still waiting. {feel}',
    'ER waits are brutal everywhere this week, {org} and {rival} both {hours}+ hours',
  ],
  es: [
    'llevo {hours} horas esperando en urgencias de {org} 😩',
    'la sala de espera de {org} está llena, {hours} horas y nada',
    '¿alguien sabe cuánto es la espera en emergencias de {org} hoy?',
  ],
  review: [
    'Waited {hours} hours in the ER with {kin}. Staff were stretched thin and nobody told us anything. Once we were seen the doctor was fine but the wait was {bad}.',
    'ER experience was {bad}. {hours} hours in the waiting room, no updates, and the bathroom was filthy.',
    'Long wait ({hours} hrs) but the triage nurse checked on us twice and the care was good once we got back.',
  ],
  rating: [1, 3],
  tags: ['ERwait', 'healthcare', 'Columbus'],
  subreddits: ['Columbus', 'Ohio', 'nursing'],
}

export const BILLING: Topic = {
  id: 'billing',
  tone: 'negative',
  en: [
    'just got a {amount} bill from {org} for a {minutes} minute visit. {lol}',
    'anyone had luck disputing a bill with {org}? they charged {amount} for "facility fees"',
    '{insurer} says {org} coded it wrong, {org} says call {insurer}. {days} weeks of this {feel}',
    '{at_org} I have been trying to reach billing for {days} days, nobody answers',
    'surprise bill from {org_er}: {amount}. American healthcare everyone',
    'the price estimate said $200 and the bill was {amount}. how is that legal',
    'tip: ask {org} billing for an itemized bill. mine dropped from {amount} after they found duplicates',
    'payment plan with {org} billing was actually easy to set up, fwiw',
  ],
  es: [
    'me llegó una factura de {amount} de {org} por una consulta de {minutes} minutos 😡',
    '¿cómo pido un plan de pago en {org}?',
  ],
  review: [
    'Billing department is {bad}. I was charged {amount} after being told it was covered by {insurer}. {days} phone calls later still unresolved.',
    'The care was fine but the billing is a nightmare. {amount} for a {minutes} minute visit.',
  ],
  rating: [1, 2],
  tags: ['medicalbills', 'healthcare'],
  subreddits: ['HealthInsurance', 'Columbus', 'personalfinance'],
}

export const ACCESS: Topic = {
  id: 'appointments',
  tone: 'mixed',
  en: [
    'earliest appointment with {dept} at {org} is in {weeks} weeks. cool cool cool',
    'finally got in with {dept} at {org}, only took {weeks} weeks',
    'the MyChart app for {org} keeps logging me out before I can book anything',
    'anyone know if {org} urgent care in {city} takes walk-ins on weekends?',
    'called {org} scheduling and was on hold {minutes} minutes {lol}',
    'new primary care doctor at {org} {city} is accepting patients, got in within a week!',
    'referral to {dept} still "pending" after {weeks} weeks, {org} please',
    'telehealth visit with {org} took {minutes} minutes start to finish. honestly great',
  ],
  es: [
    'la cita más pronto en {org} es en {weeks} semanas 🙄',
    '¿{org} en {city} atiende sin cita los fines de semana?',
  ],
  review: [
    'Getting an appointment took {weeks} weeks but the visit itself was quick and the {staff_one} was {good}.',
    'Scheduling is {bad}. On hold {minutes} minutes, then disconnected.',
  ],
  rating: [2, 4],
  tags: ['healthcare', 'MyChart'],
  subreddits: ['Columbus', 'AskDocs'],
}

export const PRAISE: Topic = {
  id: 'staff_praise',
  tone: 'positive',
  en: [
    '{thanks} to the {staff} at {org} who took care of {kin} this week. {good}',
    'the {staff_one} in {dept} at {org} was {good}. made a scary day so much easier',
    "{org} labor and delivery nurses are angels. that's it that's the post",
    'shoutout to the night shift at {org_er}, you all are {good}',
    '{thanks} {at_org} - {kin} is home and doing great',
    'had surgery at {org} {city} and every single person was {good}',
  ],
  es: [
    'gracias a las enfermeras de {org} por cuidar a {kin} ❤️',
    'el personal de {org} fue muy amable con mi familia',
  ],
  review: [
    'The {staff} were {good}. {kin} was scared and they explained everything. Clean, quick, kind.',
    'Best hospital experience I have had. The {staff_one} in {dept} was {good}.',
    'Five stars for the {dept} team. Professional, warm and on time.',
  ],
  rating: [4, 5],
  tags: ['nurses', 'grateful', 'healthcareheroes'],
  subreddits: ['Columbus', 'nursing'],
}

export const COMPLAINT: Topic = {
  id: 'staff_complaint',
  tone: 'negative',
  en: [
    'the {staff_one} at {org} was {bad} to {kin} today. not ok',
    'why is the front desk at {org} {city} always so {bad}',
    'got treated like I was faking it at {org}. {feel}',
    '{org} lost my lab results. twice. {lol}',
    'parking at {org} is {amount} a day now?? for patients??',
  ],
  es: ['la recepcionista de {org} fue muy grosera 😤', 'en {org} perdieron mis resultados otra vez'],
  review: [
    'The {staff_one} was {bad} and would not answer questions. Will go to {rival} next time.',
    'Front desk was {bad}. Waited {minutes} minutes past my appointment with no explanation.',
  ],
  rating: [1, 2],
  subreddits: ['Columbus', 'Ohio'],
}

export const QUESTION: Topic = {
  id: 'org_question',
  tone: 'neutral',
  asksOrg: true,
  en: [
    '{at_org} do I need an appointment for a flu shot?',
    '{at_org} are visitors allowed in the ICU right now?',
    '{at_org} is the {city} urgent care open on Sunday?',
    '{at_org} does {org} take {insurer}?',
    '{at_org} how do I get my records sent to a new doctor?',
    '{at_org} is there free parking for the infusion center?',
    'hey {at_org} what are the visiting hours for maternity?',
    '{at_org} can I get the RSV shot at the {city} location or only at the main hospital?',
    '{at_org} my MyChart says "account locked" - who do I call?',
  ],
  es: [
    '{at_org} ¿necesito cita para la vacuna de la gripe?',
    '{at_org} ¿tienen intérpretes en español en urgencias?',
    '{at_org} ¿aceptan {insurer}?',
  ],
  tags: ['flushot'],
}

export const RIVAL: Topic = {
  id: 'competitor',
  tone: 'mixed',
  en: [
    '{rival} vs {org} for having a baby? go',
    'switched from {org} to {rival} and the wait times are so much better',
    '{rival} just opened a new urgent care in {city}',
    'went to {rival} ER, seen in {minutes} minutes. {org} could never',
    '{rival} billing is just as bad as everyone else tbh',
    'honestly {org} > {rival} for peds, not even close',
  ],
  es: ['¿{rival} o {org} para dar a luz? ¿recomendaciones?'],
  review: ['Came here after a bad experience at {rival}. So much better, {staff} were {good}.'],
  rating: [3, 5],
  subreddits: ['Columbus'],
}

/** Patients oversharing identifiers with the org account: grist for the redactor. */
export const DISCLOSURE: Topic = {
  id: 'phi_disclosure',
  tone: 'negative',
  asksOrg: true,
  en: [
    '{at_org} my name is {person}, DOB {dob}, MRN {mrn}. been waiting {days} days for my biopsy results, call me at {phone}',
    '{at_org} please call me back at {phone} about my bill, account for {person} born {dob}',
    '{at_org} this is {person} (MRN {mrn}) nobody has called about my MRI. my cell is {phone}',
    '{at_org} I need my records for {kin}, {person}, date of birth {dob}, email {email}',
  ],
  slots: {
    person: [
      'Maria Lopez',
      'James Carter',
      'Linda Nguyen',
      'Robert Hayes',
      'Keisha Brown',
      'Daniel Ortiz',
      'Amy Chen',
    ],
    dob: ['03/14/1987', '11/02/1954', '7/29/1990', '01/05/1972', '09/30/2001', '12/12/1948'],
    mrn: ['00483921', '10294857', '55839201', '20938471', '77310452'],
    phone: ['(614) 555-0182', '614-555-0147', '(380) 555-0113', '614.555.0199', '+1 614 555 0126'],
    email: ['maria.lopez87@gmail.com', 'jcarter54@yahoo.com', 'amy.chen.cbus@outlook.com'],
  },
}

/** Replies the org's social team sends, by what they answer. `{user}` is the @handle replied to. */
export const ORG_REPLIES = {
  info: [
    "Hi {user}! Flu shots are walk-in at all St. Mary's urgent care locations, no appointment needed. Details: stmaryshealth.org/flu",
    '{user} Great question - visiting hours and parking info are at stmaryshealth.org/visit. Let us know if we can help further!',
    '{user} We accept most major plans, including Medicaid. Our billing team can confirm yours: (614) 555-0100.',
    '{user} Yes! Our {city} urgent care is open 8am-8pm every day, including weekends.',
  ],
  info_es: [
    '¡Hola {user}! La vacuna contra la gripe no necesita cita en nuestras clínicas. Más info: stmaryshealth.org/flu',
  ],
  sorry: [
    "Hi {user}, we're sorry to hear this. Please send us a DM or call Patient Experience at (614) 555-0100 so we can help.",
    "{user} We're sorry about your experience. We'd like to learn more - please DM us your contact details.",
  ],
  privacy: [
    "{user} Thanks for reaching out! For your privacy please don't share personal details here. Send us a DM and our team will follow up today.",
  ],
  thanks: [
    "{user} Thank you for the kind words! We'll share this with the team 💙",
    '{user} This made our day. Thank you! 💙',
  ],
} as const
export type OrgReplyKind = keyof typeof ORG_REPLIES
