import type { AssemblyQuorumSnapshot, MotionResult } from '@minga/contracts'
import PDFDocument from 'pdfkit'
import type { ServiceContext } from '../../platform/service-context.ts'
import * as repo from './assemblies.repository.ts'
import { assemblyOr404, orgOf } from './assemblies.service.ts'
import { formatCoefficient, seatsEverPresent } from './domain/index.ts'
import { rulesOf } from './motions.mapping.ts'
import { listMotions } from './motions.repository.ts'
import { attendeeIdOf } from './quorum.service.ts'

const KIND = { ordinary: 'Ordinaria', extraordinary: 'Extraordinaria' } as const
const MODALITY = {
  presential: 'Presencial',
  virtual: 'Virtual',
  mixed: 'Mixta',
  written: 'Por escrito',
} as const
const FRAMEWORK = {
  'horizontal-property': 'Propiedad horizontal (Ley 675 de 2001)',
  cooperative: 'Cooperativa (Ley 79 de 1988)',
} as const
const OUTCOME = {
  approved: 'Aprobada',
  rejected: 'No aprobada',
  tie: 'Empate',
  'no-quorum': 'Sin quórum',
} as const
const BASIS = {
  coefficient: 'coeficiente',
  unit: 'una unidad, un voto',
  head: 'una persona, un voto',
  delegate: 'delegados',
} as const
const DENOMINATOR: Record<string, string> = {
  present: 'de lo presente',
  'votes-cast': 'de los votos emitidos',
  'votes-cast-excluding-abstentions': 'de los votos emitidos sin abstenciones',
  total: 'del total',
}

function when(date: Date | null, timeZone: string) {
  if (!date) return '—'
  return new Intl.DateTimeFormat('es-CO', { timeZone, dateStyle: 'long', timeStyle: 'short' }).format(date)
}

const pct = (weight: number) => `${formatCoefficient(weight)} %`

function quorumLine(label: string, q: AssemblyQuorumSnapshot | null) {
  if (!q) return `${label}: —`
  const c = q.count
  return `${label}: ${c.presentSeats} de ${c.eligibleSeats} unidades (${c.presentByHolder} titular, ${c.presentByProxy} poder), coeficiente ${pct(c.presentWeight)} de ${pct(c.totalWeight)}; quórum ${q.verdict.met ? 'sí' : 'no'}`
}

/**
 * The acta (minutes) as a PDF: assembly data, attendance (sorted by unit, never arrival order), poderes,
 * each motion with its quorum at open and close, rule, result and outcome, and the head of the log.
 */
