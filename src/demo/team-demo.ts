/**
 * The demo team's made-up people (services/teams-demo.ts makes them real accounts):
 * five teammates, their small maps, what each shares, their news, and two team goals
 * linked to what the team holds. All names and organisations are invented.
 */
import type { NetworkKind, NetworkRole, PersonCategory } from '../core/vocabulary.js';

export interface DemoNetwork {
  name: string;
  kind: NetworkKind;
  role: NetworkRole;
  strength: number;
  hours: number;
}
export interface DemoPerson {
  name: string;
  organisation: string;
  category: PersonCategory;
  strength: number;
  network?: string;
}
export interface DemoMember {
  name: string;
  networks: DemoNetwork[];
  people: DemoPerson[];
  news: { daysAgo: number; kind: 'learned' | 'opportunity' | 'event' | 'person'; text: string; goal?: number; network?: string }[];
}

export const DEMO_TEAM_MEMBERS: readonly DemoMember[] = [
  {
    name: 'Bea Costa',
    networks: [
      { name: 'Physio Society', kind: 'professional-body', role: 'committee', strength: 4, hours: 3 },
      { name: 'Research Unit Journal Club', kind: 'interest-group', role: 'member', strength: 3, hours: 2 },
    ],
    people: [
      { name: 'Dr Rosa Jiménez', organisation: 'Hospital Norte', category: 'leader-in-field', strength: 4, network: 'Physio Society' },
      { name: 'Tom Reed', organisation: 'Uni Lisboa', category: 'author-blogger', strength: 3 },
    ],
    news: [{ daysAgo: 3, kind: 'event', text: 'The society holds a grant-writing day in March; two places left', goal: 0, network: 'Physio Society' }],
  },
  {
    name: 'Carl Dias',
    networks: [
      { name: 'Physio Society', kind: 'professional-body', role: 'member', strength: 2, hours: 1 },
      { name: 'Data Science Meetup', kind: 'interest-group', role: 'member', strength: 3, hours: 2 },
    ],
    people: [
      { name: 'Dr Rosa Jiménez', organisation: 'Hospital Norte', category: 'leader-in-field', strength: 2 },
      { name: 'Ines Faria', organisation: 'DataCo', category: 'unrelated-industry', strength: 4, network: 'Data Science Meetup' },
    ],
    news: [{ daysAgo: 12, kind: 'learned', text: 'Small pilot studies open doors: reviewers want feasibility first', goal: 0 }],
  },
  {
    name: 'Dana Lopes',
    networks: [
      { name: 'Data Science Meetup', kind: 'interest-group', role: 'organiser', strength: 5, hours: 4 },
      { name: 'Health Informatics Conference', kind: 'conference', role: 'member', strength: 2, hours: 1 },
    ],
    people: [
      { name: 'Ines Faria', organisation: 'DataCo', category: 'unrelated-industry', strength: 3 },
      { name: 'Paul Kim', organisation: 'NHS Digital', category: 'other-function', strength: 3, network: 'Health Informatics Conference' },
    ],
    news: [{ daysAgo: 20, kind: 'opportunity', text: 'The conference takes short papers on service evaluations until the 15th', goal: 1, network: 'Health Informatics Conference' }],
  },
  {
    name: 'Eli Moura',
    networks: [{ name: 'Grant Writers Circle', kind: 'research-network', role: 'committee', strength: 4, hours: 2 }],
    people: [{ name: 'Prof Ana Marques', organisation: 'Uni Porto', category: 'leader-in-field', strength: 5, network: 'Grant Writers Circle' }],
    news: [{ daysAgo: 6, kind: 'person', text: 'Prof Ana Marques reviews for the national fund and likes pilot data', goal: 0 }],
  },
  {
    name: 'Fia Nunes',
    networks: [
      { name: 'Physio Society', kind: 'professional-body', role: 'member', strength: 3, hours: 2 },
      { name: 'Uni Lisboa Alumni', kind: 'alumni', role: 'lurker', strength: 1, hours: 0 },
    ],
    people: [{ name: 'Tom Reed', organisation: 'Uni Lisboa', category: 'author-blogger', strength: 1 }],
    news: [],
  },
];

export const DEMO_TEAM_GOALS = [
  { statement: 'Win a research grant', needs: { categories: ['leader-in-field', 'unrelated-industry'] as PersonCategory[], networkKinds: ['research-network'] as NetworkKind[] }, links: [['Grant Writers Circle', 5], ['Prof Ana Marques', 5], ['Dr Rosa Jiménez', 4]] as const },
  { statement: 'Get our service evaluation published', needs: { categories: ['author-blogger'] as PersonCategory[], networkKinds: ['conference', 'professional-body'] as NetworkKind[] }, links: [['Health Informatics Conference', 4], ['Tom Reed', 3]] as const },
];
