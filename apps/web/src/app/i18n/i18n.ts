import { createInstance } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en.ts'
import { esCO } from './es-co.ts'

export const languages = ['es-CO', 'en'] as const
export type Language = (typeof languages)[number]
export const defaultLanguage: Language = 'es-CO'

const storageKey = 'minga.language'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value)
}

/** The language saved by the language switch, or Spanish (Colombia). */
export function storedLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(storageKey)
    return isLanguage(saved) ? saved : defaultLanguage
  } catch {
    return defaultLanguage
  }
}

/** One i18next instance for the whole app; the API client reads its language for Accept-Language. */
export const i18n = createInstance()

void i18n.use(initReactI18next).init({
  resources: { 'es-CO': { translation: esCO }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
})

syncDocumentLanguage(i18n.language)
i18n.on('languageChanged', syncDocumentLanguage)

function syncDocumentLanguage(language: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = language
}

/** Switch the UI language and remember it in localStorage. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(storageKey, language)
  } catch {
    // storage may be unavailable (private mode); the switch still applies to this tab
  }
  await i18n.changeLanguage(language)
}

/** The current UI language, narrowed to the supported list. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : defaultLanguage
}

/** Short language code used by the server's module catalog labels (`es`, `en`). */
export function catalogLanguage(language: string): 'es' | 'en' {
  return language.startsWith('en') ? 'en' : 'es'
}
