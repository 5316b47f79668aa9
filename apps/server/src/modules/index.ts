import type { ModuleManifest } from '../platform/module-manifest.ts'
import { activityModule } from './activity/index.ts'
import { announcementsModule } from './announcements/index.ts'
import { assembliesModule } from './assemblies/index.ts'
import { documentsModule } from './documents/index.ts'
import { messagingModule } from './messaging/index.ts'
import { notificationsModule } from './notifications/index.ts'
import { peopleModule } from './people/index.ts'
import { pollsModule } from './polls/index.ts'
import { privacyModule } from './privacy/index.ts'
import { profilesModule } from './profiles/index.ts'
import { scorecardsModule } from './scorecards/index.ts'
import { tasksModule } from './tasks/index.ts'
import { unitsModule } from './units/index.ts'
import { webhooksModule } from './webhooks/index.ts'

/** The modules this server loads: the only registry. Add a module here and nowhere else. */
export const modules: ModuleManifest[] = [
  announcementsModule,
  peopleModule,
  unitsModule,
  assembliesModule,
  pollsModule,
  tasksModule,
  scorecardsModule,
  notificationsModule,
  webhooksModule,
  messagingModule,
  activityModule,
  privacyModule,
  documentsModule,
  profilesModule,
]
