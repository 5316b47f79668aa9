import type { ModuleManifest } from '../../platform/module-manifest.ts'
import { registerScorecardRoutes } from './scorecards.routes.ts'

export { myScorecard, orgScorecard } from './scorecards.service.ts'

/**
 * Scorecards (governance.md §5): attendance, quorum, turnout, poll participation, task reliability and
 * participation breadth, computed by the assemblies domain from the facts the assemblies, polls and
 * tasks modules export. Registers only (who attended, who voted): never a secret-ballot choice.
 */
export const scorecardsModule: ModuleManifest = {
  key: 'scorecards',
  label: { es: 'Indicadores', en: 'Scorecards' },
  description: {
    es: 'Indicadores de participación: asistencia, quórum, votación, encuestas y tareas.',
    en: 'Participation KPIs: attendance, quorum, turnout, polls and tasks.',
  },
  defaultFor: ['housing'],
  permissions: [
    {
      key: 'scorecards:read',
      label: { es: 'Ver los indicadores de la organización', en: "Read the organization's scorecards" },
      roles: ['owner', 'admin'],
    },
  ],
  routes: registerScorecardRoutes,
}
