import type { scorecardsEsCO } from './scorecards.es-co.ts'

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

// English texts of the scorecards screens: the `scorecards` block of en.ts.
export const scorecardsEn: Shape<typeof scorecardsEsCO> = {
  title: 'Scorecards',
  subtitle: 'Participation in assemblies, votes, polls and tasks. Never computed from secret ballots.',
  tabs: { org: 'Organization', me: 'My participation' },
  from: 'From',
  to: 'To',
  rangeLabel: 'From {{from}} to {{to}}',
  noData: 'No data',
  fraction: '{{numerator}} of {{denominator}}',
  sections: {
    assemblies: 'Assemblies ({{count}})',
    polls: 'Polls ({{count}})',
    tasks: 'Tasks ({{count}})',
    participation: 'Participation',
  },
  kpis: {
    attendanceByHeads: 'Attendance by units',
    attendanceByWeight: 'Attendance by coefficient',
    proxyReliance: 'Units represented by proxy',
    quorumSuccessRate: 'Quorum on first call',
    voteTurnout: 'Turnout in decisions ({{count}})',
    pollParticipation: 'Poll participation',
    tasksOnTime: 'Tasks on time',
    breadth: 'Members who took part',
    myAttendance: 'My attendance (my units)',
  },
  maxProxies: 'Most proxies held by one person: {{count}}',
  medianOverdue: 'Median delay: {{days}} days',
  noneOverdue: 'No overdue task',
  activeMembers: '{{active}} of {{members}} members',
  openPerMember: 'Open tasks per person',
  openTasks: 'Open tasks: {{count}}',
  member: 'Person',
  open: 'Open',
  unknownMember: 'Unnamed person',
  activity: {
    title: 'My activity',
    votes: 'Votes',
    attendances: 'Attendances',
    tasksDone: 'Tasks done',
    comments: 'Comments',
  },
}
