import type { Topic } from './topic.ts'

/** General health conversation: vaccines, respiratory season, mental health, news, wellness. */
export const FLU: Topic = {
  id: 'flu_vaccine',
  tone: 'mixed',
  en: [
    'got my {shot} today at {pharmacy}, arm is already sore {lol}',
    'reminder to get your {shot} before thanksgiving travel',
    'is it too late to get a {shot}? asking for {kin}',
    'took {kin} for the {shot}, zero tears this year 💪',
    'every year I get the {shot} and every year my arm hurts for {days} days. still worth it',
    '{shot} + covid booster same day, feeling kinda meh but fine',
    'walk-in {shot} at {org} {city} took {minutes} minutes, easy',
    'does the {shot} make anyone else feel like garbage for a day or is it just me',
    'not getting the {shot} this year, never get the flu anyway',
  ],
  es: [
    'ya me puse la vacuna de la gripe en {pharmacy} 💉',
    '¿dónde ponen la vacuna contra la gripe gratis en {city}?',
    'vacunamos a toda la familia contra la gripe hoy',
  ],
  other: [
    ['fr', "Vaccin contre la grippe fait aujourd'hui, bras un peu douloureux"],
    ['pt', 'Tomei a vacina da gripe hoje, tudo certo'],
  ],
  tags: ['flushot', 'FluSeason', 'vaccineswork', 'GetVaccinated'],
  subreddits: ['Columbus', 'vaccines', 'AskDocs'],
}

export const RESPIRATORY: Topic = {
  id: 'covid_respiratory',
  tone: 'negative',
  en: [
    'whole house has a {symptom} and {symptom} again. daycare germs are undefeated',
    'tested negative for covid twice but this {symptom} will not quit',
    'RSV is going around {city} schools, {kin} has it now',
    'is anyone else sick rn? {symptom}, {symptom}, zero energy',
    'covid round 3 for me. {symptom} and {symptom}. {feel}',
    "pediatrician says it's just a virus. {days} days of {symptom} though",
    'wastewater numbers for covid are going up in Franklin County again',
    'wearing a mask on the bus again, everyone is coughing',
  ],
  es: [
    'toda la familia con {symptom} y fiebre 😷',
    'hay mucho covid en {city} otra vez',
    'mi hijo tiene RSV, ¿algún consejo?',
  ],
  other: [
    ['de', 'Schon wieder erkältet, Husten und Fieber seit Tagen'],
    ['zh', '全家都感冒了，咳嗽发烧好几天了'],
    ['vi', 'Cả nhà bị cảm cúm, ho và sốt mấy ngày rồi'],
  ],
  tags: ['COVID19', 'RSV', 'sickseason'],
  subreddits: ['Columbus', 'COVID19', 'Parenting'],
}

export const MENTAL: Topic = {
  id: 'mental_health',
  tone: 'mixed',
  en: [
    'therapy waitlists are {weeks} weeks everywhere in {city}. how is anyone supposed to get help',
    'reminder that 988 is there if you need to talk to someone tonight 💙',
    'finally found a psychiatrist who takes {insurer} after {weeks} weeks of calling',
    'seasonal depression hitting early this year. sun lamp ordered',
    '{org} behavioral health intake was kind and fast, {good}',
    'burnout is real. {staff} need mental health support too',
    'anxiety has been through the roof lately, anyone tried the {org} support groups?',
  ],
  es: ['la ansiedad no me deja dormir, ¿alguien conoce terapeutas en español en {city}?'],
  tags: ['mentalhealth', 'MentalHealthMatters', 'Lifeline988'],
  subreddits: ['mentalhealth', 'Columbus', 'Anxiety'],
}

export const NEWS: Topic = {
  id: 'health_news',
  tone: 'neutral',
  en: [
    'CDC: flu activity rising in {days} states, Ohio now "moderate"',
    'new study links poor sleep to higher blood pressure in teens',
    'FDA approves updated RSV vaccine for adults 50-59',
    'Ohio hospitals report staffing shortages heading into winter',
    'Franklin County Public Health offering free flu shots at libraries this week',
    'measles cases in the US highest since 2019, CDC says',
    'why your doctor wants you to get a flu shot and a covid booster this fall',
  ],
  news: [
    [
      'Flu season arrives early in central Ohio',
      'Emergency rooms in Columbus report more flu-like illness than this time last year, officials said.',
    ],
    [
      "St. Mary's Health opens new {city} urgent care",
      "The clinic offers walk-in visits seven days a week, according to St. Mary's Health.",
    ],
    [
      'Riverside Medical expands cardiology unit',
      'The expansion adds 24 beds and two catheterization labs, Riverside Medical said.',
    ],
    [
      'Hospital price transparency still spotty, report finds',
      'Fewer than half of Ohio hospitals posted complete prices for common procedures.',
    ],
    [
      'RSV cases climb among young children',
      'Pediatricians urge parents to watch for trouble breathing and dehydration.',
    ],
    [
      'Ohio lawmakers weigh surprise-billing rules',
      'The bill would cap out-of-network emergency charges for insured patients.',
    ],
    [
      'Free vaccine clinics this weekend in Franklin County',
      'Flu and updated COVID-19 vaccines are available without appointment.',
    ],
  ],
  tags: ['publichealth', 'health', 'Ohio'],
  subreddits: ['Columbus', 'Ohio', 'news'],
  other: [['fr', 'La grippe arrive tôt cette année, selon les autorités sanitaires']],
}

export const WELLNESS: Topic = {
  id: 'wellness',
  tone: 'positive',
  en: [
    'day {days} of actually drinking water instead of just coffee 💧',
    'doctor said my blood pressure is finally normal!! {days} months of walking every day',
    'anyone have a good beginner strength routine? doc says I need it',
    'quit vaping {weeks} weeks ago. cravings still hit hard but proud',
    'annual physical done. {lol} at the scale though',
    'sleep is the most underrated health hack, change my mind',
  ],
  es: ['hoy caminé {days} kilómetros, poco a poco 💪'],
  tags: ['health', 'wellness', 'selfcare'],
  subreddits: ['loseit', 'Fitness', 'Columbus'],
}

/** A low baseline of stomach-bug talk, so the outbreak event is a surge and not a first sighting. */
export const GI_BASELINE: Topic = {
  id: 'gi_baseline',
  tone: 'negative',
  en: [
    'stomach bug took out {kin} last night. vomiting every hour {feel}',
    'pretty sure it was food poisoning from that gas station sushi {lol}',
    'norovirus season again? {kin} has diarrhea and a fever',
  ],
  es: ['mi hijo con vómitos y diarrea desde anoche 😞'],
  subreddits: ['Parenting', 'Columbus'],
}

/** Long-standing myths at a trickle, with their rebuttals. */
export const MYTH_BASELINE: Topic = {
  id: 'myth_baseline',
  tone: 'negative',
  en: [
    "they put microchips in vaccines, that's why they want everyone tracked",
    'the flu shot gives you the flu, every single time',
    'not saying vaccines cause autism but why did rates go up when shots did',
    'fact check: flu shots cannot give you the flu - the vaccine has no live virus',
    'no, there are no microchips in vaccines. the needle is too small for that {lol}',
  ],
  tags: ['vaccines'],
  subreddits: ['conspiracy', 'vaccines'],
}
