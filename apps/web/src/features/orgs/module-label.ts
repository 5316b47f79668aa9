import type { i18n as I18n } from 'i18next'
import { catalogLanguage } from '../../app/i18n/i18n.ts'
import type { ModuleInfo } from './orgs-api.ts'

/**
 * A module's name in the current language: the server's catalog first, then the i18n key
 * `modules.<key>`, then the key itself.
 */
export function moduleLabel(key: string, catalog: readonly ModuleInfo[] | undefined, i18n: I18n): string {
  const fromCatalog = catalog?.find((module) => module.key === key)?.label[catalogLanguage(i18n.language)]
  if (fromCatalog) return fromCatalog
  const i18nKey = `modules.${key}`
  return i18n.exists(i18nKey) ? String(i18n.t(i18nKey as 'modules.people')) : key
}
