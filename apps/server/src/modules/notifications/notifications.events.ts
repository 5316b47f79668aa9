/** A notify() request committed: fan out now (or, when scheduled, at its send time). */
export const NOTIFICATION_REQUESTED = 'notification.requested'
/** A scheduled request reached its send time (recorded by the sweep job). */
export const NOTIFICATION_DUE = 'notification.due'
/** A recipient's webhook channel is on: the webhooks module (subscribed to every event) delivers it. */
export const NOTIFICATION_WEBHOOK = 'notification.webhook'
/** The realtime event a recipient's sockets receive. */
export const REALTIME_NOTIFICATION_CREATED = 'notification.created'
/** A push delivery is ready (recorded by the fan-out or the sweep): the push handler queues one job per device. */
export const NOTIFICATION_PUSH = 'notification.push'
