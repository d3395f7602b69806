import type { RedactionKind } from './types.ts'

/**
 * Self-disclosure: the author shares their own health condition, results, treatment or identifiers
 * (`I was diagnosed with …`, `my MRN is …`, `I'm a patient at @org and my test came back …`). Such
 * posts should be answered privately. Third-person and advisory text (`if you have been diagnosed`,
 * `my friend has flu`) is not self-disclosure.
 */

const CONDITIONS =
  "cancer|(?:breast|lung|colon|prostate|skin|ovarian|cervical|pancreatic|thyroid)\\s+cancer|diabetes|type\\s*[12](?:\\s+diabetes)?|pre-?diabetes|hiv|aids|covid(?:-?19)?|long\\s+covid|the\\s+flu|flu|influenza|rsv|pneumonia|bronchitis|strep|mono|shingles|measles|mumps|mpox|monkeypox|tb|tuberculosis|hepatitis\\s*[a-e]?|hep\\s*[abc]|herpes|hpv|chlamydia|gonorrh?(?:o|e)a|syphilis|an?\\s+std|an?\\s+sti|depression|anxiety|ptsd|ocd|adhd|autism|bipolar(?:\\s+disorder)?|schizophrenia|an\\s+eating\\s+disorder|anorexia|bulimia|asthma|copd|emphysema|lupus|ms|multiple\\s+sclerosis|als|parkinson['’]?s|alzheimer['’]?s|dementia|epilepsy|seizures|migraines?|endometriosis|pcos|fibromyalgia|crohn['’]?s|colitis|ibs|celiac|sickle\\s+cell|cystic\\s+fibrosis|leukemia|lymphoma|melanoma|a\\s+(?:brain\\s+)?tumou?r|a\\s+blood\\s+clot|a\\s+stroke|a\\s+heart\\s+attack|heart\\s+(?:disease|failure)|afib|hypertension|high\\s+blood\\s+pressure|high\\s+cholesterol|kidney\\s+(?:disease|failure|stones?)|ckd|cirrhosis|sepsis|an?\\s+(?:uti|infection)|lyme(?:\\s+disease)?|stage\\s+(?:[1-4]|i{1,3}v?|iv)\\w*|a\\s+miscarriage|gestational\\s+diabetes|preeclampsia|postpartum\\s+depression|an?\\s+(?:addiction|opioid\\s+use\\s+disorder|substance\\s+use\\s+disorder)"

const NOT_CONDITION =
  '(?!\\s+(?:shot|vaccine|jab|season|clinic|test(?:ing)?|awareness|month|walk|run|research|screening|info|hotline|campaign))'

