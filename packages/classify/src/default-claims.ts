import type { Claim } from '@pulse/core'

const VAX = [
  'vaccine',
  'vaccines',
  'vaccinated',
  'vaccination',
  'vax',
  'vaxx',
  'vaxxed',
  'jab',
  'jabs',
  'jabbed',
]
const VAX_MORE = [...VAX, 'shot', 'shots', 'booster', 'boosters', 'vacuna', 'vacunas', 'immunization']
const COVID = ['covid', 'covid19', 'covid-19', 'coronavirus', 'sars-cov-2', 'pandemic', 'plandemic']
const CDC_MYTHS = 'https://www.cdc.gov/covid/vaccines/myths-facts.html'
const WHO_MYTHS =
  'https://www.who.int/emergencies/diseases/novel-coronavirus-2019/advice-for-public/myth-busters'

/**
 * A default catalog of well-known health myths with WHO/CDC debunk pages and a suggested reply.
 * `keywords`: one term of every group must occur (stemmed, typo-tolerant); `patterns` are
 * case-insensitive regexes over folded text (lowercase, accents removed) that state the claim.
 */
export const DEFAULT_CLAIMS: Claim[] = [
  {
    id: 'vaccines-autism',
    claim: 'Vaccines (such as MMR) cause autism.',
    patterns: [
      String.raw`\b(?:vaccin\w*|vax+\w*|jabs?|shots?|mmr)\b[^.?!]{0,30}\b(?:cause[sd]?|causing|trigger\w*|leads? to|gave|give)\b[^.?!]{0,20}\bautis\w*`,
    ],
    keywords: [
      [...VAX_MORE, 'mmr', 'vaccine schedule'],
      ['autism', 'autistic', 'asd', 'autismo'],
    ],
    debunkUrl: 'https://www.cdc.gov/vaccine-safety/about/autism.html',
    response:
      'Studies of millions of children find no link between any vaccine and autism; the paper that started the claim was retracted for fraud.',
  },
  {
    id: '5g-covid',
    claim: '5G mobile networks spread COVID-19 or cause its symptoms.',
    patterns: [
      String.raw`\b5g\b[^.?!]{0,40}\b(?:spread\w*|cause[sd]?|activat\w*|weaken\w*|gives?|is)\b[^.?!]{0,30}\b(?:covid\w*|coronavirus|virus)`,
    ],
    keywords: [
      ['5g', '5g mast', '5g tower', 'stop5g', '5gkills'],
      [...COVID, 'virus', 'sick', 'sickness', 'immune system', 'outbreak'],
    ],
    debunkUrl: WHO_MYTHS,
    response:
      'Viruses cannot travel on radio waves or mobile networks; COVID-19 spread in many places with no 5G.',
  },
  {
    id: 'ivermectin-covid',
    claim: 'Ivermectin (or hydroxychloroquine) cures or prevents COVID-19.',
    patterns: [
      String.raw`\b(?:ivermectin\w*|hydroxychloroquine|hcq)\b[^.?!]{0,30}\b(?:cures?|cured|works?|treats?|prevents?|saved)\b`,
    ],
    keywords: [
      ['ivermectin', 'ivermectina', 'horse paste', 'horse dewormer', 'hydroxychloroquine', 'hcq'],
      [...COVID, 'virus'],
    ],
    debunkUrl:
      'https://www.who.int/news-room/feature-stories/detail/who-advises-that-ivermectin-only-be-used-to-treat-covid-19-within-clinical-trials',
    response:
      'Large randomised trials found ivermectin does not treat or prevent COVID-19; vaccines and approved antivirals do.',
  },
  {
    id: 'bleach-mms',
    claim: 'Drinking bleach, MMS or chlorine dioxide cures disease.',
    patterns: [
      String.raw`\b(?:mms|chlorine dioxide|miracle mineral \w+|cds protocol)\b[^.?!]{0,40}\b(?:cures?|cured|heals?|cleared|kills?)\b`,
    ],
    keywords: [
      [
        'bleach',
        'mms',
        'chlorine dioxide',
        'miracle mineral',
        'miracle mineral solution',
        'cds',
        'disinfectant',
        'cd protocol',
      ],
      [
        'cure',
        'cures',
        'cured',
        'drink',
        'drinking',
        'drops',
        'swallow',
        'swallowed',
        'inject',
        'injecting',
        'protocol',
        'treat',
        'treatment',
        'kills',
        'heal',
        'cleared',
        'enema',
        'enemas',
        'therapy',
      ],
    ],
    debunkUrl: WHO_MYTHS,
    response:
      'Chlorine dioxide/MMS is bleach: drinking or injecting it causes dangerous vomiting, dehydration and organ damage and cures nothing.',
  },
  {
    id: 'fluoride-poison',
    claim: 'Fluoride in drinking water is a poison that harms the brain or lowers IQ.',
    patterns: [
      String.raw`\bfluorid\w*\b[^.?!]{0,30}\b(?:is|are)\b[^.?!]{0,15}\b(?:poison\w*|neurotoxi\w*|toxic)`,
    ],
    keywords: [
      ['fluoride', 'fluoridated', 'fluoridation', 'fluoridefree'],
      [
        'poison',
        'poisoning',
        'poisonous',
        'toxic',
        'neurotoxin',
        'toxin',
        'iq',
        'brain damage',
        'pineal',
        'industrial waste',
        'docile',
        'harmful',
        'dangerous',
        'safe',
        'harm',
      ],
    ],
    debunkUrl: 'https://www.cdc.gov/fluoridation/about/index.html',
    response:
      'At the recommended level (0.7 mg/L) community water fluoridation is safe and prevents about a quarter of cavities.',
  },
  {
    id: 'vaccine-microchips',
    claim: 'Vaccines contain microchips or tracking devices.',
    patterns: [
      String.raw`\b(?:micro|nano)?chips?\b[^.?!]{0,30}\b(?:in|inside)\b[^.?!]{0,20}\b(?:vaccin\w*|jabs?|shots?)`,
    ],
    keywords: [
      [
        'microchip',
        'microchips',
        'microchipped',
        'chip',
        'chips',
        'chipped',
        'nanochip',
        'nanochips',
        'tracking device',
        'bluetooth',
        'mac address',
        'magnetic',
        'nochipforme',
      ],
      [...VAX_MORE, 'moderna', 'pfizer'],
    ],
    debunkUrl: CDC_MYTHS,
    response:
      'Vaccines contain no microchips or trackers; their ingredients are public, and a chip could not pass through the needle.',
  },
  {
    id: 'natural-immunity-better',
    claim: 'Natural immunity from infection is always better than vaccination.',
    patterns: [String.raw`\bnatural immunity\b[^.?!]{0,30}\b(?:better|superior|stronger|beats?)\b`],
    keywords: [
      [
        'natural immunity',
        'natural infection',
        'chickenpox party',
        'chickenpox parties',
        'pox party',
        'inmunidad natural',
        'hybrid immunity',
        'immune system is my vaccine',
      ],
      [
        'better',
        'superior',
        'stronger',
        'beat',
        'beats',
        'best',
        'safer',
        'always',
        'lasts',
        'instead',
        'need',
        ...VAX_MORE,
      ],
    ],
    debunkUrl: CDC_MYTHS,
    response:
      'Getting immunity by infection means risking the disease itself; vaccination gives protection without that risk.',
  },
  {
    id: 'mrna-alters-dna',
    claim: 'mRNA vaccines alter your DNA.',
    patterns: [
      String.raw`\b(?:mrna|vaccin\w*|jabs?|shots?)\b[^.?!]{0,40}\b(?:alter|alters|change[sd]?|changes|modif\w*|rewrites?|integrat\w*)\b[^.?!]{0,20}\b(?:dna|genome|genes|genetic)`,
    ],
    keywords: [
      ['mrna', 'gene therapy', 'genetherapy', ...VAX_MORE, 'pfizer', 'moderna'],
      ['dna', 'genome', 'genes', 'genetic code', 'genetic', 'gmo', 'gmos', 'adn'],
    ],
    debunkUrl: CDC_MYTHS,
    response:
      'mRNA never enters the cell nucleus where DNA is kept; it is broken down within days and cannot change your genes.',
  },
  {
    id: 'vaccine-shedding',
    claim: 'Vaccinated people shed the vaccine and make others ill.',
    patterns: [String.raw`\b(?:vaccin\w*|vaxx?ed|jabbed)\b[^.?!]{0,30}\bshed\w*`],
    keywords: [
      ['shed', 'sheds', 'shedding'],
      [...VAX_MORE, 'mrna', 'spike protein', 'spike'],
    ],
    debunkUrl: CDC_MYTHS,
    response:
      'None of the authorised COVID-19 vaccines contain live virus, so there is nothing to shed or pass on.',
  },
  {
    id: 'covid-just-flu',
    claim: 'COVID-19 is just the flu.',
    patterns: [
      String.raw`\b(?:covid\w*|coronavirus)\b[^.?!]{0,20}\b(?:is|was|=)\s+(?:just|only|basically|literally|no worse than)\b[^.?!]{0,20}\b(?:flu|cold|influenza)\b`,
    ],
    keywords: [
      [...COVID],
      ['flu', 'influenza', 'cold'],
      [
        'just',
        'only',
        'same',
        'no worse',
        'renamed',
        'relabeled',
        'relabelled',
        'basically',
        'than',
        'different',
        'difference',
        '2.0',
        'mild',
        'like',
      ],
    ],
    debunkUrl: 'https://www.who.int/news-room/questions-and-answers/item/coronavirus-disease-covid-19',
    response:
      'COVID-19 is a different virus from influenza, has caused far more deaths, and can cause long COVID.',
  },
  {
    id: 'masks-oxygen',
    claim: 'Masks cause oxygen deficiency or CO2 poisoning.',
    patterns: [
      String.raw`\bmasks?\b[^.?!]{0,40}\b(?:cause|causes|reduce|reduces|lower|lowers|starve)\b[^.?!]{0,20}\b(?:oxygen|o2|co2|hypox\w*)`,
    ],
    keywords: [
      [
        'mask',
        'masks',
        'masking',
        'face mask',
        'face covering',
        'mascarilla',
        'cubrebocas',
        'unmask',
        'unmaskourkids',
      ],
      [
        'oxygen',
        'o2',
        'co2',
        'carbon dioxide',
        'hypoxia',
        'hypoxic',
        'rebreathing',
        'suffocate',
        'suffocating',
        'oximeter',
        'oxygen deficiency',
        'own breath',
      ],
    ],
    debunkUrl: WHO_MYTHS,
    response:
      'Oxygen and CO2 pass freely through cloth and medical masks; studies show normal oxygen levels even during exercise.',
  },
  {
    id: 'hpv-vaccine-infertility',
    claim: 'The HPV vaccine causes infertility.',
    patterns: [
      String.raw`\b(?:hpv|gardasil)\b[^.?!]{0,40}\b(?:cause[sd]?|causing|sterili\w*)\b[^.?!]{0,20}\b(?:infertil\w*|sterili\w*|ovarian)`,
    ],
    keywords: [
      ['hpv', 'gardasil'],
      [
        'infertility',
        'infertile',
        'fertility',
        'sterile',
        'sterilizing',
        'sterilising',
        'sterilize',
        'sterilization',
        'ovarian failure',
        'ovaries',
        'ovarian',
        'population control',
        'pregnant',
      ],
    ],
    debunkUrl: 'https://www.cdc.gov/vaccine-safety/vaccines/hpv.html',
    response:
      'Large studies find no effect of HPV vaccination on fertility; it prevents cancers whose treatment can cost fertility.',
  },
  {
    id: 'flu-shot-gives-flu',
    claim: 'The flu shot gives you the flu.',
    patterns: [
      String.raw`\bflu (?:shot|vaccine|jab)s?\b[^.?!]{0,30}\b(?:gives?|gave|cause[sd]?|made me)\b[^.?!]{0,20}\b(?:flu|sick|influenza)\b`,
      String.raw`\bflu (?:shot|jab|vaccine) ?= ?(?:a dose of )?(?:the )?flu\b`,
    ],
    keywords: [
      [
        'flu shot',
        'flu shots',
        'flu vaccine',
        'flu vaccines',
        'flu jab',
        'influenza vaccine',
        'flu vaccination',
      ],
      [
        'give',
        'gives',
        'gave',
        'giving',
        'cause',
        'causes',
        'caused',
        'sick',
        'came down',
        'got the flu',
        'get the flu',
        'dose of the flu',
        'full blown influenza',
      ],
    ],
    debunkUrl: 'https://www.cdc.gov/flu/vaccines/facts-flu-vaccine.html',
    response:
      'Flu shots contain inactivated virus or a single protein and cannot cause flu; a sore arm or low fever is the immune response.',
  },
  {
    id: 'vaccine-sudden-death',
    claim: 'COVID vaccines are causing waves of sudden deaths ("died suddenly", "turbo cancer").',
    patterns: [String.raw`\b(?:vaccin\w*|jabs?|boosters?|vaxx?ed)\b[^.?!]{0,30}\b(?:killing|kills|killed)\b`],
    keywords: [
      [
        'died suddenly',
        'dying suddenly',
        'diedsuddenly',
        'sudden death',
        'sudden deaths',
        'dropping dead',
        'drop dead',
        'sudden cardiac',
        'turbo cancer',
        'killing people',
        'collapsing',
        'heart attacks',
      ],
      [...VAX_MORE, 'rollout', 'mrna'],
    ],
    debunkUrl: 'https://www.who.int/news-room/feature-stories/detail/safety-of-covid-19-vaccines',
    response:
      'Studies of excess deaths and cardiac arrests find no wave of sudden deaths caused by COVID-19 vaccines.',
  },
  {
    id: 'measles-harmless',
    claim: 'Measles is a harmless childhood illness.',
    patterns: [
      String.raw`\bmeasles\b[^.?!]{0,20}\b(?:is|was)\b[^.?!]{0,15}\b(?:harmless|mild|no big deal|a rite of passage|just a rash|basically a rash)`,
    ],
    keywords: [
      ['measles', 'sarampion'],
      [
        'harmless',
        'mild',
        'no big deal',
        'rite of passage',
        'never killed',
        'just a rash',
        'basically a rash',
        'fear porn',
        'fear-mongering',
        'fearmongering',
        'hysteria',
        'vitamin a',
        'panic',
        'panicking',
        'childhood illness',
        'dangerous',
        'deadly',
      ],
    ],
    debunkUrl: 'https://www.who.int/news-room/fact-sheets/detail/measles',
    response:
      'Measles can cause pneumonia, brain swelling and death, and erases immune memory; two MMR doses prevent it.',
  },
]
