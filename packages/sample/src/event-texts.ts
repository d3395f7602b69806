import type { Slots } from './render.ts'

/** Texts of the seeded events. Every post of an event contains one of the event's markers. */
export const OUTBREAK = {
  en: [
    'anyone else in Westerville throwing up since last night? whole house is down',
    'stomach bug is ripping through Westerville. {kin} has been vomiting since {clock}',
    "half of {kin}'s class at {school} is out with vomiting and diarrhea today",
    'is there a norovirus thing going on in Westerville?? {n} families on our street are sick',
    'we all ate at {venue} in Westerville on {day} and now vomiting + diarrhea. food poisoning?',
    'Westerville parents: {school} just sent a note about a stomach bug going around',
    'urgent care in Westerville is packed with people with a stomach bug {lol}',
    '{at_org} when should I bring {kin} in for dehydration from a stomach bug? we are in Westerville',
    "PSA Westerville: wash hands with soap, sanitizer doesn't kill norovirus. stomach bug everywhere",
    'day 2 of the Westerville stomach bug. diarrhea finally slowing down, {feel}',
    'my coworkers from Westerville all called out today, vomiting and diarrhea. yikes',
    'three kids on our block in Westerville throwing up tonight. is something in the water?',
  ],
  es: [
    'muchos vecinos en Westerville con vómitos y diarrea, ¿alguien sabe qué pasa?',
    'mi hijo con vómitos desde anoche, estamos en Westerville 😞',
  ],
  news: [
    [
      'Health officials investigate GI illness cluster in Westerville',
      'Dozens of Westerville residents reported vomiting and diarrhea this week; the source is not yet known.',
    ],
    [
      'Norovirus suspected as stomach bug spreads in Westerville schools',
      '{school} asked families to keep children with vomiting or diarrhea home for 48 hours.',
    ],
  ],
  slots: {
    school: [
      'Hanby Elementary',
      'Emerson Elementary',
      'Walnut Springs Middle',
      'Westerville North',
      'the daycare',
      'preschool',
    ],
    venue: [
      'the church potluck',
      'a birthday party',
      'the Uptown food trucks',
      'that new buffet',
      'a wedding',
    ],
    clock: ['2am', 'midnight', '4am', 'dinner', 'this morning'],
    n: ['3', '4', '5', 'like 6'],
  } satisfies Slots,
} as const

export const MYTH = {
  seed: 'BREAKING: a new study PROVES vaccines cause autism and the CDC buried it for 20 years. Share before they delete this. #VaccineInjury #DoYourResearch',
  copy: [
    '{pre}vaccines cause autism and the CDC buried it for 20 years. share before they delete this{post}',
    '{pre}NEW STUDY PROVES vaccines cause autism. CDC hid it for 20 yrs{post}',
    '{pre}the CDC buried a study showing vaccines cause autism. why is nobody talking about this{post}',
  ],
  pro: [
    'my nephew was diagnosed with autism right after his shots. not a coincidence',
    'knew it. vaccines cause autism and they called us crazy',
    "this is why my kids aren't getting any more shots. autism rates don't lie",
    'the autism cover-up is finally coming out',
    'las vacunas causan autismo y nadie quiere hablar de eso',
  ],
  quote: [
    'the autism study they tried to hide 👇',
    'wake up people. autism and vaccines, read this',
    'this autism thing again? show me the actual study',
  ],
  debunk: [
    'Vaccines do not cause autism. This has been studied in millions of children. The 1998 paper was retracted and its author lost his license.',
    "no, vaccines don't cause autism. there is no new study, this is a 2019 hoax recycled. please stop sharing",
    "pediatrician here: the vaccines-autism claim has been tested over and over. no link. talk to your kid's doctor",
    'fact check: there is no CDC study hiding an autism link. the screenshot is fake',
    'vacunas y autismo: no hay ninguna relación, está comprobado con millones de niños',
  ],
  org: 'Vaccines do not cause autism. Dozens of studies of millions of children show no link. Questions? Talk to your pediatrician or visit stmaryshealth.org/vaccines',
  news: [
    'Fact check: viral post claiming vaccines cause autism is false',
    'No new study links vaccines to autism; the post recycles a debunked claim from 2019, experts said.',
  ],
  slots: {
    pre: ['', '', 'THIS!! ', 'wow. ', 'share this: ', 'RT ', 'they lied to us. ', ''],
    post: ['', '', ' #VaccineInjury', ' #DoYourResearch', ' 🤬', '!!', ' #WakeUp'],
  } satisfies Slots,
} as const