// Every pattern starts with a letter, so a leading `(?<!\w)` means exactly what `\b` would; under the
// `iu` flags V8 compiles `\b` into a two-sided lookaround that defeats its fast scan for the first
// letter, and the one-sided form runs several times faster. The same holds for FIRST_PERSON and OWN_NAME.
const PATTERNS = [
  // I was / I've been / I got diagnosed, tested positive, admitted, discharged, …
  "(?<!\\w)i(?:['’]ve|\\s+have|\\s+was|\\s+am|['’]m|\\s+got|\\s+just\\s+got|\\s+had|\\s+recently)?\\s+(?:(?:been|just|recently|finally|officially|also|now|being)\\s+){0,2}(?:diagnosed|dx['’]?d|tested\\s+(?:positive|negative)|test(?:ed)?\\s+came\\s+back|admitted|hospitali[sz]ed|discharged|readmitted|prescribed|misdiagnosed|operated\\s+on|put\\s+on\\s+(?:chemo|dialysis|insulin|meds|medication)|started\\s+(?:chemo|radiation|dialysis|insulin|treatment|therapy)|miscarried|relapsed|in\\s+remission|living\\s+with|battling|fighting|recovering\\s+from|suffering\\s+from|struggling\\s+with)\\b",
  // I have / I had / I've got <condition>
  `(?<!\\w)i(?:\\s+have|\\s+had|['’]ve\\s+got|['’]ve\\s+had|\\s+got|\\s+caught|\\s+developed|\\s+still\\s+have|\\s+now\\s+have|\\s+was\\s+told\\s+i\\s+have)\\s+(?:(?:severe|chronic|mild|acute|early|late|advanced|terminal|metastatic|stage\\s+\\w+)\\s+)?(?:${CONDITIONS})\\b${NOT_CONDITION}`,
  // I'm a patient / pregnant / on chemo / in the ER …
  "(?<!\\w)i(?:['’]m|\\s+am)\\s+(?:(?:currently|now|still|also)\\s+)?(?:a\\s+(?:current\\s+|former\\s+|new\\s+|long-?time\\s+|cancer\\s+|dialysis\\s+|transplant\\s+)?patient|pregnant|diabetic|epileptic|asthmatic|anorexic|bipolar|hiv\\s*(?:\\+|positive|\\s+pos)|immunocompromised|on\\s+(?:chemo|dialysis|insulin|methadone|suboxone|antidepressants|meds|medication|oxygen|prep)|in\\s+(?:remission|recovery|treatment|rehab|the\\s+(?:er|ed|icu|hospital))|(?:being\\s+treated|undergoing|scheduled\\s+for|recovering\\s+from|going\\s+through)\\b|a\\s+(?:cancer\\s+)?survivor|\\d{1,2}\\s+weeks\\s+pregnant)",
  // my <result / record / identifier / treatment / condition>
  `(?<!\\w)my\\s+(?:(?:recent|latest|last|new|covid|pcr|blood|lab|biopsy|pathology|mri|ct|pet|hiv|std|pregnancy|a1c|test)\\s+)*(?:test\\s+results?|results?|test\\s+came\\s+back|labs?|lab\\s+work|blood\\s*work|biopsy|scan|mri|ct\\s+scan|x-?ray|mammogram|ultrasound|pap\\s+smear|diagnosis|prognosis|tumou?r|chart|medical\\s+records?|health\\s+records?|records|mrn|patient\\s+(?:id|number|portal\\s+shows)|member\\s+id|insurance\\s+id|policy\\s+number|dob|date\\s+of\\s+birth|ssn|social\\s+security|chemo(?:therapy)?|radiation|dialysis|surgery|operation|transplant|treatment\\s+plan|prescriptions?|medications?|meds|insulin|dosage|oncologist|psychiatrist|therapist|cardiologist|surgeon|ob-?gyn|(?:${CONDITIONS})${NOT_CONDITION})\\b`,
  // my insulin refill / my prescription refills
  '(?<!\\w)my\\s+(?:[\\w.%-]+\\s+){0,3}refills?\\b',
  // my doctor said / told me …
  '(?<!\\w)my\\s+(?:doctor|doc|gp|pcp|nurse|provider|specialist)\\s+(?:said|says|told\\s+me|confirmed|found|diagnosed|prescribed|thinks|wants\\s+me)\\b',
  // test came back / results came back positive, with me/my nearby
  '(?<!\\w)(?:my|i)\\b[^.!?\\n]{0,60}\\b(?:came\\s+back|results?\\s+(?:are|were|was)\\s+(?:in|positive|negative|abnormal))\\b',
]

const SELF = new RegExp(PATTERNS.join('|'), 'iu')

// English, plus the first person in the languages most often seen in health-system mentions.
const FIRST_PERSON =
  /(?<!\w)(?:i|i['’]m|i['’]ve|me|my|mine|ich|mich|mir|mein|meine|meinen|meiner|je|j['’]|moi|mon|ma|mes|yo|mi|mis|eu|meu|minha)\b|我/iu
const ALWAYS_PERSONAL: ReadonlySet<RedactionKind> = new Set(['MRN', 'DOB', 'SSN', 'CARD'])
const OWN_NAME = /(?<!\w)(?:my\s+name|i['’]m|i\s+am)\b/iu

/**
 * True when the author discloses their own condition, results or treatment, or posts identifiers
 * while writing in the first person (`my MRN is …`, `call me at …`, `logged me out from <ip>`).
 * A name alone counts only when it is the author's own (`my name is …`).
 */
export function detectSelfDisclosure(text: string, kinds: ReadonlySet<RedactionKind>): boolean {
  const firstPerson = FIRST_PERSON.test(text)
  // A record number, birth date, SSN or card posted bare is the author's own, unless the post
  // names someone else and never speaks in the first person (`leaked: patient J. Doe, MRN …`).
  for (const k of kinds) if (ALWAYS_PERSONAL.has(k) && (firstPerson || !kinds.has('NAME'))) return true
  if (!firstPerson) return false
  if (SELF.test(text)) return true
  for (const k of kinds) if (k !== 'NAME') return true
  return kinds.has('NAME') && OWN_NAME.test(text)
}
