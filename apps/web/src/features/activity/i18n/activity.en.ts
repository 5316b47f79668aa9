import type { activityEsCO } from './activity.es-co.ts'

// English texts of the activity feed: the `activity` block of en.ts (same shape as Spanish).
export const activityEn: typeof activityEsCO = {
  title: 'Activity',
  subtitle: 'Who did what, and when, in the organization.',
  section: 'Activity',
  timelineLabel: 'Activity timeline',
  empty: 'No activity yet',
  emptyHint: 'Announcements, assemblies, votes and tasks will show up here as they happen.',
  loadMore: 'Show more',
  forbidden: "You can't see this organization's activity.",
  system: 'Minga',
  formerMember: 'A former member',
  filter: 'Show',
  filterAll: 'Everything',
  entityTypes: {
    announcement: 'Announcements',
    assembly: 'Assemblies',
    board: 'Boards',
    motion: 'Assembly votes',
    poll: 'Polls',
    task: 'Tasks',
  },
  verbs: {
    announcement: {
      published: '{{actor}} published the announcement “{{title}}”',
      published_untitled: '{{actor}} published an announcement',
    },
    assembly: {
      convened: '{{actor}} convened the assembly “{{title}}”',
      convened_untitled: '{{actor}} convened an assembly',
      started: '{{actor}} opened the assembly “{{title}}”',
      started_untitled: '{{actor}} opened an assembly',
      closed: '{{actor}} closed the assembly “{{title}}”',
      closed_untitled: '{{actor}} closed an assembly',
    },
    motion: {
      opened: '{{actor}} opened the vote “{{title}}”',
      opened_untitled: '{{actor}} opened a vote',
      closed: '{{actor}} closed the vote “{{title}}”',
      closed_untitled: '{{actor}} closed a vote',
      published: '{{actor}} published the results of “{{title}}”',
      published_untitled: '{{actor}} published the results of a vote',
    },
    poll: {
      closed: '{{actor}} closed the poll “{{title}}”',
      closed_untitled: '{{actor}} closed a poll',
    },
    task: {
      changed: '{{actor}} updated the task “{{title}}”',
      changed_untitled: '{{actor}} updated a task',
    },
    other: '{{actor}} made a change',
  },
}