export async function renderActa(ctx: ServiceContext, id: string, options: { compress?: boolean } = {}) {
  const assembly = await assemblyOr404(ctx, id)
  const org = await orgOf(ctx)
  const tz = org.timezone
  const agenda = await repo.listAgenda(ctx, id)
  const electorate = await repo.listElectorateSnapshot(ctx, id)
  const attendance = await repo.listAttendance(ctx, id)
  const proxies = await repo.listProxies(ctx, id)
  const motions = await listMotions(ctx, id)
  const codes = new Map(electorate.map((s) => [s.unitId, s]))

  const doc = new PDFDocument({ size: 'LETTER', margin: 56, compress: options.compress ?? true })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))

  const heading = (text: string) =>
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(text).font('Helvetica').fontSize(10)
  doc.font('Helvetica-Bold').fontSize(16).text(`Acta de asamblea — ${org.name}`)
  doc.font('Helvetica').fontSize(10).moveDown(0.3)
  doc.text(assembly.title)
  doc.text(
    `Asamblea ${KIND[assembly.kind].toLowerCase()} · ${MODALITY[assembly.modality]} · ${FRAMEWORK[assembly.legalFramework]}`,
  )
  doc.text(`Primera convocatoria: ${when(assembly.firstCallAt, tz)}`)
  doc.text(`Segunda convocatoria: ${when(assembly.secondCallAt, tz)}`)
  doc.text(
    `Convocatoria enviada: ${assembly.noticeSentOn ?? '—'} · Sesión bajo ${assembly.currentCall === 'second' ? 'segunda' : 'primera'} convocatoria`,
  )
  doc.text(`Instalada: ${when(assembly.startedAt, tz)} · Cerrada: ${when(assembly.closedAt, tz)}`)

  heading('Orden del día')
  for (const item of agenda) doc.text(`${item.position}. ${item.title}`)

  heading('Asistencia')
  const everPresent = seatsEverPresent(
    attendance.map((a) => ({
      seq: a.seq,
      kind: a.kind,
      seatId: a.unitId,
      via: a.via,
      attendeeId: attendeeIdOf(a),
    })),
  )
  const rows = everPresent
    .map((unitId) => {
      const last = attendance.filter((a) => a.unitId === unitId && a.kind === 'check-in').at(-1)
      return { seat: codes.get(unitId), last }
    })
    .filter((r) => r.seat !== undefined)
    .sort((a, b) => (a.seat!.code < b.seat!.code ? -1 : 1))
  let presentWeight = 0
  for (const { seat, last } of rows) {
    presentWeight += seat!.coefficient
    const via = last?.via === 'proxy' ? 'por poder' : 'titular'
    doc.text(`${seat!.code} — ${pct(seat!.coefficient)} — ${via}: ${last?.attendeeName ?? ''}`)
  }
  const totalWeight = electorate.reduce((s, e) => s + e.coefficient, 0)
  doc.text(
    `Unidades que asistieron: ${rows.length} de ${electorate.length}; coeficiente ${pct(presentWeight)} de ${pct(totalWeight)}`,
  )

  heading('Poderes')
  if (proxies.length === 0) doc.text('Ninguno.')
  for (const p of proxies) {
    const scope =
      p.scope.kind === 'whole-assembly'
        ? 'toda la asamblea'
        : `${p.scope.agendaItemIds.length} punto(s) del orden del día`
    const state = p.revokedAt ? ` (revocado ${when(p.revokedAt, tz)})` : ''
    doc.text(`${codes.get(p.grantorUnitId)?.code ?? ''} → ${p.holderName}, ${scope}${state}`)
  }

  heading('Votaciones')
  for (const m of motions) {
    const rules = rulesOf(m, assembly)
    const item = agenda.find((a) => a.id === m.agendaItemId)
    doc
      .moveDown(0.4)
      .font('Helvetica-Bold')
      .text(`${item ? `${item.position}. ` : ''}${m.title}`)
      .font('Helvetica')
    doc.text(
      `Base: ${BASIS[m.basis]} · Método: ${m.method} · Votación ${m.secrecy === 'secret' ? 'secreta' : 'nominal'} · Regla: ${rules.majority.id}`,
    )
    for (const c of rules.majority.conditions) {
      doc.text(
        `  ${c.measure === 'weight' ? 'peso' : 'unidades'} ${c.comparison === 'gt' ? 'más de' : 'al menos'} ${c.threshold.numerator}/${c.threshold.denominator} ${DENOMINATOR[c.denominator] ?? c.denominator}`,
      )
    }
    doc.text(quorumLine('Quórum al abrir', m.quorumAtOpen as AssemblyQuorumSnapshot | null))
    doc.text(quorumLine('Quórum al cerrar', m.quorumAtClose as AssemblyQuorumSnapshot | null))
    const result = m.result as MotionResult | null
    if (!result) {
      doc.text(`Estado: ${m.state}; sin resultado todavía.`)
      continue
    }
    const labels = new Map(m.options.map((o) => [o.id, o.label]))
    const label = (id: string) =>
      labels.get(id) ?? ({ yes: 'Sí', no: 'No', abstain: 'Abstención' } as Record<string, string>)[id] ?? id
    for (const o of result.options) {
      const weight = m.basis === 'coefficient' ? pct(o.weight) : `${o.weight}`
      doc.text(`  ${label(o.optionId)}: ${weight} (${o.heads} unidades)`)
    }
    doc.text(
      `  Votos emitidos: ${result.cast.heads}; abstenciones: ${result.abstained.heads}. Resultado: ${OUTCOME[result.outcome]}${result.winners.length ? ` (${result.winners.map(label).join(', ')})` : ''}`,
    )
    if (m.receiptsDigest) doc.text(`  Resumen de comprobantes: ${m.receiptsDigest}`)
  }

  heading('Registro a prueba de alteraciones')
  doc.text(`Entradas: ${assembly.logSeq}`)
  doc.text(`Hash final del registro: ${assembly.logHead ?? '—'}`)
  doc.end()
  return done
}
