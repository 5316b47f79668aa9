import type { esCO } from './es-co.ts'

// Type-checks every t('key') against the Spanish resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof esCO }
  }
}
