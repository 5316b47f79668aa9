import type { EventHandlerDef } from '../../platform/events/event-bus.ts'
import { memberDirectory } from '../../platform/tenancy/tenancy.service.ts'
import { listElectorate } from '../units/index.ts'
import { ASSEMBLY_CONVENED } from './assemblies.events.ts'
import * as repo from './assemblies.repository.ts'

const bogota = new Intl.DateTimeFormat('es-CO', {
  timeZone: 'America/Bogota',
  dateStyle: 'full',
  timeStyle: 'short',
})

export function convocationText(input: {
  name: string
  title: string
  kind: 'ordinary' | 'extraordinary'
  firstCallAt: Date
  secondCallAt: Date | null
  agenda: readonly string[]
}): string {
  const kind = input.kind === 'ordinary' ? 'ordinaria' : 'extraordinaria'
  return [
    `Hola ${input.name}:`,
    '',
    `Está convocado(a) a la asamblea ${kind} «${input.title}».`,
    `Primera convocatoria: ${bogota.format(input.firstCallAt)} (hora de Bogotá).`,
    ...(input.secondCallAt
      ? [`Si no hay quórum, segunda convocatoria: ${bogota.format(input.secondCallAt)}.`]
      : []),
    '',
    'Orden del día:',
    ...input.agenda.map((item, i) => `${i + 1}. ${item}`),
    '',
    'Si no puede asistir, puede otorgar un poder escrito a otra persona; preséntelo en el registro de asistencia.',
    'Puede votar desde su teléfono entrando a Minga el día de la asamblea.',
  ].join('\n')
}

/**
 * Emails the convocation to each unit's voting representative (the holder's email, else the email of
 * the member account linked to the holder), once per address, after the convening commit.
 */
export const convocationMailHandler: EventHandlerDef = {
  name: 'assemblies.mail-convocation',
  on: [ASSEMBLY_CONVENED],
  async handle(ctx, event, { mailer }) {
    const assembly = await repo.findAssembly(ctx, String(event.payload.assemblyId))
    if (!assembly) return
    const agenda = (await repo.listAgenda(ctx, assembly.id)).map((item) => item.title)
    const members = await memberDirectory(ctx)
    const recipients = new Map<string, string>()
    for (const { voter } of await listElectorate(ctx)) {
      const email = voter?.email ?? (voter?.userId ? members.get(voter.userId)?.email : undefined)
      if (voter && email && !recipients.has(email.toLowerCase()))
        recipients.set(email.toLowerCase(), voter.name)
    }
    for (const [email, name] of recipients) {
      await mailer.send({
        to: email,
        subject: `Convocatoria: ${assembly.title}`,
        text: convocationText({
          name,
          title: assembly.title,
          kind: assembly.kind,
          firstCallAt: assembly.firstCallAt,
          secondCallAt: assembly.secondCallAt,
          agenda,
        }),
      })
    }
  },
}
