import type { ModuleManifest } from '../../platform/module-manifest.ts'
import { peopleImportJobs } from './import/import.jobs.ts'
import { registerPeopleRoutes } from './people.routes.ts'

export { DANE_DEPARTMENTS } from './domain/dane.ts'
export { DIAN_DOCUMENT_CODE, DOCUMENT_TYPES, type DocumentType, parseDocument } from './domain/documents.ts'
export { PEOPLE_IMPORTED } from './import/import.process.ts'
export { reencryptPeople } from './people.reencrypt.ts'
export {
  anonymizePerson,
  exportPersonData,
  findPersonIdByUser,
  getPersonSummary,
  PERSON_CREATED,
  PERSON_STATUS_CHANGED,
  type PersonSummary,
  setClaimInProgress,
} from './people.service.ts'

/**
 * People (personas): the org's registry of natural persons and legal entities, with Colombian
 * document validation, encrypted sensitive fields, status lifecycle, family and beneficiaries.
 */
export const peopleModule: ModuleManifest = {
  key: 'people',
  label: { es: 'Personas', en: 'People' },
  description: {
    es: 'Registro de asociados y terceros: documentos, contacto, datos laborales, beneficiarios y estados.',
    en: 'Registry of members and third parties: documents, contact, employment, beneficiaries and status.',
  },
  defaultFor: ['savings_credit', 'housing', 'food_service', 'incubator', 'community'],
  permissions: [
    {
      key: 'people:read',
      label: { es: 'Ver personas', en: 'Read people' },
      roles: ['owner', 'admin'],
    },
    {
      key: 'people:write',
      label: { es: 'Registrar y editar personas', en: 'Register and edit people' },
      roles: ['owner', 'admin'],
    },
    {
      key: 'people:read_sensitive',
      label: {
        es: 'Ver datos sensibles (documento, teléfonos, salario)',
        en: 'Read sensitive data (document, phones, salary)',
      },
      roles: ['owner', 'admin'],
    },
  ],
  routes: registerPeopleRoutes,
  jobs: peopleImportJobs,
}
