import type { ModuleManifest } from '../../platform/module-manifest.ts'
import { emailClosingSoon, pollJobs } from './polls.jobs.ts'
import { registerPollRoutes } from './polls.routes.ts'
import { castStance, closePollRow, createPoll, POLL_CHANGED, POLL_CLOSED } from './polls.service.ts'

export { closeDuePolls, remindClosingSoon } from './polls.jobs.ts'
export { pollScorecardFacts } from './polls.scorecard.ts'
export { POLL_CHANGED, POLL_CLOSED, POLL_CLOSING_SOON } from './polls.service.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Polls (consultas): Loomio-like async decisions between assemblies: proposal, choose, score, ranked
 * choice and dot vote, with a closing time, reminders, anonymity and results hidden until close.
 * The math is the assemblies domain's (domain/polls.ts, ranked-choice.ts).
 */
export const pollsModule: ModuleManifest = {
  key: 'polls',
  label: { es: 'Consultas', en: 'Polls' },
  description: {
    es: 'Consultas entre asambleas: propuestas, elección, puntaje, orden de preferencia y reparto de puntos.',
    en: 'Async polls between assemblies: proposals, choose, score, ranked choice and dot vote.',
  },
  defaultFor: ['housing', 'community', 'incubator', 'savings_credit'],
  permissions: [
    {
      key: 'polls:read',
      label: { es: 'Ver consultas', en: 'Read polls' },
      roles: ['owner', 'admin', 'member'],
    },
    {
      key: 'polls:vote',
      label: { es: 'Votar en consultas', en: 'Vote in polls' },
      roles: ['owner', 'admin', 'member'],
    },
    {
      key: 'polls:manage',
      label: { es: 'Crear y cerrar consultas', en: 'Create and close polls' },
      roles: ['owner', 'admin'],
    },
  ],
  routes: registerPollRoutes,
  jobs: pollJobs,
  eventHandlers: [
    {
      // Screens showing a poll refetch it; the payload carries the poll id only (no voter, no choice).
      name: 'polls.push-realtime',
      urgent: true,
      on: [POLL_CHANGED, POLL_CLOSED],
      async handle(_ctx, event, { realtime }) {
        realtime.emitToOrg(event.orgId, POLL_CHANGED, { pollId: event.payload.pollId })
      },
    },
    emailClosingSoon,
  ],
  async seedDemo(ctx) {
    await createPoll(ctx, {
      title: '¿Pintamos la fachada en marzo?',
      details:
        'El consejo propone pintar la fachada de las torres 1 y 2 en marzo, con cargo al fondo de imprevistos. ' +
        'Cotización aprobada: $48.500.000.',
      type: 'proposal',
      options: [],
      closingAt: new Date(ctx.now.getTime() + 7 * DAY_MS).toISOString(),
      anonymous: false,
      hideResultsUntilClosed: false,
      audience: 'org',
      invitedUserIds: [],
      state: 'open',
    })
    const pool = await createPoll(ctx, {
      title: 'Horario de la piscina',
      details: '¿Qué horario prefieren para la piscina los fines de semana?',
      type: 'choose',
      options: ['7:00 a. m. – 6:00 p. m.', '8:00 a. m. – 8:00 p. m.', '9:00 a. m. – 9:00 p. m.'],
      maxChoices: 1,
      closingAt: new Date(ctx.now.getTime() + 2 * DAY_MS).toISOString(),
      anonymous: false,
      hideResultsUntilClosed: false,
      audience: 'org',
      invitedUserIds: [],
      state: 'open',
    })
    await castStance(ctx, pool.id, {
      choices: [{ optionId: 'o2', score: 1 }],
      reason: 'Así los que trabajan pueden bajar en la tarde.',
    })
    await closePollRow(ctx, pool.id, 'manual')
  },
}
