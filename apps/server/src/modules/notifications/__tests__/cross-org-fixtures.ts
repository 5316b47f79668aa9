/**
 * For the platform's generated cross-org suite (platform/access/__tests__/cross-org.int.test.ts): a valid
 * body for the one notifications route that writes under an id. Inbox rows have no create route (only
 * notify() makes them), so the suite's sample id stands for org B's row; the isolation of real rows
 * between users and orgs is covered in notifications.int.test.ts.
 */
export const notificationsCrossOrgBodies = (): Record<string, object> => ({
  'PATCH /api/v1/orgs/:org/notifications/:id': { read: true },
})