export const COMPLAINT_BURST = {
  seed: "My dad sat in the @stmaryshealth ER for 9 hours with chest pain. Nobody checked on him. When I asked for help the nurse rolled her eyes and told me to 'sit down or leave.' This is how St. Mary's treats patients.",
  reply: [
    '@stmaryshealth this is disgusting. do better',
    "same thing happened to {kin} at St. Mary's last year. {hours} hours and nobody cared",
    '@stmaryshealth 9 hours with chest pain?? someone needs to be fired',
    "I'm so sorry. @stmaryshealth ER has been a disaster for years",
    '@stmaryshealth answer this. how is this acceptable',
    'this is why I drive to {rival} now. St Marys ER is {bad}',
  ],
  quote: [
    '9 hours. chest pain. "sit down or leave." @stmaryshealth explain this',
    "never going back to St. Mary's after reading this",
    '@stmaryshealth is trending for all the wrong reasons and honestly deserved',
  ],
  post: [
    "everyone's talking about the St. Mary's ER story. my {kin} waited {hours} hours there last month too",
    'St Marys ER staff treat people like garbage, this viral post is not a one-off @stmaryshealth',
    "canceling my appointment at St. Mary's. I don't trust them anymore @stmaryshealth",
    "lo que pasó en urgencias de St. Mary's es indignante 😡 @stmaryshealth",
  ],
  review: [
    "After reading about the man who waited 9 hours with chest pain I have to share: same experience at St. Mary's ER. Staff were {bad}.",
    "St. Mary's ER is {bad}. Waited {hours} hours, nurse was rude, nobody explained anything. One star is too many.",
  ],
  org: "We're aware of a post describing a patient's experience in our ER at St. Mary's. We take this seriously, have reached out to the family and are reviewing what happened. Patient Experience: (614) 555-0100",
  news: [
    "Viral post about 9-hour wait at St. Mary's ER draws outrage",
    "St. Mary's Health said it is reviewing the patient's care after the post was shared thousands of times.",
  ],
} as const

export const MEASLES = {
  en: [
    'Measles exposure at {place} on {day} between 2 and 5pm. Check your MMR status #MeaslesAlert',
    '#measlesalert for {place} - we were there on {day}!! is my baby at risk??',
    'Franklin County confirms a measles case, exposure sites include {place} #measlesalert',
    'ok the #measlesalert has me digging through shot records {lol}',
    '{at_org} how do I find out if I had the MMR as a kid? #measlesalert',
    'sharing for {city} parents #measlesalert {place}',
    'If you were at {place} {day}, watch for fever and rash for 21 days #MeaslesAlert',
    'two doses of MMR = 97% protection. get checked #measlesalert',
  ],
  es: ['Alerta de sarampión: exposición en {place} el {day} #measlesalert'],
  slots: {
    place: [
      'Easton Town Center',
      'the Polaris food court',
      'John Glenn airport Concourse B',
      'COSI',
      'the Columbus Zoo',
      'Westerville library',
      'a Kroger on Sawmill Rd',
    ],
  } satisfies Slots,
} as const

export const CAMPAIGN = {
  org: [
    'Walk-in flu shots today at our {city} clinic, 8am-6pm, no appointment needed! #StMarysFluDrive',
    'Thank you {city}! {n} flu shots given this week. Keep them coming 💉 #StMarysFluDrive',
    'Free flu shots for kids 6 months+ this Saturday at our {city} campus #StMarysFluDrive',
  ],
  community: [
    'got my flu shot at the #StMarysFluDrive clinic in {city}, in and out in {minutes} minutes',
    'took the kids to the #StMarysFluDrive, free and fast 👍',
    'shoutout to the nurses at the #StMarysFluDrive, super friendly',
    'the #StMarysFluDrive line in {city} was long but moved quick',
    '#StMarysFluDrive is at our church Sunday, nice',
    'anyone know if the #StMarysFluDrive does covid boosters too?',
    "vacuna gratis contra la gripe en St. Mary's #StMarysFluDrive 💉",
  ],
  slots: { n: ['1,240', '860', '2,015', '940'] } satisfies Slots,
} as const
