import { describe, expect, it } from 'vitest'
import { detectLanguage } from './language.ts'

describe('detectLanguage', () => {
  it.each([
    ['LMAO, AMAZING!', 'en'],
    ['lol this is sick 😂😂 #blessed', 'en'],
    ['ugh my flu shot arm is killing me today', 'en'],
    ['I love la la land', 'en'],
    ['@anonymous No and no.', 'en'],
    ['HA HA HA HA #hahahaha', 'en'],
    ['Me encanta este hospital, el personal es muy amable', 'es'],
    ['¿Dónde está la farmacia?', 'es'],
    ['Eu não gosto disso, muito ruim', 'pt'],
    ['Je suis très content de ce service', 'fr'],
    ['Das ist nicht gut und ich bin müde', 'de'],
    ['Questo è molto bello, grazie', 'it'],
    ['Ik ben niet blij met de zorg', 'nl'],
    ['Привет, как дела?', 'ru'],
    ['Привіт, як справи? Їжа', 'uk'],
    ['مرحبا كيف حالك', 'ar'],
    ['שלום מה שלומך', 'he'],
    ['Γεια σου τι κάνεις', 'el'],
    ['今日はいい天気ですね', 'ja'],
    ['我今天很高兴', 'zh'],
    ['안녕하세요 반갑습니다', 'ko'],
    ['नमस्ते आप कैसे हैं', 'hi'],
    ['สวัสดีครับ', 'th'],
  ])('%j → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang)
  })

  it.each([
    ['', 'empty'],
    ['😂😂😂', 'emoji only'],
    ['12:30 !!! ???', 'digits and punctuation'],
    ['@anonymous http://example.com/x', 'mention and URL only'],
    ['Zzzz', 'a lone unknown word'],
  ])('%j → und (%s)', (text) => {
    expect(detectLanguage(text)).toBe('und')
  })

  it('handles hostile and huge input without throwing', () => {
    expect(detectLanguage('\ud800\udc00\u202e\u0000'.repeat(1000))).toBe('und')
    expect(detectLanguage('the cat is on the mat '.repeat(100_000))).toBe('en')
  })
})
