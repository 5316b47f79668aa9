import type { ModuleManifest } from '../../platform/module-manifest.ts'
import {
  ASSEMBLY_QUORUM_CHANGED,
  MOTION_CLOSED,
  MOTION_OPENED,
  MOTION_PUBLISHED,
} from './assemblies.events.ts'
import { registerAssemblyRoutes } from './assemblies.routes.ts'
import { seedAssembliesDemo } from './assemblies.seed.ts'
import { convocationMailHandler } from './convocation-mail.ts'
import { registerMotionRoutes } from './motions.routes.ts'

export {
  ASSEMBLY_CLOSED,
  ASSEMBLY_CONVENED,
  ASSEMBLY_QUORUM_CHANGED,
  ASSEMBLY_STARTED,
  MOTION_CLOSED,
  MOTION_OPENED,
  MOTION_PUBLISHED,
  MOTION_TALLY_CHANGED,
} from './assemblies.events.ts'
export { assemblyScorecardFacts } from './scorecard.ts'

/**
 * Assemblies (asambleas): convocation, attendance and live quorum, poderes, motions with majority rules
 * as data, secret and named ballots (exactly one per unit), a hash-chained log and the acta.
 */
export const assembliesModule: ModuleManifest = {
  key: 'assemblies',
  label: { es: 'Asambleas', en: 'Assemblies' },
  description: {
    es: 'Asambleas con convocatoria, quórum en vivo, poderes, votaciones secretas o nominales y acta.',
    en: 'Assemblies with convocation, live quorum, proxies, secret or named votes and minutes.',
  },
  // Housing only until the people module (issue 4) gives savings co-ops their asociados hábiles: the
  // electorate is the units module's, which a savings co-op does not have.
  defaultFor: ['housing'],
  permissions: [
    {
      key: 'assemblies:read',
      label: { es: 'Ver asambleas', en: 'Read assemblies' },
      roles: ['owner', 'admin', 'member'],
    },
    {
      key: 'assemblies:vote',
      label: { es: 'Votar en asambleas', en: 'Vote in assemblies' },
      roles: ['owner', 'admin', 'member'],
    },
    {
      key: 'assemblies:manage',
      label: { es: 'Administrar asambleas', en: 'Manage assemblies' },
      roles: ['owner', 'admin'],
    },
  ],
  routes(app) {
    registerAssemblyRoutes(app)
    registerMotionRoutes(app)
  },
  eventHandlers: [
    convocationMailHandler,
    {
      // After commit: the live quorum screen refetches.
      name: 'assemblies.push-quorum',
      urgent: true,
      on: [ASSEMBLY_QUORUM_CHANGED],
      async handle(_ctx, event, { realtime }) {
        realtime.emitToOrg(event.orgId, ASSEMBLY_QUORUM_CHANGED, { assemblyId: event.payload.assemblyId })
      },
    },
    {
      name: 'assemblies.push-motion-state',
      urgent: true,
      on: [MOTION_OPENED, MOTION_CLOSED, MOTION_PUBLISHED],
      async handle(_ctx, event, { realtime }) {
        realtime.emitToOrg(event.orgId, event.type, {
          assemblyId: event.payload.assemblyId,
          motionId: event.payload.motionId,
        })
      },
    },
  ],
  seedDemo: seedAssembliesDemo,
}
