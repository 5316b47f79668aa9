import PDFDocument from 'pdfkit'
import { recordAudit } from '../../platform/audit/audit.ts'
import { bogotaDate } from '../../platform/calendar/index.ts'
import { notFound } from '../../platform/http/app-error.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { people } from './people-port.ts'
import * as repo from './privacy.repository.ts'
import { personConsents, toRequestDto } from './privacy.service.ts'

/**
 * "Mis datos" (Ley 1581 art. 8): everything the org holds about a person — the people module's record
 * plus this module's consents and requests. Every export is audited: it discloses personal data.
 */
/** The caller's own person record: 404 when their account is linked to none in this org. */
export async function ownPersonId(ctx: ServiceContext): Promise<string> {
  const personId = ctx.actor.userId ? await people().findPersonIdByUser(ctx, ctx.actor.userId) : null
  if (!personId) throw notFound('Person linked to your account')
  return personId
}

export async function exportMyData(ctx: ServiceContext, personId: string) {
  if (!(await people().getPersonSummary(ctx, personId))) throw notFound('Person')
  const person = await people().exportPersonData(ctx, personId)
  const consents = await personConsents(ctx, personId)
  const today = bogotaDate(ctx.now)
  const requests = (await repo.requestsOfPerson(ctx, personId)).map((r) => toRequestDto(r, today))
  await recordAudit(ctx, {
    action: 'privacy.data_exported',
    entityType: 'person',
    entityId: personId,
    after: { exportedBy: ctx.actor.userId },
  })
  return {
    generatedAt: ctx.now.toISOString(),
    person,
    privacy: { consents: consents.history, currentConsents: consents.current, requests },
  }
}

function writeValue(doc: PDFKit.PDFDocument, label: string, value: unknown, depth: number) {
  const indent = 56 + depth * 14
  if (value !== null && typeof value === 'object') {
    doc.font('Helvetica-Bold').text(label, indent).font('Helvetica')
    const entries = Array.isArray(value)
      ? value.map((v, i) => [`#${i + 1}`, v] as const)
      : Object.entries(value)
    if (entries.length === 0) doc.text('—', indent + 14)
    for (const [key, inner] of entries) writeValue(doc, key, inner, depth + 1)
    return
  }
  doc.text(`${label}: ${value === null || value === undefined ? '—' : String(value)}`, indent)
}

/** The same export as a PDF the person can keep. */
export async function exportMyDataPdf(ctx: ServiceContext, personId: string): Promise<Buffer> {
  const data = await exportMyData(ctx, personId)
  const doc = new PDFDocument({ size: 'LETTER', margin: 56 })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  doc.font('Helvetica-Bold').fontSize(16).text('Mis datos personales')
  doc.font('Helvetica').fontSize(9).text(`Generado: ${data.generatedAt} · Ley 1581 de 2012`).moveDown()
  doc.fontSize(10)
  writeValue(doc, 'Datos personales', data.person, 0)
  doc.moveDown()
  writeValue(doc, 'Autorizaciones (historial)', data.privacy.consents, 0)
  doc.moveDown()
  writeValue(doc, 'Solicitudes', data.privacy.requests, 0)
  doc.end()
  return done
}
