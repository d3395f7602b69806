import type { TopicRule } from '@pulse/core'

type Category = TopicRule['category']
type Parts = Partial<Pick<TopicRule, 'all' | 'any' | 'not' | 'hashtags' | 'handles'>>

function topic(id: string, label: string, category: Category, parts: Parts): TopicRule {
  return {
    id,
    label,
    category,
    all: parts.all ?? [],
    any: parts.any ?? [],
    not: parts.not ?? [],
    hashtags: parts.hashtags ?? [],
    handles: parts.handles ?? [],
  }
}

/**
 * The default health-comms taxonomy, grouped under WHO's infodemic categories: `cause` (what
 * makes people ill: outbreaks, exposures, vectors), `illness` (symptoms and conditions),
 * `treatment` (medicines and care for the ill), `interventions` (vaccines, masks, testing and
 * the care system people reach: access, waits, billing, staff) and `information` (guidance,
 * rumours). English terms with common Spanish equivalents. Brand and competitor topics come
 * from the watchlist (`brandTopics`).
 */
export const DEFAULT_TOPICS: TopicRule[] = [
  // cause
  topic('outbreak', 'Outbreaks and case surges', 'cause', {
    any: ['outbreak', 'cluster of cases', 'epidemic', 'pandemic', 'cases rising', 'cases surge', 'brote'],
    hashtags: ['outbreak'],
  }),
  topic('foodborne', 'Food poisoning and food recalls', 'cause', {
    any: ['food poisoning', 'salmonella', 'listeria', 'e coli', 'e. coli', 'botulism', 'food recall'],
    hashtags: ['foodpoisoning', 'recall'],
  }),
  topic('environmental', 'Environmental exposures', 'cause', {
    any: ['air quality', 'wildfire smoke', 'smog', 'pollution', 'boil water', 'water contamination'],
    hashtags: ['airquality', 'heatwave', 'boilwater'],
  }),
  topic('heat', 'Heat illness', 'cause', {
    any: [
      'heat stroke',
      'heatstroke',
      'heat exhaustion',
      'heat wave',
      'heatwave',
      'heat advisory',
      'ola de calor',
    ],
  }),
  topic('vector-borne', 'Mosquito- and tick-borne disease', 'cause', {
    any: ['mosquito', 'tick bite', 'lyme', 'west nile', 'dengue', 'zika', 'malaria', 'chikungunya'],
  }),
  // illness
  topic('respiratory', 'Respiratory illness', 'illness', {
    any: ['flu', 'influenza', 'covid', 'covid19', 'coronavirus', 'rsv', 'cough', 'pneumonia', 'bronchitis'],
    hashtags: ['flu', 'covid', 'covid19', 'rsv', 'fluseason', 'gripe'],
  }),
  topic('respiratory-symptoms', 'Respiratory symptoms', 'illness', {
    any: ['sore throat', 'shortness of breath', 'wheezing', 'congestion', 'runny nose', 'gripe'],
  }),
  topic('gi-illness', 'Stomach bugs and GI illness', 'illness', {
    any: [
      'vomiting',
      'vomit',
      'throwing up',
      'threw up',
      'puking',
      'diarrhea',
      'diarrhoea',
      'stomach bug',
      'stomach virus',
      'stomach flu',
      'food poisoning',
      'norovirus',
      'gastroenteritis',
      'vomitos',
      'vomito',
      'diarrea',
    ],
    hashtags: ['norovirus', 'foodpoisoning', 'stomachbug'],
  }),
  topic('fever', 'Fever', 'illness', { any: ['fever', 'feverish', 'high temperature', 'chills', 'fiebre'] }),
  topic('rash', 'Rash and skin lesions', 'illness', {
    any: ['rash', 'hives', 'blisters', 'skin lesions', 'red spots', 'sarpullido', 'erupcion'],
  }),
  topic('rash-with-fever', 'Rash with fever (measles/mpox watch)', 'illness', {
    any: ['rash', 'spots', 'blisters', 'lesions', 'sarpullido'],
    all: ['fever'],
  }),
  topic('measles', 'Measles', 'illness', { any: ['measles', 'rubeola', 'sarampion'], hashtags: ['measles'] }),
  topic('mpox', 'Mpox', 'illness', { any: ['mpox', 'monkeypox'], hashtags: ['mpox'] }),
  topic('mental-health', 'Mental health', 'illness', {
    any: ['mental health', 'depression', 'anxiety', 'panic attack', 'ptsd', 'psychiatrist', 'therapist'],
    not: ['physical therapist'],
    hashtags: ['mentalhealth', 'saludmental'],
  }),
  topic('suicide-self-harm', 'Suicide and self-harm', 'illness', {
    any: ['suicide', 'suicidal', 'self harm', 'self-harm', 'kill myself', 'end my life', '988', 'suicidio'],
  }),
  topic('substance-use', 'Overdose and substance use', 'illness', {
    any: ['overdose', 'fentanyl', 'opioid', 'naloxone', 'narcan', 'addiction', 'sobredosis'],
  }),
  topic('chronic', 'Chronic conditions', 'illness', {
    any: ['diabetes', 'insulin', 'blood pressure', 'hypertension', 'asthma', 'copd', 'heart disease'],
  }),
  topic('sexual-health', 'Sexual health and STIs', 'illness', {
    any: ['hiv', 'syphilis', 'chlamydia', 'gonorrhea', 'sti', 'std', 'prep hiv'],
  }),
  // treatment
  topic('medications', 'Medications and pharmacy', 'treatment', {
    any: ['medication', 'medicine', 'prescription', 'pharmacy', 'antibiotic', 'dose', 'meds', 'refill'],
  }),
  topic('drug-shortage', 'Drug shortages', 'treatment', {
    all: ['shortage'],
    any: ['drug', 'medication', 'medicine', 'antibiotic', 'amoxicillin', 'insulin', 'adderall', 'pharmacy'],
  }),
  topic('maternity', 'Pregnancy and maternity care', 'treatment', {
    any: ['pregnant', 'pregnancy', 'maternity', 'prenatal', 'postpartum', 'labor and delivery', 'embarazo'],
  }),
  topic('cancer-care', 'Cancer care', 'treatment', {
    any: ['cancer', 'oncology', 'chemo', 'chemotherapy', 'tumor', 'radiation therapy'],
  }),
  // interventions
  topic('vaccines', 'Vaccines and immunization', 'interventions', {
    any: [
      'vaccine',
      'vaccination',
      'vaccinated',
      'immunization',
      'booster',
      'jab',
      'flu shot',
      'mmr',
      'vacuna',
    ],
    hashtags: ['vaccineswork', 'getvaccinated', 'vaccines', 'vacunacion'],
  }),
  topic('masks', 'Masks', 'interventions', {
    any: ['mask', 'masking', 'n95', 'kn95', 'respirator', 'face covering', 'mascarilla', 'cubrebocas'],
  }),
  topic('testing', 'Testing and screening', 'interventions', {
    any: [
      'covid test',
      'rapid test',
      'pcr',
      'test kit',
      'testing site',
      'screening',
      'mammogram',
      'colonoscopy',
    ],
  }),
  topic('er-wait', 'Emergency department wait times', 'interventions', {
    all: ['wait'],
    any: ['er', 'emergency room', 'emergency department', 'a&e', 'urgent care', 'urgencias'],
    hashtags: ['erwait'],
  }),
  topic('access', 'Access and appointments', 'interventions', {
    any: ['appointment', 'waitlist', 'wait list', 'referral', 'new patients', 'booked up', 'on hold', 'cita'],
  }),
  topic('billing', 'Billing and insurance', 'interventions', {
    any: ['bill', 'billing', 'invoice', 'overcharged', 'insurance', 'copay', 'deductible', 'out of network'],
    not: ['bill gates'],
  }),
  topic('staff-conduct', 'Staff conduct and bedside manner', 'interventions', {
    any: [
      'rude',
      'dismissive',
      'unprofessional',
      'disrespectful',
      'condescending',
      'bedside manner',
      'grosero',
    ],
  }),
  topic('patient-safety', 'Patient safety and medical errors', 'interventions', {
    any: ['medical error', 'misdiagnosed', 'misdiagnosis', 'wrong medication', 'wrong dose', 'malpractice'],
  }),
  topic('staffing', 'Staffing shortages', 'interventions', {
    any: [
      'understaffed',
      'short staffed',
      'short-staffed',
      'staff shortage',
      'nursing shortage',
      'nurse strike',
    ],
  }),
  // information
  topic('public-health-guidance', 'Public-health guidance and advisories', 'information', {
    any: [
      'health advisory',
      'health alert',
      'guidance',
      'health department',
      'public health',
      'cdc',
      'world health organization',
    ],
  }),
  topic('misinformation', 'Rumours and misinformation', 'information', {
    any: [
      'misinformation',
      'disinformation',
      'hoax',
      'fake news',
      'conspiracy',
      'myth',
      'debunked',
      'plandemic',
    ],
    hashtags: ['plandemic', 'factcheck'],
  }),
]
