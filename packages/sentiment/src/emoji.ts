/**
 * Valence of common emoji on VADER's −4 … +4 scale, language-independent. Assigned for this package
 * from each emoji's conventional meaning (faces, hearts, gestures, celebration, illness); emoji not
 * listed are neutral. Keys are single code points (skin tones and variation selectors are stripped
 * by the tokenizer).
 */
const GROUPS: readonly (readonly [number, string])[] = [
  [3, '😍🥰😘❤💕💖💗💓💞💘💝😻🤩🥳💯🏆'],
  [2.6, '😂🤣😁😄😃😆😊☺🙌👏🎉🎊💜💙💚💛🧡🤍🤎🖤♥♡😀🙏💪🔥✨🌹🌸🌺🌷💐🎁🎂🥂🍾👑💃🕺🤗😇'],
  [2, '😋😎😜😝😛🤪😉👍👌✌🤘🤙😺😸😹🌈☀🌞⭐🌟🙂🤓😌😏🍀🎶🎵💫🤞✅🆒🆗'],
  [1, '😅🙃😗😙😚🤭🤤😴💤🍕🍻🍺🍷☕🍰🎈'],
  [-1, '😐😑😶🤨🙄😬😳😯😮😲🤔🤐😪🥴🤷🤦❓❗'],
  [-1.8, '😕😟🙁☹😔😞😒😓😥😩😫🥺😰😨🤧🤒🤕😷💔👎🥶🥵'],
  [-2.5, '😢😭😿😤😠🤬😡👿😈💀☠🤮🤢😖😣😱😵🙀🚑⚰💩🖕❌⛔🚫'],
]

export const EMOJI_VALENCE: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>()
  for (const [valence, chars] of GROUPS) {
    for (const ch of chars) map.set(ch, valence)
  }
  return map
})()
