// Every table Drizzle knows, platform and modules: drizzle-kit generates migrations from this file.
export * from '../../modules/activity/activity.tables.ts'
export * from '../../modules/announcements/announcements.tables.ts'
export * from '../../modules/assemblies/assemblies.tables.ts'
export * from '../../modules/documents/documents.tables.ts'
export * from '../../modules/messaging/messaging.tables.ts'
export * from '../../modules/notifications/notifications.tables.ts'
export * from '../../modules/people/import/import.tables.ts'
export * from '../../modules/people/people.tables.ts'
export * from '../../modules/polls/polls.tables.ts'
export * from '../../modules/privacy/privacy.tables.ts'
export * from '../../modules/profiles/profiles.tables.ts'
export * from '../../modules/tasks/tasks.tables.ts'
export * from '../../modules/units/units.tables.ts'
export * from '../../modules/webhooks/webhooks.tables.ts'
export * from '../access/access.tables.ts'
export * from '../audit/audit.tables.ts'
export * from '../auth/auth.tables.ts'
export * from '../events/events.tables.ts'
export * from '../files/files.tables.ts'
export * from '../http/idempotency.tables.ts'
export * from '../mail/mail.tables.ts'
export * from '../plans/plans.tables.ts'
export * from '../tenancy/tenancy.tables.ts'

import * as activity from '../../modules/activity/activity.tables.ts'
import * as announcements from '../../modules/announcements/announcements.tables.ts'
import * as assemblies from '../../modules/assemblies/assemblies.tables.ts'
import * as documents from '../../modules/documents/documents.tables.ts'
import * as messaging from '../../modules/messaging/messaging.tables.ts'
import * as notifications from '../../modules/notifications/notifications.tables.ts'
import * as peopleImport from '../../modules/people/import/import.tables.ts'
import * as people from '../../modules/people/people.tables.ts'
import * as polls from '../../modules/polls/polls.tables.ts'
import * as privacy from '../../modules/privacy/privacy.tables.ts'
import * as profiles from '../../modules/profiles/profiles.tables.ts'
import * as tasks from '../../modules/tasks/tasks.tables.ts'
import * as units from '../../modules/units/units.tables.ts'
import * as webhooks from '../../modules/webhooks/webhooks.tables.ts'
import * as access from '../access/access.tables.ts'
import * as audit from '../audit/audit.tables.ts'
import * as auth from '../auth/auth.tables.ts'
import * as events from '../events/events.tables.ts'
import * as files from '../files/files.tables.ts'
import * as idempotency from '../http/idempotency.tables.ts'
import * as mail from '../mail/mail.tables.ts'
import * as plans from '../plans/plans.tables.ts'
import * as tenancy from '../tenancy/tenancy.tables.ts'

export const schema = {
  ...webhooks,
  ...activity,
  ...announcements,
  ...assemblies,
  ...documents,
  ...messaging,
  ...notifications,
  ...people,
  ...peopleImport,
  ...polls,
  ...privacy,
  ...profiles,
  ...access,
  ...audit,
  ...auth,
  ...events,
  ...files,
  ...idempotency,
  ...mail,
  ...plans,
  ...tasks,
  ...tenancy,
  ...units,
}
