import type { ModuleManifest } from '../../platform/module-manifest.ts'
import { registerDocumentRoutes } from './documents.routes.ts'

export {
  createDocument,
  DOCUMENT_MIME_TYPES,
  getDocument,
  listDocuments,
  type UploadedFile,
} from './documents.service.ts'

/**
 * Documents: files with versions, visibility and Spanish full-text search, attached to any entity
 * (a person, later a loan, project or meeting) through a generic link. See docs/modules/documents.md.
 */
export const documentsModule: ModuleManifest = {
  key: 'documents',
  label: { es: 'Documentos', en: 'Documents' },
  description: {
    es: 'Documentos con versiones, visibilidad y búsqueda: cédulas, RUT, certificados, hojas de vida, pagarés.',
    en: 'Versioned documents with visibility and search: IDs, RUT, certificates, CVs, promissory notes.',
  },
  defaultFor: ['savings_credit', 'housing', 'food_service', 'incubator', 'community'],
  permissions: [
    {
      key: 'documents:read',
      label: { es: 'Ver documentos', en: 'Read documents' },
      roles: ['owner', 'admin', 'member'],
    },
    {
      key: 'documents:write',
      label: { es: 'Subir y editar documentos', en: 'Upload and edit documents' },
      roles: ['owner', 'admin'],
    },
  ],
  routes: registerDocumentRoutes,
}
