import type { ModuleManifest } from '../../platform/module-manifest.ts'
import {
  anonymizePerson,
  exportPersonData,
  findPersonIdByUser,
  getPersonSummary,
  setClaimInProgress,
} from '../people/index.ts'
import { usePeoplePort } from './people-port.ts'
import { privacyJobs } from './privacy.jobs.ts'
import { requestDueSoonNotificationType } from './privacy.notifications.ts'
import { registerPrivacyRoutes } from './privacy.routes.ts'

export { extendedDueDate, initialDueDate, reminderDate } from './due-dates.ts'
export { type PeoplePort, usePeoplePort } from './people-port.ts'
export { REQUEST_DUE_SOON, runDueSoonReminders } from './privacy.jobs.ts'
export {
  PRIVACY_POLICY_PUBLISHED,
  PRIVACY_REQUEST_CLOSED,
  PRIVACY_REQUEST_RECEIVED,
  personConsents,
} from './privacy.service.ts'

// The real people module behind privacy's port (tests may swap in a fake with usePeoplePort).
usePeoplePort({ getPersonSummary, setClaimInProgress, exportPersonData, anonymizePerson, findPersonIdByUser })

/**
 * Protección de datos (Ley 1581 de 2012, habeas data): versioned privacy policy, consents per purpose
 * with proof and revocation history, data-subject requests on the business-day calendar with
 * reminders, "Mis datos" export and anonymization. People live in the people module.
 */
export const privacyModule: ModuleManifest = {
  key: 'privacy',
  label: { es: 'Protección de datos', en: 'Data protection' },
  description: {
    es: 'Ley 1581: política de tratamiento, autorizaciones, consultas y reclamos con plazos legales.',
    en: 'Ley 1581: privacy policy, consents, data-subject requests with legal terms.',
  },
  defaultFor: ['savings_credit', 'housing', 'food_service', 'incubator', 'community'],
  permissions: [
    {
      key: 'privacy:read',
      label: { es: 'Ver protección de datos', en: 'Read data protection' },
      roles: ['owner', 'admin'],
    },
    {
      key: 'privacy:manage',
      label: { es: 'Gestionar protección de datos', en: 'Manage data protection' },
      roles: ['owner', 'admin'],
    },
  ],
  routes: registerPrivacyRoutes,
  notificationTypes: [requestDueSoonNotificationType],
  jobs: privacyJobs,
}
