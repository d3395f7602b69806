/**
 * Valence of common emoji on VADER's −4 … +4 scale, language-independent. Assigned for this package
 * from each emoji's conventional meaning (faces, hearts, gestures, celebration, illness); emoji not
 * listed are neutral. Keys are single code points (skin tones and variation selectors are stripped
 * by the tokenizer).
 */
const GROUPS: readonly (readonly [number, string])[] = [
  [3, '😍🥰😘❤💕💖💗💓💞💘💝😻🤩🥳💯🏆🫶'],
  [2.6, '😂🤣😁😄😃😆😊☺🙌👏🎉🎊💜💙💚💛🧡🤍🤎🖤♥♡😀🙏💪🔥✨🌹🌸🌺🌷💐🎁🎂🥂🍾👑💃🕺🤗😇🥹🤝'],
  [2, '😋😎😜😝😛🤪😉👍👌✌🤘🤙😺😸😹🌈☀🌞⭐🌟🙂🤓😌😏🍀🎶🎵💫🤞✅🆒🆗'],
  [1, '😅🙃😗😙😚🤭🤤😴💤🍕🍻🍺🍷☕🍰🎈🥲🙈'],
  [-1, '😐😑😶🤨🙄😬😳😯😮😲🤔🤐😪🥴🤷🤦❓❗🫠🥱'],
  [-1.8, '😕😟🙁☹😔😞😒😓😥😩😫🥺😰😨🤧🤒🤕😷💔👎🥶🥵🤡🦠'],
  [-2.5, '😢😭😿😤😠🤬😡👿😈💀☠🤮🤢😖😣😱😵🙀🚑⚰💩🖕❌⛔🚫'],
]

export const EMOJI_VALENCE: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>()
  for (const [valence, chars] of GROUPS) {
    for (const ch of chars) map.set(ch, valence)
  }
  return map
})()

/**
 * Emoticons missing from VADER's lexicon, or whose case matters: "D:" is dismay, while VADER's
 * lower-cased "d:" is listed as positive. Looked up before the case-folded lexicon entry.
 */
export const EMOTICON_VALENCE: ReadonlyMap<string, number> = new Map([
  ['D:', -2.2],
  ['D=', -2.2],
  ['D;', -2.2],
  ['T_T', -2.2],
  ['T.T', -2.2],
  [';_;', -2.2],
  ['-_-', -1],
  ['^_^', 2],
  ['^^', 1.8],
  ['^.^', 2],
  [';p', 1],
  [';P', 1],
  // Variants of listed faces, valued like them (":(" −1.9, ":[" −2, ":s" −1.2, ">.<" −1.3).
  ['=(', -1.9],
  ['=[', -2],
  [':-S', -1.2],
  [':-s', -1.2],
  ['>_<', -1.3],
  ['x_x', -1.3],
  ['X_X', -1.3],
])
