import { z } from 'zod'
import { PageQuery, pageOf } from './pagination.ts'

/** Entities a document may be attached to (the generic link). */
export const DocumentEntityType = z.enum(['person', 'loan', 'project', 'meeting', 'org'])
export type DocumentEntityType = z.infer<typeof DocumentEntityType>

export const DocumentType = z.enum(['cedula', 'rut', 'certificado_laboral', 'hoja_de_vida', 'pagare', 'otro'])
export type DocumentType = z.infer<typeof DocumentType>

/** Spanish labels of the fixed document types. */
export const documentTypeLabels: Record<DocumentType, string> = {
  cedula: 'Cédula',
  rut: 'RUT',
  certificado_laboral: 'Certificado laboral',
  hoja_de_vida: 'Hoja de vida',
  pagare: 'Pagaré',
  otro: 'Otro',
}

export const DocumentVisibility = z.enum(['private', 'roles', 'org', 'public'])
export type DocumentVisibility = z.infer<typeof DocumentVisibility>

export const DocumentVersion = z
  .object({
    id: z.uuid(),
    versionNumber: z.number().int(),
    isLatest: z.boolean(),
    fileId: z.uuid(),
    originalName: z.string(),
    mimeType: z.string(),
    size: z.number().int(),
    uploadedBy: z.uuid().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'DocumentVersion' })
export type DocumentVersion = z.infer<typeof DocumentVersion>

export const Document = z
  .object({
    id: z.uuid(),
    entityType: DocumentEntityType,
    entityId: z.uuid(),
    documentType: DocumentType,
    title: z.string(),
    description: z.string().nullable(),
    visibility: DocumentVisibility,
    visibleToRoles: z.array(z.string()),
    uploadedBy: z.uuid().nullable(),
    versionCount: z.number().int(),
    latest: DocumentVersion,
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Document' })
export type Document = z.infer<typeof Document>

export const DocumentWithVersions = Document.extend({ versions: z.array(DocumentVersion) }).meta({
  id: 'DocumentWithVersions',
})
export type DocumentWithVersions = z.infer<typeof DocumentWithVersions>

export const DocumentPage = pageOf(Document)
export type DocumentPage = z.infer<typeof DocumentPage>
export const DocumentParams = z.object({ id: z.uuid() })

const roleKeys = z.array(z.string().trim().min(1).max(64)).max(20)

/** The text fields of the multipart create form (the file goes in part `file`). */
export const CreateDocumentFields = z.strictObject({
  entityType: DocumentEntityType,
  entityId: z.uuid(),
  documentType: DocumentType,
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).optional(),
  visibility: DocumentVisibility.default('org'),
  /** Comma-separated role keys in the form; required non-empty when visibility is `roles`. */
  visibleToRoles: roleKeys.default([]),
})
export type CreateDocumentFields = z.infer<typeof CreateDocumentFields>

export const UpdateDocument = z.strictObject({
  documentType: DocumentType.optional(),
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  visibility: DocumentVisibility.optional(),
  visibleToRoles: roleKeys.optional(),
})
export type UpdateDocument = z.infer<typeof UpdateDocument>

export const DocumentQuery = PageQuery.extend({
  entityType: DocumentEntityType.optional(),
  entityId: z.uuid().optional(),
  q: z.string().trim().min(1).max(200).optional(),
})
export type DocumentQuery = z.infer<typeof DocumentQuery>

export const DocumentLink = z.object({ url: z.string(), expiresAt: z.string() })
export type DocumentLink = z.infer<typeof DocumentLink>
