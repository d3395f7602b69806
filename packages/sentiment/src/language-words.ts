/**
 * The most frequent function words of each Latin-script language the detector knows (articles,
 * pronouns, auxiliaries, prepositions, conjunctions), plus a few high-frequency social-media
 * words. Short texts are identified by how many of their words each list holds.
 */
export const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  en:
    "the and is are was were be been to of in on for with that this it its it's i i'm im you your my me " +
    "we our they their he she his her have has had do does did don't dont not but so just at from what " +
    "when how why who will would can can't cant could should about all if or an get got going gonna " +
    'wanna out up now today u ur there here than then more some one day time people new really very ' +
    'much too know think want need see thanks thank lol omg yes yeah oh an been being into over after ' +
    "back only also well still even because any every these those them him us i've i'll you're that's " +
    "isn't doesn't didn't won't let's off our tonight tomorrow morning night week love like good great " +
    'no ha haha hah lmao lmfao rofl btw idk tbh ok okay thx pls plz gotta yay wow via come go make ' +
    'take say said way use work look give first last',
  es:
    'el la los las de del que y en un una unos unas es son está esta están estoy por para con no se su ' +
    'sus lo le les al como más mas pero muy ya yo tu tú mi me te nos este esto eso ese hay ser fue era ' +
    'todo todos también tambien bien cuando donde porque qué hoy gracias hola sí sin sobre entre hasta ' +
    'desde mucho mucha nada algo otra otro vez día años así asi aquí aqui ahora siempre nunca tengo ' +
    'tiene hace puede estar estamos estaba eres soy ha he han sido muy mejor peor bueno buena malo mala ' +
    'jajaja jaja jeje pues vamos quiero creo ni dio voy hizo hay',
  pt:
    'o os as da do dos das em no na nos nas um uma é não nao com para pra por que se mais mas muito ' +
    'muita eu você voce vc ele ela isso isto esse essa este esta está estou são foi tem ter ser já ' +
    'também tambem quando como obrigado obrigada hoje aqui agora sempre nunca meu minha seu sua ao à ' +
    'pelo pela até ainda bem vai vou tá ta né ne kkk kkkk gente coisa tudo nada boa bom',
  fr:
    'le la les de des du un une et est sont pas ne je tu il elle nous vous ils elles que qui dans pour ' +
    "avec sur au aux ce cette ces mais ou où très tres plus c'est j'ai suis être avoir fait aussi bien " +
    "merci bonjour tout tous rien mon ma mes ton son sa ses notre votre leur oui non comme quand qu'il " +
    "n'est d'un d'une l'on ça ca y a été était vraiment trop",
  de:
    'der die das und ist sind nicht ein eine einen einem einer ich du er sie es wir ihr mit von zu auf ' +
    'für fur im den dem des auch aber oder wie was wenn noch nur schon sehr mein meine dein heute danke ' +
    'gut ja nein kein keine bin hat haben war wird werden sich bei nach aus über uber mich mir dass ' +
    'doch mal jetzt hier immer wieder',
  it:
    'il lo la i gli le di del della dei che e è un una uno per con non sono ho ha hai si mi ti ci ma ' +
    'anche come più piu molto questo questa quello nel nella sul alla al dal io tu lui lei noi voi loro ' +
    'oggi grazie ciao bene tutto tutti sempre ancora perché perche cosa fatto essere stato mio mia',
  nl:
    'de het een en van is dat niet ik je jij we wij zijn op te met voor maar ook als wat er dit die naar ' +
    'bij uit heb heeft was nog wel geen om hoe zo mijn dank vandaag heel echt',
  id:
    'yang dan di ini itu dengan untuk tidak ada saya aku kamu juga dari ke akan sudah bisa apa karena ' +
    'kita mereka atau pada sama lagi belum banget aja',
  tr: 'bir ve bu da de için ile çok ne ben sen gibi daha var yok değil ama şey olarak kadar sonra',
  pl: 'i w nie na się z że do to jest jak ale co tak od po za dla już mnie ja ty jestem jego było',
  sv: 'och att det som en är på för med jag har inte av till den om men vi du var så kan ett',
}

/** Letters that on their own point at one language (weight per occurrence). */
export const DISTINCTIVE_LETTERS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  es: { ñ: 1.5, '¿': 2, '¡': 2, á: 0.3, í: 0.3, ó: 0.3, ú: 0.3 },
  pt: { ã: 1.5, õ: 1.5, ç: 0.6, â: 0.5, ê: 0.5, ô: 0.5, á: 0.2, ó: 0.2 },
  fr: { è: 0.8, ê: 0.5, à: 0.5, ç: 0.6, ù: 1, û: 1, î: 1, ï: 1, œ: 1.5, ë: 0.5, é: 0.3 },
  de: { ß: 2, ä: 0.8, ö: 0.6, ü: 0.8 },
  it: { ò: 1, ì: 1, è: 0.4, à: 0.4, ù: 0.5 },
  tr: { ı: 2, ğ: 2, ş: 2, ç: 0.3, ö: 0.3, ü: 0.3 },
  pl: { ł: 2, ą: 2, ę: 2, ś: 1.5, ź: 1.5, ż: 1.5, ć: 1.5, ń: 1.5 },
  sv: { å: 1.5, ä: 0.4, ö: 0.4 },
}
