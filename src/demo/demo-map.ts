import { seededRandom } from '../core/random.js';
import { addDays, addMonths, type IsoDate } from '../core/dates.js';
import type { ContactPoint, Exchange, FollowUp, Goal, GoalLink, GoalNeed, Membership, Network, Person, Tie } from '../core/model.js';
import type {
  Channel,
  Feeling,
  FollowUpKind,
  FollowUpStatus,
  GiveKind,
  Initiator,
  NetworkRole,
  PersonCategory,
  ReceiveKind,
  Stage,
} from '../core/vocabulary.js';

/**
 * Waggle's sample map, loaded by `waggle demo`: Leila Haddad, a respiratory
 * physiotherapist at a city hospital, two years into moving from clinical practice
 * into research. Every date is relative to `today`, so the demo always looks
 * current, and the same `today` always gives the same map.
 *
 * The story has the shapes the network check looks for: people she only takes from
 * and people she only gives to, important people past their cadence, strong ties
 * gone quiet, a time-heavy network that serves no goal, and open follow-ups, some
 * overdue. All people, organisations, emails and numbers are invented; emails use
 * the reserved example.org/.com/.net domains and phones the fictional ranges.
 */

export interface DemoMap {
  profile: { name: string; workingOn: string };
  /** A goal as the demo writes one: the model's fields with a key in place of the id; the store gives ids, status and times. */
  goals: Array<Pick<Goal, 'statement' | 'horizon' | 'transitionFrom' | 'transitionTo'> & { key: string; needs: Pick<GoalNeed, 'name' | 'essential'>[] }>;
  /** A network as the demo writes one: the model's fields with a key in place of the id; the store gives ids and times. */
  networks: Array<Omit<Network, 'id' | 'createdAt' | 'updatedAt'> & { key: string }>;
  /** A person as the demo writes one: the model's own fields, with a key in place of the id and the cadence as text the demo parses. */
  people: Array<
    Pick<
      Person,
      | 'name'
      | 'organisation'
      | 'role'
      | 'location'
      | 'howMet'
      | 'category'
      | 'tags'
      | 'notes'
      | 'strength'
      | 'importance'
      | 'knowAndLike'
      | 'canHelp'
      | 'canHelpHow'
      | 'stage'
      | 'preferredChannel'
      | 'lostJobList'
      | 'nextContactOn'
      | 'tieBeganOn'
      | 'addedOn'
    > & {
      key: string;
      cadence: string | null;
      channels: ContactPoint[];
    }
  >;
  // The links below are the model's, with keys of goals, networks and people in place of their ids.
  memberships: Array<Pick<Membership, 'role'> & { network: string; person: string }>;
  goalLinks: Array<Pick<GoalLink, 'kind' | 'relevance' | 'note' | 'serves'> & { goal: string; target: string }>;
  ties: Array<Pick<Tie, 'strength' | 'note'> & { a: string; b: string }>;
  exchanges: Array<
    Pick<Exchange, 'occurredOn' | 'channel' | 'initiatedBy' | 'gave' | 'received' | 'learned' | 'feeling' | 'notes'> & {
      people: string[];
      network: string | null;
      followUps: Array<Pick<FollowUp, 'kind' | 'description' | 'dueOn' | 'status' | 'closedOn'>>;
    }
  >;
  /** `by` introduced `person` to `to`; null means the user. `by` and `to` are never both null. */
  introductions: Array<{ by: string | null; person: string; to: string | null; madeOn: string; note: string | null }>;
}

// ---------------------------------------------------------------------------
// The tables. Days are counted back from today ("d: 30" is thirty days ago);
// negative counts are in the future (open follow-ups, hand-set next contacts).
// ---------------------------------------------------------------------------

const PROFILE = {
  name: 'Leila Haddad',
  workingOn:
    'Revising our breathlessness service evaluation after peer review, and cutting my doctoral proposal on home-based pulmonary rehabilitation down to two clear aims.',
};

interface GoalRow {
  key: string;
  statement: string;
  horizonMonths: number | null;
  /** Needs in order; the essential ones end with "!". */
  needs: string[];
  from?: string;
  to?: string;
}

const GOALS: GoalRow[] = [
  {
    key: 'research',
    statement: 'Move from full-time clinical practice into clinical research in pulmonary rehabilitation',
    horizonMonths: 30,
    needs: ['research methods!', 'academic mentors!', 'research networks', 'statistics'],
    from: 'clinical practice',
    to: 'clinical research',
  },
  {
    key: 'doctorate',
    statement: 'Secure a funded clinical doctoral fellowship on home-based pulmonary rehabilitation',
    horizonMonths: 12,
    needs: ['supervisor!', 'funding!', 'proposal', 'doctoral school'],
  },
  {
    key: 'publish',
    statement: 'Publish our breathlessness service evaluation and start a research subgroup in the special interest group',
    horizonMonths: 9,
    needs: ['journals!', 'patient partners!', 'academic writing', 'special interest group'],
  },
];

const NETWORKS: DemoMap['networks'] = [
  { key: 'riverside', name: 'Riverside General Hospital, Therapies', kind: 'employer', role: 'member', strength: 5, importance: 3, hoursPerMonth: 8, url: null, notes: 'My employer. The hours are the networking beyond the day job: meetings, teaching, corridor chats.' },
  { key: 'physio-society', name: 'Society of Physiotherapy Professionals', kind: 'professional-body', role: 'member', strength: 2, importance: 3, hoursPerMonth: 2, url: 'https://society.example.org', notes: 'Registration, regional evenings and the small research bursaries.' },
  { key: 'breath-sig', name: 'Breathlessness Special Interest Group', kind: 'interest-group', role: 'committee', strength: 4, importance: 5, hoursPerMonth: 6, url: 'https://breathlessness-sig.example.org', notes: "On the committee; I lead the members' survey." },
  { key: 'journal-club', name: 'Breathe Easy Journal Club', kind: 'own-hub', role: 'organiser', strength: 4, importance: 4, hoursPerMonth: 5, url: null, notes: 'Founded with Grace. One paper a month, one question: would it change what we do?' },
  { key: 'rehab-research-net', name: 'Pulmonary Rehabilitation Research Network', kind: 'research-network', role: 'member', strength: 2, importance: 5, hoursPerMonth: 3, url: 'https://prrn.example.org', notes: 'Where the studies, co-applicants and fellowship mentors are.' },
  { key: 'rehab-congress', name: 'Annual Respiratory Rehabilitation Congress', kind: 'conference', role: 'member', strength: 2, importance: 4, hoursPerMonth: 2, url: 'https://rehab-congress.example.com', notes: 'Two congresses so far, a poster at each.' },
  { key: 'physio-online', name: '#PhysioResearch online community', kind: 'social-media-community', role: 'member', strength: 2, importance: 3, hoursPerMonth: 5, url: 'https://social.example.net/tags/physioresearch', notes: null },
  { key: 'writing-circle', name: 'Early-Career Researchers Writing Circle', kind: 'interest-group', role: 'member', strength: 3, importance: 4, hoursPerMonth: 4, url: 'https://writing-circle.example.net', notes: 'Online, Tuesday mornings: 25 minutes of writing, 5 of talking.' },
  { key: 'westbrook-doctoral', name: 'Westbrook University Doctoral School of Health Sciences', kind: 'other', role: 'want-to-join', strength: 1, importance: 5, hoursPerMonth: 1, url: 'https://westbrook.example.org/doctoral-school', notes: 'Where I hope to do my doctorate, with Margaret.' },
  { key: 'northgate-alumni', name: 'Northgate University Physiotherapy Alumni', kind: 'alumni', role: 'lurker', strength: 1, importance: 2, hoursPerMonth: 1, url: 'https://alumni.example.net/northgate-physio', notes: null },
  { key: 'sports-social', name: 'Riverside Staff Sports and Social Committee', kind: 'other', role: 'committee', strength: 4, importance: 1, hoursPerMonth: 12, url: null, notes: 'Good fun, but three evenings a month, and it serves none of my goals.' },
  { key: 'health-tech-meetup', name: 'Bristol Health Tech Meetup', kind: 'other', role: 'lurker', strength: 1, importance: 2, hoursPerMonth: 1, url: 'https://meetup.example.com/bristol-health-tech', notes: null },
  { key: 'ahp-leaders', name: 'Regional Allied Health Leaders Forum', kind: 'professional-body', role: 'left', strength: 1, importance: 1, hoursPerMonth: 0, url: null, notes: 'Left when I chose research over management.' },
];

interface PersonRow {
  key: string;
  name: string;
  org: string | null;
  role: string | null;
  loc: string | null;
  cat: PersonCategory | null;
  /** Strength and importance, 0–5. */
  s: number;
  i: number;
  stage: Stage;
  cad: string | null;
  ch: Channel | null;
  /** Know and like them. */
  kl?: boolean;
  /** How they can help; present means "can help". */
  help?: string;
  /** On the "lost my job" list. */
  lost?: boolean;
  /** Hand-set next contact, days from today. */
  next?: number;
  /** The tie began this many months ago. */
  began?: number;
  /** Added to the map this many days ago. */
  added: number;
  met: string | null;
  tags: string[];
  notes?: string;
  /** Contact points: e email, p phone, l LinkedIn, w web, m Mastodon, b Bluesky, g GitHub. */
  c: string;
}

const RGH = 'Riverside General Hospital';
const BRISTOL = 'Bristol, UK';
const WESTBROOK = 'Westbrook University';

const PEOPLE: PersonRow[] = [
  // Department colleagues
  { key: 'tom', name: 'Tomasz Nowak', org: RGH, role: 'Clinical lead, respiratory physiotherapy', loc: BRISTOL, cat: 'department-colleague', s: 4, i: 4, stage: 'call-any-time', cad: '1m', ch: 'coffee', kl: true, help: 'Agrees protected research time and would back a fellowship application', lost: true, began: 84, added: 760, met: 'My line manager since I joined the respiratory team', tags: ['manager', 'respiratory'], c: 'epl' },
  { key: 'grace', name: 'Grace Mensah', org: RGH, role: 'Senior respiratory physiotherapist', loc: BRISTOL, cat: 'department-colleague', s: 5, i: 3, stage: 'call-any-time', cad: '2w', ch: 'coffee', kl: true, help: 'Co-runs the journal club with me; an honest sounding board', began: 72, added: 760, met: 'We rotated onto the respiratory team in the same month', tags: ['journal-club', 'respiratory'], c: 'ep' },
  { key: 'priya', name: 'Priya Raman', org: RGH, role: 'Physiotherapy assistant practitioner', loc: BRISTOL, cat: 'department-colleague', s: 3, i: 1, stage: 'in-touch', cad: null, ch: 'coffee', kl: true, began: 40, added: 758, met: 'Runs the pulmonary rehab classes with me', tags: ['pulmonary-rehab'], c: 'e' },
  { key: 'sofia', name: 'Sofia Esposito', org: RGH, role: 'Physiotherapist, pulmonary rehabilitation', loc: BRISTOL, cat: 'department-colleague', s: 4, i: 2, stage: 'in-touch', cad: '1m', ch: 'coffee', kl: true, began: 30, added: 748, met: 'Joined the pulmonary rehab team a year after me', tags: ['pulmonary-rehab'], c: 'ep' },
  { key: 'kenji', name: 'Kenji Watanabe', org: RGH, role: 'Senior physiotherapist, MSK outpatients', loc: BRISTOL, cat: 'department-colleague', s: 3, i: 3, stage: 'in-touch', cad: '3m', ch: 'lunch', kl: true, help: "Did a research master's part-time and knows the ethics process from the inside", lost: true, began: 50, added: 750, met: 'We shared an office in my first year', tags: ['research-masters', 'ethics'], c: 'el' },
  { key: 'mairead', name: 'Máiréad Byrne', org: RGH, role: 'Therapies service manager', loc: BRISTOL, cat: 'department-colleague', s: 3, i: 3, stage: 'in-touch', cad: '3m', ch: 'email', help: 'Holds the training budget and signs off study leave', began: 60, added: 755, met: 'Interviewed me for my current post', tags: ['manager', 'budget'], c: 'el' },
  { key: 'dylan', name: 'Dylan Hughes', org: RGH, role: 'Rotational physiotherapist', loc: BRISTOL, cat: 'department-colleague', s: 2, i: 1, stage: 'met', cad: '3m', ch: 'coffee', began: 20, added: 600, met: 'I mentor him during his respiratory rotation', tags: ['mentee'], notes: 'Curious about research. I mostly give here, and that is fine.', c: 'e' },
  { key: 'hannah', name: 'Hannah Kowalczyk', org: 'Northgate University', role: 'Physiotherapy student', loc: BRISTOL, cat: 'department-colleague', s: 2, i: 1, stage: 'met', cad: null, ch: 'email', began: 12, added: 365, met: 'I supervised her final respiratory placement', tags: ['student'], c: 'e' },
  { key: 'ade', name: 'Adebayo Adeyemi', org: 'Harbourside Community Health', role: 'Community physiotherapist', loc: 'Swindon, UK', cat: 'department-colleague', s: 2, i: 1, stage: 'dormant', cad: null, ch: 'social-media', kl: true, began: 64, added: 760, met: 'Worked together on the wards until he moved into the community', tags: ['former-colleague'], c: 'el' },

  // Other functions
  { key: 'ravi', name: 'Dr Ravi Menon', org: RGH, role: 'Consultant respiratory physician', loc: BRISTOL, cat: 'other-function', s: 3, i: 5, stage: 'in-touch', cad: '1m', ch: 'coffee', kl: true, help: 'Has held research grants and supervised doctoral students; could be my clinical supervisor', began: 70, added: 760, met: 'Runs the breathlessness clinic I work in', tags: ['consultant', 'breathlessness', 'possible-supervisor'], c: 'epl' },
  { key: 'olu', name: 'Oluwaseun Bakare', org: RGH, role: 'Respiratory nurse specialist', loc: BRISTOL, cat: 'other-function', s: 4, i: 4, stage: 'call-any-time', cad: '1m', ch: 'coffee', kl: true, help: 'Co-leads the service evaluation and is brilliant at recruiting patients', began: 66, added: 760, met: 'We share the breathlessness clinic on Thursdays', tags: ['breathlessness', 'co-author'], c: 'ep' },
  { key: 'claire', name: 'Claire Dubois', org: RGH, role: 'Research and development manager', loc: BRISTOL, cat: 'other-function', s: 2, i: 4, stage: 'met', cad: '3m', ch: 'email', help: 'Knows the approvals, sponsorship and costing process', next: -4, began: 21, added: 640, met: 'Asked her whether my evaluation counted as research', tags: ['approvals', 'research-office'], c: 'el' },
  { key: 'ingrid', name: 'Ingrid Larsen', org: RGH, role: 'Clinical librarian', loc: BRISTOL, cat: 'other-function', s: 3, i: 3, stage: 'in-touch', cad: '3m', ch: 'email', help: 'Builds systematic search strategies and finds any paper', began: 24, added: 705, met: 'Booked a literature search session with her', tags: ['library', 'searching'], notes: 'I have only ever asked. Time to give something back.', c: 'e' },
  { key: 'marcus', name: 'Marcus Reid', org: RGH, role: 'Information analyst, performance team', loc: BRISTOL, cat: 'other-function', s: 2, i: 3, stage: 'met', cad: '3m', ch: 'email', help: 'Pulls service outcome data from the patient record', began: 20, added: 625, met: 'Claire pointed me to him for clinic data', tags: ['data'], c: 'e' },
  { key: 'beatriz', name: 'Beatriz Santos', org: `${RGH} Clinical Research Facility`, role: 'Senior research nurse', loc: BRISTOL, cat: 'other-function', s: 3, i: 4, stage: 'in-touch', cad: '2m', ch: 'coffee', kl: true, help: 'Lets me shadow trial visits and runs the good clinical practice training', began: 18, added: 525, met: 'I asked to shadow a research clinic', tags: ['research-nurse', 'trials'], c: 'ep' },
  { key: 'yusuf', name: 'Yusuf Demir', org: RGH, role: 'Clinical psychologist', loc: BRISTOL, cat: 'other-function', s: 2, i: 2, stage: 'met', cad: '6m', ch: 'coffee', kl: true, began: 18, added: 515, met: 'Gave a talk on anxiety and breathlessness at our team meeting', tags: ['psychology', 'breathlessness'], c: 'e' },
  { key: 'li', name: 'Li Chen', org: RGH, role: 'Specialist dietitian', loc: BRISTOL, cat: 'other-function', s: 2, i: 1, stage: 'met', cad: null, ch: null, began: 17, added: 485, met: 'We co-taught a patient education session', tags: ['nutrition'], c: 'e' },
  { key: 'nikos', name: 'Dr Nikos Papadopoulos', org: RGH, role: 'Consultant in palliative medicine', loc: BRISTOL, cat: 'other-function', s: 1, i: 2, stage: 'met', cad: null, ch: null, began: 13, added: 385, met: 'Sat next to him at a multidisciplinary team meeting', tags: ['palliative-care'], c: 'e' },
  { key: 'amelia', name: 'Amelia Clarke', org: RGH, role: 'Education and training lead', loc: BRISTOL, cat: 'other-function', s: 1, i: 2, stage: 'reached-out', cad: '6m', ch: 'email', added: 170, met: 'Emailed her about the clinical academic training scheme', tags: ['training'], c: 'e' },
  { key: 'vikram', name: 'Dr Vikram Nair', org: `${WESTBROOK} Clinical Trials Unit`, role: 'Medical statistician', loc: 'Bath, UK', cat: 'other-function', s: 2, i: 4, stage: 'met', cad: '3m', ch: 'video', help: 'Sample sizes, analysis plans and honest views on feasibility', began: 10, added: 306, met: 'Claire introduced us when I asked for statistics support', tags: ['statistics'], c: 'el' },

  // Unrelated industries
  { key: 'jonas', name: 'Jonas Weber', org: 'Lumen Pay', role: 'User researcher', loc: BRISTOL, cat: 'unrelated-industry', s: 3, i: 3, stage: 'in-touch', cad: '3m', ch: 'coffee', kl: true, help: 'Teaches me interview methods and qualitative coding', began: 48, added: 745, met: 'Running club, then a long chat about user interviews', tags: ['qualitative', 'running'], c: 'elm' },
  { key: 'mei', name: 'Mei Tanaka', org: 'Harbour Freight Analytics', role: 'Data scientist', loc: BRISTOL, cat: 'unrelated-industry', s: 2, i: 3, stage: 'met', cad: '6m', ch: 'video', help: 'A patient R tutor who thinks clearly about messy data', began: 18, added: 556, met: 'Jonas introduced us when I got stuck in R', tags: ['r', 'statistics'], c: 'elg' },
  { key: 'kwame', name: 'Kwame Boateng', org: 'Green Corridors Trust', role: 'Head of fundraising', loc: 'London, UK', cat: 'unrelated-industry', s: 2, i: 3, stage: 'met', cad: '6m', ch: 'call', help: 'Has written dozens of successful bids and reads lay summaries ruthlessly', began: 16, added: 486, met: "Lucía introduced us at her birthday dinner", tags: ['grants', 'writing'], c: 'el' },
  { key: 'lucia', name: 'Lucía Fernández', org: 'Fernández Ortega Architects', role: 'Architect', loc: BRISTOL, cat: 'unrelated-industry', s: 4, i: 1, stage: 'call-any-time', cad: null, ch: 'lunch', kl: true, began: 130, added: 760, met: 'We shared a flat in Cardiff', tags: ['friend'], c: 'ep' },
  { key: 'anika', name: 'Anika Sharma', org: 'Brightline Consulting', role: 'Management consultant', loc: 'London, UK', cat: 'unrelated-industry', s: 2, i: 2, stage: 'met', cad: null, ch: 'lunch', kl: true, began: 18, added: 545, met: "A friend's dinner party; she mapped my stakeholders on a napkin", tags: ['strategy'], c: 'el' },
  { key: 'rory', name: 'Rory Doherty', org: 'Hillside Academy', role: 'Science teacher', loc: BRISTOL, cat: 'unrelated-industry', s: 3, i: 1, stage: 'in-touch', cad: null, ch: 'coffee', kl: true, began: 96, added: 760, met: 'Neighbour and old friend', tags: ['friend', 'public-engagement'], c: 'e' },
  { key: 'sam', name: 'Sam Whitfield', org: 'Pulse Wearables', role: 'Product manager', loc: BRISTOL, cat: 'unrelated-industry', s: 1, i: 3, stage: 'met', cad: '6m', ch: 'coffee', help: 'Knows home-monitoring devices and the people who build them', began: 7, added: 226, met: 'Chatted after a talk at the health tech meetup', tags: ['wearables', 'home-monitoring'], c: 'l' },
  { key: 'zainab', name: 'Zainab Hassan', org: 'Open Air Audio', role: 'Podcast producer', loc: 'Manchester, UK', cat: 'unrelated-industry', s: 1, i: 2, stage: 'met', cad: null, ch: 'email', began: 9, added: 265, met: 'A public engagement workshop', tags: ['podcast', 'communication'], c: 'el' },
  { key: 'pieter', name: 'Pieter de Vries', org: null, role: 'Software engineer, open-source survey tools', loc: 'Utrecht, Netherlands', cat: 'unrelated-industry', s: 0, i: 2, stage: 'reached-out', cad: null, ch: 'email', added: 95, met: 'I wrote to him about his open-source survey tool', tags: ['open-source', 'software'], c: 'gw' },
  { key: 'dmitri', name: 'Dmitri Volkov', org: 'Aerox Medical', role: 'Sales lead, respiratory devices', loc: 'Birmingham, UK', cat: 'unrelated-industry', s: 1, i: 0, stage: 'met', cad: null, ch: null, began: 13, added: 410, met: 'His exhibition stand at the congress', tags: ['industry'], c: 'e' },

  // Authors and bloggers
  { key: 'dana', name: 'Dana Whitlock', org: null, role: 'Writes a blog on clinical academic careers', loc: 'Edinburgh, UK', cat: 'author-blogger', s: 1, i: 3, stage: 'reached-out', cad: '6m', ch: 'email', help: 'Has interviewed fifty clinicians who moved into research', added: 48, met: 'Read her blog for a year before writing to her', tags: ['blog', 'careers'], c: 'ew' },
  { key: 'ibrahim', name: 'Dr Ibrahim Diallo', org: 'Lakeside University', role: 'Author of a rehabilitation research methods textbook', loc: 'Montréal, Canada', cat: 'author-blogger', s: 0, i: 3, stage: 'to-meet', cad: null, ch: 'email', added: 120, met: null, tags: ['textbook', 'methods'], notes: 'His chapter on pragmatic trials is the clearest I have read.', c: 'w' },
  { key: 'hyejin', name: 'Hye-jin Park', org: 'The Clinician Researcher podcast', role: 'Podcast host', loc: 'Seoul, South Korea', cat: 'author-blogger', s: 2, i: 3, stage: 'met', cad: '6m', ch: 'social-media', kl: true, began: 9, added: 282, met: 'Replied to her episode on research careers', tags: ['podcast'], c: 'wb' },
  { key: 'matteo', name: 'Matteo Romano', org: 'EvidenceMoves blog', role: 'Physiotherapist and blogger', loc: 'Milan, Italy', cat: 'author-blogger', s: 2, i: 2, stage: 'in-touch', cad: '3m', ch: 'social-media', kl: true, began: 20, added: 600, met: 'Commented on his post about outcome measures', tags: ['blog', 'evidence'], c: 'wm' },
  { key: 'eleanor', name: 'Eleanor Ashby', org: null, role: 'Freelance science journalist', loc: 'London, UK', cat: 'author-blogger', s: 1, i: 2, stage: 'met', cad: null, ch: 'email', began: 11, added: 335, met: 'Talked after a public engagement evening', tags: ['journalism'], c: 'el' },
  { key: 'tariq', name: 'Tariq Qureshi', org: null, role: 'Writes a newsletter on health services research', loc: 'Leeds, UK', cat: 'author-blogger', s: 0, i: 3, stage: 'to-meet', cad: null, ch: 'email', added: 90, met: null, tags: ['newsletter'], c: 'w' },
  { key: 'freya', name: 'Dr Freya Lindqvist', org: WESTBROOK, role: 'Academic writing developer; author of a guide to academic writing', loc: 'Bath, UK', cat: 'author-blogger', s: 1, i: 3, stage: 'reached-out', cad: '6m', ch: 'email', help: 'Runs the writing circle and knows how to get a paper finished', added: 470, met: 'Her book sits on my desk', tags: ['writing'], c: 'e' },

  // People I already know and value
  { key: 'siobhan', name: 'Siobhán Murphy', org: 'Northgate University', role: 'Senior lecturer in physiotherapy', loc: 'Cardiff, UK', cat: 'already-valued', s: 5, i: 4, stage: 'call-any-time', cad: '3m', ch: 'coffee', kl: true, help: 'Knows me well, reads my drafts and tells me the truth', lost: true, began: 150, added: 760, met: 'My clinical educator on my first placement', tags: ['mentor'], c: 'epl' },
  { key: 'rosa', name: 'Dr Rosa Jiménez', org: WESTBROOK, role: 'Lecturer in physiotherapy', loc: 'Bath, UK', cat: 'already-valued', s: 4, i: 5, stage: 'call-any-time', cad: '2m', ch: 'video', kl: true, help: 'Made the same move from the wards to research five years ago', lost: true, began: 110, added: 760, met: 'We worked on the respiratory team before she left for academia', tags: ['clinical-academic', 'mentor'], c: 'epl' },
  { key: 'daniel', name: 'Daniel Cohen', org: 'Severn Valley Hospital', role: 'Head of therapies', loc: 'Gloucester, UK', cat: 'already-valued', s: 4, i: 3, stage: 'in-touch', cad: '6m', ch: 'lunch', kl: true, help: 'Writes a good reference and knows every therapies manager in the region', lost: true, began: 100, added: 760, met: 'My first manager', tags: ['former-manager', 'references'], c: 'epl' },
  { key: 'joanna', name: 'Joanna Kamińska', org: 'Eastfield Hospital', role: 'Consultant physiotherapist', loc: 'Oxford, UK', cat: 'already-valued', s: 5, i: 3, stage: 'dormant', cad: '6m', ch: 'call', kl: true, help: 'Built a consultant role with research time in it; generous with advice', lost: true, next: 14, began: 90, added: 760, met: 'Led the team I joined after graduating', tags: ['former-manager', 'consultant-physio'], notes: 'We drifted after she moved to Oxford. Worth a call.', c: 'epl' },
  { key: 'emma', name: 'Dr Emma Lindgren', org: 'Northgate University', role: 'Postdoctoral researcher', loc: 'Cardiff, UK', cat: 'already-valued', s: 3, i: 3, stage: 'in-touch', cad: '3m', ch: 'video', kl: true, help: 'Finished her doctorate two years ago and knows what supervision is really like', lost: true, began: 130, added: 760, met: 'Same cohort at Northgate', tags: ['alumni', 'doctorate'], c: 'el' },
  { key: 'aisha', name: 'Aisha Bello', org: 'Lagoon City Hospital', role: 'Physiotherapist', loc: 'Lagos, Nigeria', cat: 'already-valued', s: 4, i: 2, stage: 'in-touch', cad: '6m', ch: 'video', kl: true, began: 140, added: 760, met: 'Classmate at Northgate', tags: ['friend', 'alumni'], c: 'e' },
  { key: 'kofi', name: 'Kofi Asante', org: 'Asante Physio Clinic', role: 'Physiotherapist and clinic owner', loc: 'Reading, UK', cat: 'already-valued', s: 3, i: 1, stage: 'in-touch', cad: '6m', ch: 'call', kl: true, lost: true, began: 120, added: 760, met: 'Rotation buddy in our first job', tags: ['friend', 'private-practice'], c: 'ep' },
  { key: 'bilal', name: 'Dr Bilal Chaudhry', org: 'Clifton Road Surgery', role: 'General practitioner', loc: BRISTOL, cat: 'already-valued', s: 4, i: 1, stage: 'in-touch', cad: null, ch: 'lunch', kl: true, began: 110, added: 760, met: 'We shared a flat as students', tags: ['friend', 'primary-care'], c: 'ep' },

  // Met through professional associations
  { key: 'nadia', name: 'Dr Nadia Petrova', org: 'Leeds Valley Hospitals', role: 'Consultant physiotherapist; chair of the breathlessness SIG', loc: 'Leeds, UK', cat: 'professional-association', s: 3, i: 5, stage: 'in-touch', cad: '1m', ch: 'video', kl: true, help: 'Leads the SIG and knows the editors in our field', began: 19, added: 572, met: 'Introduced herself at my first SIG meeting', tags: ['sig', 'leadership'], c: 'epl' },
  { key: 'wei', name: 'Dr Wei Zhang', org: 'Pennine University', role: 'Senior research fellow in rehabilitation', loc: 'Manchester, UK', cat: 'professional-association', s: 3, i: 4, stage: 'in-touch', cad: '2m', ch: 'video', kl: true, help: 'Designs good surveys and has a grant track record', began: 19, added: 572, met: "SIG committee; we paired up on the members' survey", tags: ['sig', 'surveys'], c: 'elb' },
  { key: 'hamid', name: 'Hamid Karimi', org: 'Coastline Community Health', role: 'Physiotherapist; SIG treasurer', loc: 'Plymouth, UK', cat: 'professional-association', s: 3, i: 2, stage: 'in-touch', cad: '3m', ch: 'email', kl: true, began: 16, added: 572, met: 'SIG committee', tags: ['sig'], c: 'e' },
  { key: 'maya', name: 'Maya Goldberg', org: 'Marches Health Partnership', role: 'Physiotherapist; SIG newsletter editor', loc: 'Hereford, UK', cat: 'professional-association', s: 3, i: 2, stage: 'in-touch', cad: '3m', ch: 'email', kl: true, began: 16, added: 572, met: 'My first SIG meeting; she asked me to write for the newsletter', tags: ['sig', 'newsletter'], c: 'e' },
  { key: 'patrick', name: "Patrick O'Neill", org: 'Frome Community Rehab', role: 'Community physiotherapist', loc: 'Frome, UK', cat: 'professional-association', s: 2, i: 1, stage: 'met', cad: null, ch: 'email', began: 12, added: 572, met: 'SIG meeting; he asked how to start a rehab class', tags: ['sig'], c: 'e' },
  { key: 'chloe', name: 'Chloé Martin', org: 'Society of Physiotherapy Professionals', role: 'Research and innovation officer', loc: 'London, UK', cat: 'professional-association', s: 2, i: 4, stage: 'met', cad: '3m', ch: 'email', help: 'Runs the research bursaries and knows what panels look for', began: 14, added: 445, met: 'Emailed her about the bursary scheme', tags: ['funding', 'professional-body'], c: 'el' },
  { key: 'gareth', name: 'Gareth Pryce', org: 'Society of Physiotherapy Professionals', role: 'Regional representative, South West', loc: 'Exeter, UK', cat: 'professional-association', s: 2, i: 2, stage: 'met', cad: '6m', ch: 'event', began: 22, added: 625, met: "A regional members' evening", tags: ['professional-body'], c: 'e' },
  { key: 'thandi', name: 'Thandiwe Nkosi', org: 'Midland Teaching Hospitals', role: 'Practice educator; education committee member', loc: 'Birmingham, UK', cat: 'professional-association', s: 1, i: 2, stage: 'met', cad: null, ch: 'event', began: 13, added: 385, met: 'A society workshop on supervising students', tags: ['education'], c: 'el' },
  { key: 'lars', name: 'Lars Eriksen', org: 'Nordic Lung Rehabilitation Centre', role: 'Physiotherapist researcher; congress programme committee', loc: 'Aarhus, Denmark', cat: 'professional-association', s: 1, i: 3, stage: 'met', cad: '6m', ch: 'email', help: 'Sits on the congress programme committee', began: 13, added: 410, met: 'Chaired the poster session where I presented', tags: ['congress'], c: 'el' },
  { key: 'ana', name: 'Ana Costa', org: 'Pulmonary Rehabilitation Research Network', role: 'Network coordinator', loc: 'Lisbon, Portugal', cat: 'professional-association', s: 2, i: 3, stage: 'met', cad: '3m', ch: 'email', help: 'Connects members with studies looking for sites and co-applicants', began: 13, added: 396, met: 'Elena introduced us when I joined the network', tags: ['research-network'], c: 'el' },
  { key: 'femi', name: 'Femi Ogunleye', org: 'Northway Hospital', role: 'Respiratory physiotherapist', loc: BRISTOL, cat: 'professional-association', s: 3, i: 2, stage: 'in-touch', cad: '1m', ch: 'event', kl: true, began: 20, added: 605, met: 'Came to the first journal club from the hospital across town', tags: ['journal-club'], c: 'e' },

  // Leaders in the field
  { key: 'margaret', name: 'Prof. Margaret Achterberg', org: WESTBROOK, role: 'Professor of rehabilitation science', loc: 'Bath, UK', cat: 'leader-in-field', s: 2, i: 5, stage: 'in-touch', cad: '1m', ch: 'coffee', kl: true, help: 'Could supervise my doctorate; leads the home-based rehabilitation programme', next: 9, began: 10, added: 318, met: 'Rosa introduced us over coffee after a seminar', tags: ['possible-supervisor', 'home-based-rehab'], c: 'elw' },
  { key: 'samuel', name: 'Prof. Samuel Okonkwo', org: 'Thames Institute for Lung Health', role: 'Professor of respiratory rehabilitation', loc: 'London, UK', cat: 'leader-in-field', s: 1, i: 5, stage: 'met', cad: '3m', ch: 'email', help: 'Leads the large rehabilitation trials and could host a research placement', began: 13, added: 410, met: 'Asked him a question after his keynote at the congress', tags: ['trials', 'keynote'], c: 'ew' },
  { key: 'elena', name: 'Dr Elena Vasquez', org: 'Kingsmere University', role: 'Clinical academic physiotherapist; research network lead', loc: 'Birmingham, UK', cat: 'leader-in-field', s: 2, i: 5, stage: 'in-touch', cad: '2m', ch: 'video', kl: true, help: 'Sits on fellowship panels and mentors clinicians into research', began: 13, added: 410, met: 'Sat together at the congress dinner', tags: ['clinical-academic', 'research-network'], c: 'elb' },
  { key: 'fiona', name: 'Dr Fiona MacLeod', org: WESTBROOK, role: 'Director of the doctoral school of health sciences', loc: 'Bath, UK', cat: 'leader-in-field', s: 1, i: 4, stage: 'met', cad: '3m', ch: 'email', help: 'Decides how studentships and clinical doctoral places work', began: 5, added: 176, met: 'Margaret copied her into an email about clinical doctorates', tags: ['doctoral-school'], c: 'ew' },
  { key: 'arjun', name: 'Prof. Arjun Iyer', org: 'Journal of Breathing and Rehabilitation', role: 'Editor-in-chief', loc: 'London, UK', cat: 'leader-in-field', s: 1, i: 4, stage: 'met', cad: '6m', ch: 'email', help: 'Knows what the journal wants from a service evaluation', began: 8, added: 252, met: 'Spoke at the SIG webinar on getting published', tags: ['editor', 'publishing'], c: 'e' },
  { key: 'kate', name: 'Dr Kate Brennan', org: 'Journal of Breathing and Rehabilitation', role: 'Associate editor', loc: 'Dublin, Ireland', cat: 'leader-in-field', s: 1, i: 4, stage: 'met', cad: '6m', ch: 'email', help: 'Handles short reports at the journal', began: 8, added: 252, met: 'Nadia introduced us after the SIG webinar', tags: ['editor'], c: 'el' },
  { key: 'hiroshi', name: 'Prof. Hiroshi Sato', org: 'Osaka Rehabilitation University', role: 'Professor of cardiorespiratory physiotherapy', loc: 'Osaka, Japan', cat: 'leader-in-field', s: 1, i: 2, stage: 'met', cad: null, ch: 'email', began: 13, added: 410, met: 'Samuel introduced us at the congress', tags: ['international'], c: 'e' },
  { key: 'catherine', name: 'Dr Catherine Moreau', org: 'Breathe Forward', role: 'Head of research funding', loc: 'London, UK', cat: 'leader-in-field', s: 0, i: 5, stage: 'to-meet', cad: null, ch: 'event', next: 21, added: 60, met: null, tags: ['funder', 'fellowships'], notes: 'Her charity funds clinical doctoral fellowships. Ask Elena for an introduction once the proposal is solid.', c: 'w' },
  { key: 'benedikt', name: 'Prof. Benedikt Huber', org: 'Alpine Rehabilitation Research Institute', role: 'Professor of rehabilitation medicine', loc: 'Zurich, Switzerland', cat: 'leader-in-field', s: 0, i: 3, stage: 'to-meet', cad: null, ch: 'email', added: 200, met: null, tags: ['home-based-rehab', 'international'], c: 'w' },

  // Mainly social media
  { key: 'jess', name: 'Jess Thompson', org: 'Pennine University', role: 'Doctoral researcher in physiotherapy', loc: 'Manchester, UK', cat: 'social-media', s: 2, i: 3, stage: 'in-touch', cad: '3m', ch: 'social-media', kl: true, help: 'Writes honestly about doctoral life and fellowship applications', began: 22, added: 682, met: 'Her thread on applying for a fellowship', tags: ['doctorate', 'online'], c: 'bl' },
  { key: 'nora', name: 'Nora Kelly', org: 'Lakeshore Health Sciences Centre', role: 'Nurse researcher', loc: 'Toronto, Canada', cat: 'social-media', s: 2, i: 3, stage: 'in-touch', cad: '3m', ch: 'video', kl: true, help: 'Has run patient-partner panels and shares her templates freely', began: 16, added: 465, met: 'The online writing circle, then a video call', tags: ['patient-involvement', 'online'], c: 'elp' },
  { key: 'omar', name: 'Omar Farouk', org: 'Gulf Rehabilitation Centre', role: 'Respiratory physiotherapist', loc: 'Dubai, UAE', cat: 'social-media', s: 2, i: 1, stage: 'in-touch', cad: null, ch: 'social-media', kl: true, began: 18, added: 525, met: 'We trade pulmonary rehab class ideas online', tags: ['online'], c: 'm' },
  { key: 'lena', name: 'Dr Lena Hoffmann', org: 'Spree University Hospital', role: 'Physiotherapy researcher', loc: 'Berlin, Germany', cat: 'social-media', s: 1, i: 3, stage: 'met', cad: '6m', ch: 'social-media', began: 13, added: 412, met: 'Online first, then in person at the congress', tags: ['home-based-rehab'], c: 'em' },
  { key: 'oliver', name: 'Oliver Brandt', org: 'Øresund University', role: 'Doctoral researcher', loc: 'Copenhagen, Denmark', cat: 'social-media', s: 1, i: 3, stage: 'met', cad: '6m', ch: 'social-media', began: 13, added: 412, met: 'An online thread on outcome measures; we met at the congress', tags: ['doctorate'], c: 'eb' },
  { key: 'ty', name: 'Tyrone Jackson', org: 'Prairie State University', role: 'Statistics lecturer and online educator', loc: 'Chicago, USA', cat: 'social-media', s: 1, i: 3, stage: 'met', cad: null, ch: 'social-media', help: 'His free threads explain statistics better than my textbook', began: 14, added: 425, met: 'I follow his statistics threads', tags: ['statistics', 'online'], notes: 'I have learned a lot from him and never said thank you.', c: 'b' },
  { key: 'carlos', name: 'Carlos Mendoza', org: 'Clínica Andes', role: 'Physiotherapist', loc: 'Bogotá, Colombia', cat: 'social-media', s: 1, i: 1, stage: 'met', cad: null, ch: 'social-media', began: 10, added: 305, met: 'An international physio discussion group', tags: ['online'], c: 'm' },
  { key: 'ruth', name: 'Ruth Abebe', org: 'Highland Rehabilitation Hospital', role: 'Physiotherapist', loc: 'Addis Ababa, Ethiopia', cat: 'social-media', s: 1, i: 2, stage: 'met', cad: null, ch: 'social-media', began: 8, added: 245, met: 'A forum thread on low-cost exercise equipment', tags: ['online', 'global-health'], c: 'm' },
  { key: 'sana', name: 'Dr Sana Mirza', org: 'Pennine University', role: 'Postdoctoral fellow', loc: 'Manchester, UK', cat: 'social-media', s: 1, i: 3, stage: 'met', cad: null, ch: 'social-media', help: 'Shares every funding call she sees', began: 5, added: 155, met: 'Her post listing clinical fellowship deadlines', tags: ['funding', 'online'], c: 'b' },

  // Not categorised
  { key: 'gwen', name: 'Gwen Roberts', org: null, role: 'Patient partner; lives with COPD', loc: BRISTOL, cat: null, s: 3, i: 4, stage: 'in-touch', cad: '2m', ch: 'coffee', kl: true, help: 'Keeps the evaluation honest about what matters to patients', began: 11, added: 346, met: 'Olu introduced us; she finished our rehab programme', tags: ['patient-partner'], c: 'ep' },
  { key: 'astrid', name: 'Astrid Holm', org: WESTBROOK, role: "Doctoral researcher in Margaret's group", loc: 'Bath, UK', cat: null, s: 2, i: 3, stage: 'in-touch', cad: '3m', ch: 'coffee', kl: true, help: 'Living the doctorate I want; knows the school from the inside', began: 5, added: 172, met: 'Margaret introduced us', tags: ['doctorate', 'westbrook'], c: 'e' },
  { key: 'ines', name: 'Inês Pereira', org: WESTBROOK, role: 'Research funding officer', loc: 'Bath, UK', cat: null, s: 1, i: 3, stage: 'met', cad: '6m', ch: 'email', help: 'Explains studentship rules and deadlines', began: 4, added: 125, met: "Her stand at the doctoral school's open day", tags: ['funding'], c: 'e' },
  { key: 'marta', name: 'Marta Novak', org: null, role: 'Retired district nurse', loc: BRISTOL, cat: null, s: 3, i: 0, stage: 'in-touch', cad: null, ch: 'coffee', kl: true, began: 60, added: 760, met: 'Lives next door', tags: ['neighbour'], c: 'p' },
  { key: 'leo', name: 'Leo Fischer', org: null, role: 'Bicycle mechanic', loc: BRISTOL, cat: null, s: 2, i: 0, stage: 'met', cad: null, ch: 'event', kl: true, began: 30, added: 745, met: 'Running club, and now the staff fun run', tags: ['running'], c: 'p' },
  { key: 'yara', name: 'Yara Nasser', org: 'Still Water Yoga', role: 'Yoga teacher', loc: BRISTOL, cat: null, s: 2, i: 1, stage: 'met', cad: null, ch: 'coffee', kl: true, began: 8, added: 235, met: 'Runs breathing classes some of our patients go to', tags: ['breathing', 'community'], c: 'ew' },
  { key: 'jamal', name: 'Jamal Wright', org: 'Talent Bridge Health', role: 'Healthcare recruiter', loc: 'London, UK', cat: null, s: 1, i: 0, stage: 'met', cad: null, ch: 'email', began: 9, added: 285, met: 'He messaged me about a private-sector role', tags: ['recruiter'], c: 'el' },
];

type MemberRow = [person: string, role?: NetworkRole];

const MEMBERSHIPS: Record<string, MemberRow[]> = {
  riverside: [['tom'], ['grace'], ['priya'], ['sofia'], ['kenji'], ['mairead', 'committee'], ['dylan'], ['hannah'], ['ade', 'left'], ['ravi'], ['olu'], ['claire'], ['ingrid'], ['marcus'], ['beatriz'], ['yusuf'], ['li'], ['nikos'], ['amelia']],
  'physio-society': [['gareth', 'committee'], ['chloe', 'committee'], ['thandi', 'committee'], ['nadia', 'member'], ['kenji', 'member'], ['rosa', 'member'], ['siobhan', 'member'], ['elena', 'member'], ['tom', 'member'], ['femi', 'member'], ['patrick', 'member']],
  'breath-sig': [['nadia', 'organiser'], ['wei', 'committee'], ['hamid', 'committee'], ['maya', 'committee'], ['patrick', 'member'], ['olu', 'member'], ['femi', 'member'], ['elena', 'member'], ['kate', 'member'], ['gwen', 'volunteer']],
  'journal-club': [['grace', 'organiser'], ['priya', 'member'], ['sofia', 'member'], ['kenji', 'member'], ['femi', 'member'], ['olu', 'member'], ['dylan', 'lurker']],
  'rehab-research-net': [['elena', 'organiser'], ['ana', 'organiser'], ['samuel', 'member'], ['margaret', 'member'], ['wei', 'member'], ['lena', 'member'], ['oliver', 'member'], ['rosa', 'member']],
  'rehab-congress': [['lars', 'committee'], ['samuel'], ['elena'], ['hiroshi'], ['lena'], ['oliver'], ['dmitri'], ['arjun']],
  'physio-online': [['jess', 'member'], ['nora', 'member'], ['omar', 'member'], ['lena', 'member'], ['oliver', 'member'], ['ty', 'member'], ['carlos', 'member'], ['ruth', 'member'], ['sana', 'member'], ['matteo', 'member'], ['hyejin', 'member']],
  'writing-circle': [['freya', 'organiser'], ['emma', 'member'], ['jess', 'member'], ['nora', 'member'], ['astrid', 'member']],
  'westbrook-doctoral': [['fiona', 'organiser'], ['margaret', 'member'], ['astrid', 'member'], ['rosa', 'member'], ['ines', 'volunteer']],
  'northgate-alumni': [['siobhan', 'organiser'], ['aisha', 'member'], ['kofi', 'member'], ['emma', 'member'], ['rosa', 'lurker']],
  'sports-social': [['tom', 'committee'], ['priya', 'committee'], ['leo', 'member'], ['ade', 'left']],
  'health-tech-meetup': [['sam', 'organiser'], ['jonas', 'member'], ['mei', 'member'], ['zainab', 'member'], ['pieter', 'lurker']],
  'ahp-leaders': [['daniel', 'committee'], ['joanna', 'member'], ['mairead', 'member']],
};

type LinkRow = [target: string, relevance: number, note?: string];

const GOAL_LINKS: Record<string, { people: LinkRow[]; networks: LinkRow[] }> = {
  research: {
    people: [
      ['rosa', 5, 'Made the same transition; my best guide'],
      ['elena', 5, 'Mentors clinicians into research'],
      ['siobhan', 4],
      ['ravi', 4],
      ['samuel', 4, 'A placement in his trials unit would teach me trials'],
      ['beatriz', 4, 'Shadowing research visits'],
      ['vikram', 4],
      ['kenji', 3],
      ['claire', 3],
      ['ingrid', 3],
      ['emma', 3],
      ['nadia', 3],
      ['jonas', 2, 'Qualitative methods from outside healthcare'],
      ['mei', 2],
      ['daniel', 2],
      ['dana', 2],
      ['ibrahim', 2],
      ['ty', 2],
    ],
    networks: [
      ['rehab-research-net', 5],
      ['rehab-congress', 4],
      ['breath-sig', 3],
      ['writing-circle', 3],
      ['riverside', 2, 'Protected time and data, but a clinical place'],
      ['physio-society', 2],
      ['physio-online', 2],
      ['ahp-leaders', 1, 'The management route I turned down'],
    ],
  },
  doctorate: {
    people: [
      ['margaret', 5, 'My likely supervisor'],
      ['catherine', 5, 'Her charity funds clinical doctoral fellowships'],
      ['fiona', 4],
      ['astrid', 4],
      ['ravi', 4, 'Clinical co-supervisor?'],
      ['chloe', 4],
      ['rosa', 4],
      ['elena', 4],
      ['kwame', 3, 'Lay summaries'],
      ['ines', 3],
      ['samuel', 3],
      ['vikram', 3],
      ['tom', 3, 'Needs to release me part-time'],
      ['emma', 2],
      ['jess', 2],
      ['mairead', 2],
      ['sana', 2],
      ['benedikt', 2],
    ],
    networks: [
      ['westbrook-doctoral', 5],
      ['rehab-research-net', 4],
      ['physio-society', 3, 'Bursaries'],
      ['writing-circle', 2],
    ],
  },
  publish: {
    people: [
      ['olu', 5, 'Co-author'],
      ['nadia', 5],
      ['gwen', 4, 'Patient partner on the paper'],
      ['wei', 4],
      ['kate', 4],
      ['arjun', 4],
      ['ravi', 3],
      ['maya', 3],
      ['marcus', 3, 'The data'],
      ['ingrid', 3],
      ['grace', 3],
      ['hamid', 2],
      ['freya', 2],
      ['matteo', 2],
      ['hyejin', 2],
      ['nora', 2],
    ],
    networks: [
      ['breath-sig', 5],
      ['journal-club', 4],
      ['writing-circle', 4],
      ['physio-online', 2],
      ['physio-society', 2],
    ],
  },
};

/**
 * Which needs each link serves. The story: research is covered, with statistics
 * (not essential) still unserved although Vikram and Mei could help; the fellowship
 * has nobody behind funding, an essential need, while Catherine's role and Sana's
 * note say where to look; publishing rests on weak ties to the journal's editors.
 */
const SERVES: Record<string, Record<string, string[]>> = {
  research: {
    rosa: ['research methods', 'academic mentors'],
    siobhan: ['academic mentors'],
    elena: ['academic mentors'],
    ravi: ['research methods'],
    beatriz: ['research methods'],
    kenji: ['research methods'],
    samuel: ['research methods'],
    'breath-sig': ['research networks'],
    'rehab-research-net': ['research networks'],
  },
  doctorate: {
    margaret: ['supervisor'],
    ravi: ['supervisor'],
    rosa: ['proposal'],
    elena: ['proposal'],
    astrid: ['doctoral school'],
    fiona: ['doctoral school'],
    'westbrook-doctoral': ['doctoral school'],
  },
  publish: {
    olu: ['academic writing'],
    'writing-circle': ['academic writing'],
    freya: ['academic writing'],
    kate: ['journals'],
    arjun: ['journals'],
    gwen: ['patient partners'],
    nora: ['patient partners'],
    nadia: ['special interest group'],
    'breath-sig': ['special interest group'],
  },
};

type TieRow = [a: string, b: string, strength: number, note?: string];

const TIES: TieRow[] = [
  ['tom', 'grace', 4],
  ['tom', 'mairead', 4, 'Manager and clinical lead'],
  ['tom', 'kenji', 3],
  ['grace', 'sofia', 4],
  ['grace', 'priya', 3],
  ['grace', 'femi', 3, 'Trained together'],
  ['ravi', 'olu', 4, 'Run the breathlessness clinic together'],
  ['ravi', 'claire', 2],
  ['ravi', 'samuel', 2, 'Co-authors on an old trial'],
  ['olu', 'gwen', 3],
  ['claire', 'vikram', 3],
  ['claire', 'beatriz', 3],
  ['claire', 'marcus', 2],
  ['rosa', 'margaret', 4, 'Margaret supervised her doctorate'],
  ['rosa', 'siobhan', 3],
  ['margaret', 'fiona', 4],
  ['margaret', 'astrid', 4, 'Supervisor and student'],
  ['margaret', 'samuel', 3],
  ['elena', 'ana', 4],
  ['elena', 'samuel', 3],
  ['elena', 'nadia', 3],
  ['nadia', 'wei', 4],
  ['nadia', 'hamid', 4],
  ['nadia', 'maya', 3],
  ['nadia', 'kate', 2],
  ['kate', 'arjun', 4, 'Same journal'],
  ['hiroshi', 'samuel', 2],
  ['lena', 'oliver', 3],
  ['jess', 'nora', 2],
  ['jess', 'sana', 3, 'Same university'],
  ['jonas', 'mei', 4],
  ['jonas', 'kenji', 2],
  ['lucia', 'kwame', 3],
  ['daniel', 'joanna', 4],
  ['siobhan', 'joanna', 3],
  ['kofi', 'aisha', 3, 'Classmates'],
  ['emma', 'aisha', 2],
  ['chloe', 'gareth', 3],
  ['chloe', 'thandi', 3],
  ['sam', 'pieter', 1],
  ['dana', 'hyejin', 2, 'She was a guest on the podcast'],
];

type IntroRow = [by: string | null, person: string, to: string | null, d: number, note?: string];

const INTRODUCTIONS: IntroRow[] = [
  ['jonas', 'mei', null, 556, 'When I got stuck in R'],
  ['lucia', 'kwame', null, 486, 'At her birthday dinner'],
  [null, 'mei', 'marcus', 500, 'Two data people who should talk'],
  ['elena', 'ana', null, 396, 'To join the research network'],
  ['ravi', 'samuel', 'olu', 380, 'About a trial looking for sites'],
  ['samuel', 'hiroshi', null, 409, 'At the congress'],
  ['olu', 'gwen', null, 346, 'A patient partner for the evaluation'],
  [null, 'hannah', 'femi', 330, 'A respiratory job at his hospital'],
  ['rosa', 'margaret', null, 318, 'Coffee after a seminar'],
  ['claire', 'vikram', null, 306, 'Statistics support'],
  ['nadia', 'kate', null, 252, 'After the webinar'],
  [null, 'jonas', 'kenji', 205, 'Interview methods for his study'],
  [null, 'dylan', 'beatriz', 198, 'A shadow day on research visits'],
  ['margaret', 'fiona', null, 176, 'Clinical doctorates at Westbrook'],
  ['margaret', 'astrid', null, 172, 'To hear what the doctorate is like'],
  [null, 'jess', 'astrid', 150, 'Both doing physio doctorates'],
  [null, 'gwen', 'nadia', 100, 'A patient voice for the SIG'],
];

interface FollowUpRow {
  kind: FollowUpKind;
  what: string;
  /** Due this many days ago (negative: in the future). */
  due: number;
  status: FollowUpStatus;
  /** Closed this many days ago. */
  closed?: number;
}

interface ExchangeRow {
  d: number;
  ch: Channel;
  by: Initiator;
  who: string[];
  at?: string;
  gave?: Array<[GiveKind, string]>;
  got?: Array<[ReceiveKind, string]>;
  learned?: string;
  feel?: Feeling;
  notes?: string;
  fu?: FollowUpRow[];
}

/** The exchanges written by hand; routine ones (journal club, one-to-ones) are added below. */
const EXCHANGES: ExchangeRow[] = [
  { d: 745, ch: 'coffee', by: 'me', who: ['siobhan'], gave: [['time', 'listened to her plans for a new module']], got: [['insight', 'start with a service evaluation, not a doctorate']], learned: 'A service evaluation is a safe first step into research and builds a track record.', feel: 'energising', notes: 'The conversation where I said it out loud: I want to do research.', fu: [{ kind: 'thank-you', what: 'Thank Siobhán for her time', due: 743, status: 'done', closed: 744 }] },
  { d: 720, ch: 'coffee', by: 'me', who: ['tom'], gave: [['help', "offered to run the team's in-service on outcome measures"]], got: [['opportunity', 'half a day a month of protected time for the evaluation']], learned: 'Asking with a concrete plan, and something offered in return, got a yes.', feel: 'energising' },
  { d: 715, ch: 'video', by: 'me', who: ['rosa'], gave: [['feedback', 'commented on her new rehab module outline']], got: [['insight', "how she combined clinical work with a part-time master's"]], learned: "Most clinical academics did a part-time master's first; the route is slower than I hoped, but well trodden.", feel: 'good' },
  { d: 700, ch: 'email', by: 'me', who: ['ingrid'], got: [['resource', 'a search strategy for home-based pulmonary rehabilitation']], learned: 'A librarian-built search finds twice what my keyword search did.', feel: 'good', fu: [{ kind: 'thank-you', what: 'Thank Ingrid for the search', due: 698, status: 'done', closed: 699 }] },
  { d: 700, ch: 'lunch', by: 'mutual', who: ['ade'], gave: [['resource', 'my copy of the respiratory handbook']], got: [['insight', 'community teams see patients nobody refers to rehab']], learned: 'Referral gaps are as much a research question as exercise doses.', feel: 'good', notes: 'His leaving lunch.' },
  { d: 690, ch: 'lunch', by: 'me', who: ['kenji'], gave: [['help', 'covered his Friday clinic while he wrote up']], got: [['insight', 'a service evaluation needs lighter approvals than research, but check with the research office']], learned: "Kenji protected a day a month for his master's by swapping clinics.", feel: 'good' },
  { d: 682, ch: 'social-media', by: 'them', who: ['jess'], got: [['insight', 'a list of fellowship schemes for clinicians']], learned: 'Pre-doctoral fellowships exist; I had only heard of doctoral ones.', feel: 'good' },
  { d: 670, ch: 'coffee', by: 'mutual', who: ['grace'], gave: [['time', 'drafted the first three months of papers']], got: [['insight', 'rotate the chair so it never rests on the two of us']], learned: 'Sharing the chair keeps a club alive.', feel: 'energising', notes: 'The day we decided to start the Breathe Easy journal club.' },
  { d: 640, ch: 'coffee', by: 'them', who: ['ravi'], gave: [['help', 'offered to collate the referral data']], got: [['opportunity', 'evaluate the breathlessness clinic outcomes']], learned: 'Ravi prefers a one-page plan to a corridor conversation.', feel: 'energising', fu: [{ kind: 'resource', what: 'Send Ravi a one-page evaluation plan', due: 630, status: 'done', closed: 633 }] },
  { d: 632, ch: 'email', by: 'me', who: ['claire'], gave: [['resource', 'a summary of the evaluation plan']], got: [['insight', 'it counts as service evaluation; register it with the audit team']], learned: 'Audit, service evaluation or research: the label decides which approvals you need.', feel: 'neutral' },
  { d: 620, ch: 'email', by: 'me', who: ['marcus'], got: [['resource', 'two years of anonymised clinic outcome data']], learned: 'Ask for data with a clear list of fields; vague requests sink to the bottom of the queue.', feel: 'good' },
  { d: 620, ch: 'event', by: 'them', who: ['gareth'], at: 'physio-society', got: [['insight', 'the society funds small research bursaries']], learned: 'Regional evenings are small enough to actually talk to people.', feel: 'neutral' },
  { d: 612, ch: 'coffee', by: 'mutual', who: ['olu'], gave: [['help', 'wrote the data collection sheet']], got: [['insight', 'patients drop out when classes clash with hospital transport']], learned: 'The best research questions come from the clinic diary.', feel: 'energising' },
  { d: 600, ch: 'video', by: 'me', who: ['emma'], gave: [['feedback', 'read her fellowship application']], got: [['insight', 'what the first year of a doctorate is really like']], learned: 'Supervisor fit matters more than the topic.', feel: 'good' },
  { d: 598, ch: 'social-media', by: 'me', who: ['matteo'], gave: [['feedback', 'a comment on his post about the six-minute walk test']], got: [['insight', 'his reply on minimal important differences']], learned: 'Public comments can start real conversations if they add something.', feel: 'good' },
  { d: 590, ch: 'video', by: 'them', who: ['aisha'], gave: [['feedback', "reviewed her CV for a master's application"]], got: [['insight', 'how her hospital runs rehab with almost no equipment']], learned: 'Chairs, stairs and a corridor are enough for a rehab class.', feel: 'energising' },
  { d: 580, ch: 'lunch', by: 'me', who: ['daniel'], gave: [['resource', 'our outcome measure templates for his team']], got: [['insight', 'ask for references early; managers are slow']], learned: 'Line up referees months before any deadline.', feel: 'good' },
  { d: 572, ch: 'event', by: 'them', who: ['nadia', 'wei', 'hamid', 'maya', 'patrick'], at: 'breath-sig', gave: [['time', "volunteered for the members' survey"]], got: [['insight', 'the SIG wants to map breathlessness services nationally']], learned: 'Volunteering for one concrete task is the fastest way into a group.', feel: 'energising', notes: 'My first SIG meeting.' },
  { d: 560, ch: 'coffee', by: 'me', who: ['jonas'], gave: [['feedback', "a clinician's view of his health app prototype"]], got: [['insight', 'how to run a semi-structured interview']], learned: 'Ask "tell me about the last time" rather than "do you usually".', feel: 'energising' },
  { d: 550, ch: 'video', by: 'them', who: ['mei'], gave: [['time', 'explained what the outcome measures mean clinically']], got: [['resource', 'an R script to tidy the clinic data']], learned: 'Tidy data first, analysis second.', feel: 'good' },
  { d: 545, ch: 'lunch', by: 'mutual', who: ['anika'], got: [['insight', 'stakeholder mapping: power against interest']], learned: 'Map who could block the evaluation, not only who could help.', feel: 'good' },
  { d: 540, ch: 'coffee', by: 'them', who: ['dylan'], gave: [['time', 'talked through his rotation goals'], ['resource', 'lent him a research methods book']], learned: 'Explaining research to someone newer shows me what I actually understand.', feel: 'good' },
  { d: 530, ch: 'lunch', by: 'me', who: ['joanna'], gave: [['feedback', 'on her consultant job plan']], got: [['insight', 'how she negotiated research time into her consultant post']], learned: 'Research time is easier to win when it is written into a job plan.', feel: 'energising' },
  { d: 520, ch: 'coffee', by: 'me', who: ['beatriz'], gave: [['help', 'ran a breathing-technique session for trial participants']], got: [['opportunity', 'to shadow two trial visits']], learned: 'Research visits are careful, repetitive checking; consent takes longer than the tests.', feel: 'good' },
  { d: 520, ch: 'social-media', by: 'them', who: ['omar'], gave: [['resource', 'our breathing-control leaflet']], got: [['resource', 'his class circuit for people on oxygen']], learned: 'Other services solved our oxygen logistics years ago.', feel: 'good' },
  { d: 510, ch: 'coffee', by: 'them', who: ['yusuf'], gave: [['resource', 'our clinic outcome summary']], got: [['insight', 'anxiety predicts breathlessness better than lung function does']], learned: 'Our evaluation should measure anxiety, not only walking distance.', feel: 'energising' },
  { d: 500, ch: 'event', by: 'me', who: ['nadia', 'wei', 'hamid'], at: 'breath-sig', gave: [['time', 'took the minutes and the survey lead']], got: [['opportunity', 'a place on the SIG committee']], learned: 'Committees run on whoever sends the minutes.', feel: 'good', notes: 'Joined the committee.' },
  { d: 495, ch: 'email', by: 'them', who: ['maya'], gave: [['resource', 'a newsletter piece on our breathing-control class']], learned: 'A short newsletter piece takes a morning and gets read.', feel: 'good' },
  { d: 488, ch: 'lunch', by: 'them', who: ['lucia'], gave: [['time', 'helped set up her birthday dinner']], got: [['introduction', 'to Kwame, a fundraiser who writes grant bids']], learned: 'Friends outside healthcare know people I would never meet at work.', feel: 'energising' },
  { d: 482, ch: 'call', by: 'me', who: ['kwame'], got: [['insight', 'lead with the problem, not the method, in a lay summary']], learned: 'Funders read the first two sentences; make them about patients.', feel: 'good' },
  { d: 480, ch: 'event', by: 'mutual', who: ['li'], gave: [['time', 'ran the breathing part of the session']], got: [['insight', 'small, frequent meals ease breathlessness']], learned: 'Patients remember the practical tips, not the physiology.', feel: 'good' },
  { d: 460, ch: 'video', by: 'me', who: ['nora', 'jess'], at: 'writing-circle', gave: [['feedback', 'read a paragraph from each']], got: [['insight', 'write for 25 minutes before opening email']], learned: 'Writing gets done in small, protected blocks.', feel: 'energising' },
  { d: 455, ch: 'email', by: 'me', who: ['mairead'], gave: [['resource', 'a costed plan and what the team gets back']], got: [['opportunity', 'funding for a statistics short course']], learned: 'Managers say yes to a costed plan with a benefit for the service.', feel: 'neutral' },
  { d: 450, ch: 'call', by: 'them', who: ['kofi'], gave: [['help', 'ideas for a class for his private patients']], got: [['insight', 'running a clinic: time is the scarcest resource']], learned: 'Kofi misses the team more than he expected.', feel: 'good' },
  { d: 442, ch: 'email', by: 'me', who: ['chloe'], got: [['opportunity', 'the bursary scheme opens in spring']], learned: 'Small bursaries are a way to show funders you can deliver.', feel: 'neutral' },
  { d: 430, ch: 'coffee', by: 'me', who: ['joanna'], gave: [['time', 'drove to Oxford for the afternoon']], got: [['insight', 'write the paper before applying for anything']], learned: 'A published evaluation makes every later application easier.', feel: 'good', fu: [{ kind: 'other', what: 'Visit Joanna again and meet her research team', due: 340, status: 'dropped', closed: 200 }] },
  { d: 425, ch: 'social-media', by: 'me', who: ['ty'], got: [['resource', 'a thread on confidence intervals, with my question answered']], learned: 'A confidence interval says more than a p-value ever will.', feel: 'good' },
  { d: 410, ch: 'event', by: 'me', who: ['samuel'], at: 'rehab-congress', got: [['insight', 'home-based rehab trials need a pragmatic design']], learned: 'Leaders answer good questions after keynotes; prepare one.', feel: 'energising', fu: [{ kind: 'thank-you', what: 'Thank Samuel for his time after the keynote', due: 405, status: 'done', closed: 408 }] },
  { d: 410, ch: 'event', by: 'them', who: ['lars'], at: 'rehab-congress', gave: [['resource', 'the poster and a data summary']], got: [['insight', 'three questions my poster did not answer']], learned: 'A poster should answer "so what?" in one line.', feel: 'good' },
  { d: 409, ch: 'event', by: 'mutual', who: ['elena'], at: 'rehab-congress', gave: [['help', 'offered to share our class protocol with her site']], got: [['opportunity', 'an invitation to join the research network']], learned: 'The congress dinner was worth more than the sessions.', feel: 'energising' },
  { d: 409, ch: 'event', by: 'them', who: ['hiroshi', 'samuel'], at: 'rehab-congress', got: [['insight', 'Japanese programmes set daily step targets']], learned: 'Step counts are a cheap outcome patients understand.', feel: 'good' },
  { d: 408, ch: 'event', by: 'mutual', who: ['lena', 'oliver'], at: 'rehab-congress', gave: [['resource', 'our outcome spreadsheet template']], got: [['insight', "Berlin's home programme uses weekly video check-ins"]], learned: 'Meeting online contacts in person turns them into colleagues.', feel: 'energising' },
  { d: 408, ch: 'event', by: 'them', who: ['dmitri'], at: 'rehab-congress', got: [['resource', 'a brochure and a demo of a breathing trainer']], learned: 'Exhibition stands are sales conversations; decide beforehand what I want from them.', feel: 'awkward' },
  { d: 400, ch: 'lunch', by: 'them', who: ['bilal'], gave: [['time', 'a long lunch after his night shift']], got: [['insight', 'GPs rarely hear what happens in rehab']], learned: 'A one-line letter back to the GP could raise referrals.', feel: 'good' },
  { d: 396, ch: 'video', by: 'them', who: ['elena'], gave: [['time', 'described our clinic population for her study plans']], got: [['introduction', 'to Ana, the network coordinator']], learned: 'Networks open doors when someone inside walks you through them.', feel: 'good' },
  { d: 385, ch: 'email', by: 'them', who: ['ana'], gave: [['help', 'filled in the site capability survey']], got: [['resource', 'the network welcome pack and list of open studies']], learned: 'Being a recruiting site is a way into a study team.', feel: 'neutral' },
  { d: 383, ch: 'event', by: 'them', who: ['nikos'], got: [['insight', 'palliative care frames breathlessness as a symptom to live with']], learned: 'The same symptom has different goals in different services.', feel: 'neutral' },
  { d: 380, ch: 'event', by: 'me', who: ['thandi'], at: 'physio-society', gave: [['feedback', 'on the draft student supervision guide']], got: [['insight', 'structured feedback forms for placements']], learned: 'Good supervision is a skill I will need as a researcher too.', feel: 'good' },
  { d: 375, ch: 'video', by: 'me', who: ['samuel'], gave: [['resource', 'a summary of our clinic data']], got: [['insight', 'narrow the question to one population']], learned: 'A narrow question is not a small one.', feel: 'good', fu: [{ kind: 'resource', what: 'Send Samuel the narrowed research question', due: 365, status: 'done', closed: 362 }] },
  { d: 365, ch: 'coffee', by: 'me', who: ['siobhan'], gave: [['feedback', 'on her placement handbook']], got: [['insight', 'choose the supervisor before the university']], learned: 'People, not institutions, make a doctorate work.', feel: 'energising' },
  { d: 360, ch: 'coffee', by: 'them', who: ['hannah'], gave: [['time', 'a careers chat at the end of her placement'], ['feedback', 'on her case-study presentation']], learned: 'Students ask about research earlier than I did.', feel: 'good' },
  { d: 350, ch: 'email', by: 'them', who: ['patrick'], gave: [['resource', 'our class protocol and risk assessment']], learned: 'Sharing a protocol costs me nothing and saves someone a month.', feel: 'good' },
  { d: 348, ch: 'event', by: 'mutual', who: ['leo', 'tom', 'priya'], at: 'sports-social', gave: [['time', 'three evenings on the fun run stewarding rota']], learned: 'The social committee eats my Tuesday evenings and serves none of my goals.', feel: 'draining' },
  { d: 345, ch: 'coffee', by: 'them', who: ['gwen', 'olu'], gave: [['time', 'explained the evaluation and what we would ask of her']], got: [['insight', 'patients care about getting to the shops, not walking distance']], learned: 'Patient partners change the outcomes we choose.', feel: 'energising' },
  { d: 335, ch: 'event', by: 'them', who: ['eleanor'], gave: [['time', 'answered her questions on rehab for an article']], got: [['insight', "tell one patient's story before the numbers"]], learned: 'Stories open doors that statistics cannot.', feel: 'good' },
  { d: 330, ch: 'call', by: 'me', who: ['kofi'], gave: [['time', 'listened while he weighed selling the clinic']], learned: 'Kofi is thinking of selling the clinic; he sounded tired.', feel: 'neutral', fu: [{ kind: 'other', what: 'Call Kofi back to hear what he decided', due: 300, status: 'open' }] },
  { d: 318, ch: 'coffee', by: 'them', who: ['margaret', 'rosa'], got: [['introduction', 'Rosa introduced me to Margaret'], ['insight', 'her programme takes clinical doctoral fellows']], learned: 'A warm introduction turned a professor into a conversation.', feel: 'energising', fu: [{ kind: 'thank-you', what: 'Thank Rosa for the introduction', due: 316, status: 'done', closed: 317 }] },
  { d: 310, ch: 'coffee', by: 'me', who: ['margaret'], gave: [['resource', 'our clinic data summary']], got: [['insight', 'start a proposal from a patient problem you see every week']], learned: 'Margaret thinks in programmes of work, not single studies.', feel: 'energising' },
  { d: 305, ch: 'video', by: 'them', who: ['vikram'], got: [['insight', 'our numbers support a feasibility study, not a trial']], learned: 'Feasibility is a respectable first study.', feel: 'good' },
  { d: 302, ch: 'social-media', by: 'them', who: ['carlos'], gave: [['help', 'answered his question about oxygen during exercise']], learned: 'Our local rules look odd from elsewhere; worth explaining why.', feel: 'good' },
  { d: 300, ch: 'coffee', by: 'me', who: ['femi'], gave: [['feedback', 'on his journal club presentation']], got: [['insight', "his hospital's tricks for the rehab waiting list"]], learned: 'A phone call in the first week halves the drop-out.', feel: 'good' },
  { d: 298, ch: 'lunch', by: 'me', who: ['kenji'], gave: [['help', 'a read of his interview guide']], got: [['insight', 'transcription takes four times the interview length']], learned: 'Budget time for transcription before promising results.', feel: 'good' },
  { d: 296, ch: 'coffee', by: 'mutual', who: ['rory'], gave: [['time', 'talked to his year 10 class about lungs']], got: [['insight', 'teenagers ask better questions than conference audiences']], learned: 'Explaining breathlessness simply is a skill worth practising.', feel: 'energising' },
  { d: 285, ch: 'email', by: 'them', who: ['jamal'], got: [['opportunity', 'a well-paid private-sector role with no research']], learned: 'A quick, kind no is better than a maybe.', feel: 'awkward' },
  { d: 282, ch: 'social-media', by: 'me', who: ['hyejin'], gave: [['feedback', 'on her episode about clinician researchers']], got: [['insight', 'fellowships reward a clear plan over a big idea']], learned: 'A training plan is half of a fellowship application.', feel: 'good' },
  { d: 270, ch: 'social-media', by: 'me', who: ['matteo'], gave: [['resource', 'our evaluation poster']], got: [['opportunity', 'a feature on his blog']], learned: 'Sharing early work invites useful criticism.', feel: 'good' },
  { d: 262, ch: 'email', by: 'them', who: ['zainab'], gave: [['time', 'recorded twenty minutes on living with breathlessness']], got: [['opportunity', 'a slot on a community health podcast']], learned: 'Radio-style answers need one idea each.', feel: 'good' },
  { d: 260, ch: 'lunch', by: 'them', who: ['daniel'], gave: [['resource', 'our class protocol']], got: [['insight', 'the regional therapies network funds research days']], learned: 'There is money for research days if you know whom to ask.', feel: 'good', fu: [{ kind: 'introduction', what: 'Introduce Daniel to Elena', due: 240, status: 'open' }] },
  { d: 250, ch: 'event', by: 'me', who: ['nadia', 'wei', 'arjun', 'kate'], at: 'breath-sig', gave: [['time', 'presented the service evaluation at the SIG webinar']], got: [['insight', 'editors want the "so what" in the first paragraph']], learned: 'Presenting to peers was the fastest feedback I have had.', feel: 'energising' },
  { d: 246, ch: 'event', by: 'mutual', who: ['leo', 'priya'], at: 'sports-social', gave: [['time', 'organised the charity quiz']], learned: 'I said yes to the quiz out of habit.', feel: 'draining' },
  { d: 244, ch: 'social-media', by: 'them', who: ['ruth'], gave: [['resource', 'a list of low-cost exercise kit']], got: [['insight', 'how her team runs classes outdoors']], learned: 'Outdoor classes solve space and infection control at once.', feel: 'good' },
  { d: 240, ch: 'video', by: 'mutual', who: ['wei'], gave: [['help', 'coded the open-text survey answers']], got: [['resource', 'her survey template and analysis plan']], learned: 'Agree the analysis plan before the data arrive.', feel: 'energising' },
  { d: 238, ch: 'email', by: 'me', who: ['maya'], gave: [['resource', "a second newsletter piece on the members' survey"]], learned: 'Regular small pieces keep the SIG seeing our work.', feel: 'good' },
  { d: 232, ch: 'coffee', by: 'them', who: ['yara'], gave: [['resource', 'our breathing-control leaflet']], got: [['insight', 'her breathing classes fill because they run in the evening']], learned: 'Timing matters as much as content for attendance.', feel: 'good' },
  { d: 230, ch: 'email', by: 'me', who: ['arjun'], got: [['insight', "service evaluations fit the journal's short-report format"]], learned: 'Ask an editor about fit before writing a word.', feel: 'neutral' },
  { d: 225, ch: 'event', by: 'me', who: ['sam'], at: 'health-tech-meetup', gave: [['time', 'answered questions about how rehab classes run']], got: [['insight', 'wearables companies want clinical partners for validation']], learned: 'Industry needs clinicians as much as we need their devices.', feel: 'good' },
  { d: 210, ch: 'coffee', by: 'me', who: ['siobhan'], gave: [['feedback', 'on her module handbook']], got: [['insight', 'write the proposal with Margaret, not for her']], learned: 'A proposal written together is already half a supervision.', feel: 'energising', fu: [{ kind: 'resource', what: 'Send Siobhán the proposal outline', due: 180, status: 'open' }] },
  { d: 205, ch: 'coffee', by: 'me', who: ['jonas'], gave: [['introduction', 'to Kenji, who is starting interviews']], got: [['insight', 'affinity mapping for qualitative data']], learned: 'Sticky notes on a wall beat software for a first pass.', feel: 'good' },
  { d: 200, ch: 'social-media', by: 'them', who: ['omar'], gave: [['feedback', 'on his video home-visit checklist']], got: [['insight', 'his team now does home visits by video']], learned: 'Video visits work best with a family member holding the camera.', feel: 'good' },
  { d: 198, ch: 'coffee', by: 'them', who: ['dylan'], gave: [['help', 'reviewed his first audit plan'], ['introduction', 'to Beatriz for a research shadow day']], learned: 'Dylan is ready for more responsibility.', feel: 'good' },
  { d: 190, ch: 'email', by: 'me', who: ['samuel'], got: [['opportunity', 'an invitation to visit his trials unit in spring']], learned: 'Busy professors reply to short emails with one clear ask.', feel: 'good', fu: [{ kind: 'other', what: "Arrange the visit to Samuel's trials unit", due: 150, status: 'open' }] },
  { d: 182, ch: 'coffee', by: 'them', who: ['yusuf'], gave: [['time', 'co-led his anxiety and breathlessness group']], got: [['insight', 'a short anxiety screen fits into a rehab assessment']], learned: 'Two questions can screen for anxiety.', feel: 'good' },
  { d: 180, ch: 'video', by: 'me', who: ['margaret'], gave: [['resource', 'my first proposal outline']], got: [['insight', 'panels look for a realistic training plan']], learned: 'A fellowship funds a person, not only a project.', feel: 'good', fu: [{ kind: 'resource', what: 'Send Margaret the revised outline', due: 160, status: 'done', closed: 158 }] },
  { d: 176, ch: 'email', by: 'them', who: ['fiona'], got: [['resource', 'the clinical doctoral pathway guide']], learned: 'Clinical doctorates at Westbrook can be part-time over five years.', feel: 'neutral' },
  { d: 170, ch: 'email', by: 'me', who: ['amelia'], notes: 'Asked about the clinical academic training scheme; no reply yet.' },
  { d: 166, ch: 'coffee', by: 'them', who: ['astrid'], gave: [['help', 'tips on recruiting patients for her study']], got: [['insight', 'Margaret meets her students every fortnight and reads everything']], learned: 'Ask current students how a supervisor really works.', feel: 'energising' },
  { d: 160, ch: 'video', by: 'mutual', who: ['elena'], gave: [['feedback', "on the network's patient leaflet"]], got: [['insight', 'a pre-doctoral award first, then the doctoral fellowship']], learned: 'There is a stepping stone between clinic and doctorate.', feel: 'good' },
  { d: 155, ch: 'social-media', by: 'them', who: ['sana'], got: [['resource', 'her list of fellowship deadlines']], learned: 'Most deadlines cluster in spring; plan backwards.', feel: 'good' },
  { d: 152, ch: 'lunch', by: 'mutual', who: ['lucia'], gave: [['time', 'helped her choose tiles, at length']], got: [['insight', 'architects pitch ideas with one picture']], learned: 'One diagram can carry a whole proposal.', feel: 'energising' },
  { d: 150, ch: 'social-media', by: 'me', who: ['jess'], gave: [['introduction', 'to Astrid, also doing a physio doctorate']], got: [['insight', 'the questions from her fellowship interview']], learned: 'Interviews test whether you can say the plan in two minutes.', feel: 'good' },
  { d: 145, ch: 'coffee', by: 'me', who: ['beatriz'], gave: [['help', 'covered the breathing session at a trial visit']], got: [['opportunity', 'a place on good clinical practice training']], learned: 'Helping the research team is the best way to learn what they do.', feel: 'good' },
  { d: 140, ch: 'coffee', by: 'mutual', who: ['olu', 'gwen'], gave: [['time', 'drafted the results section']], got: [['insight', 'the results need a plain-language version']], learned: 'Writing for patients clarifies writing for reviewers.', feel: 'good' },
  { d: 135, ch: 'email', by: 'me', who: ['marcus'], gave: [['feedback', "on the labels in his clinic dashboard"]], got: [['resource', 'an updated data extract']], learned: 'Giving feedback on his work made my request feel fair.', feel: 'good' },
  { d: 130, ch: 'email', by: 'me', who: ['ingrid'], got: [['resource', 'an updated search with last year\'s papers']], learned: 'Searches go stale within a year.', feel: 'good' },
  { d: 125, ch: 'event', by: 'me', who: ['fiona', 'astrid', 'margaret'], at: 'westbrook-doctoral', gave: [['time', 'a day off for the open day']], got: [['insight', 'studentships open in January; fellowships need a host supervisor']], learned: 'The host supervisor is the first thing a panel checks.', feel: 'energising' },
  { d: 125, ch: 'event', by: 'them', who: ['ines'], at: 'westbrook-doctoral', got: [['resource', 'the studentship rules for part-time clinicians']], learned: 'Part-time studentships pay pro rata and can be paused.', feel: 'neutral' },
  { d: 115, ch: 'email', by: 'me', who: ['claire'], gave: [['resource', 'a draft project summary']], got: [['insight', 'sponsorship needs a costing form eight weeks ahead']], learned: 'Approvals set the timeline, not the science.', feel: 'neutral', fu: [{ kind: 'question', what: 'Ask Claire who signs the sponsorship form', due: 100, status: 'done', closed: 104 }] },
  { d: 110, ch: 'video', by: 'them', who: ['nora'], gave: [['feedback', 'on her plain-language summary']], got: [['resource', "her patient-partner panel's terms of reference"]], learned: 'Pay patient partners properly and say so up front.', feel: 'good' },
  { d: 105, ch: 'event', by: 'mutual', who: ['leo', 'tom'], at: 'sports-social', gave: [['time', 'planned the summer barbecue']], learned: 'Time to hand this committee on to someone who loves it.', feel: 'draining' },
  { d: 100, ch: 'video', by: 'me', who: ['rosa'], gave: [['help', 'a guest lecture for her students on pulmonary rehab']], got: [['insight', 'my proposal has too many aims']], learned: 'Three aims is a career; one or two is a doctorate.', feel: 'good' },
  { d: 95, ch: 'email', by: 'me', who: ['chloe'], got: [['opportunity', 'a small research bursary, awarded']], learned: 'Small wins count on a fellowship application.', feel: 'energising', fu: [{ kind: 'thank-you', what: 'Thank Chloé and the bursary panel', due: 93, status: 'done', closed: 94 }] },
  { d: 92, ch: 'email', by: 'me', who: ['pieter'], notes: 'Asked whether his survey tool could work for the SIG; no reply yet.' },
  { d: 90, ch: 'video', by: 'mutual', who: ['emma'], gave: [['feedback', 'on her postdoc application']], got: [['insight', 'how she negotiated her doctoral stipend']], learned: 'Stipends for clinicians can be negotiated against salary.', feel: 'good' },
  { d: 85, ch: 'call', by: 'me', who: ['kwame'], got: [['insight', 'line-by-line notes on my lay summary']], learned: 'Cut every sentence a patient would skip.', feel: 'good', fu: [{ kind: 'thank-you', what: 'Send Kwame a thank-you and the final summary', due: 80, status: 'open' }] },
  { d: 80, ch: 'coffee', by: 'me', who: ['ravi'], gave: [['help', 'took on cleaning the clinic data']], got: [['insight', 'he would co-supervise if the university leads']], learned: 'Clinical co-supervision needs the university to lead.', feel: 'good' },
  { d: 75, ch: 'video', by: 'them', who: ['rosa'], gave: [['time', 'talked through her teaching plans']], got: [['opportunity', 'to teach a session at Westbrook']], learned: 'Teaching at the university gets me known there before I apply.', feel: 'energising', fu: [{ kind: 'thank-you', what: 'Thank Rosa for the teaching invitation', due: 73, status: 'done', closed: 74 }] },
  { d: 72, ch: 'email', by: 'me', who: ['kate'], got: [['insight', 'short reports must stay under 2,000 words']], learned: 'Word limits decide the shape of a paper.', feel: 'neutral' },
  { d: 70, ch: 'email', by: 'them', who: ['hamid'], gave: [['help', "checked the SIG's event budget"]], got: [['insight', 'the SIG can pay for a patient partner at the next meeting']], learned: 'Ask the treasurer early; money is often there.', feel: 'good' },
  { d: 65, ch: 'video', by: 'me', who: ['vikram'], got: [['resource', 'a sample size calculation for the feasibility study']], learned: 'Forty participants is enough to estimate recruitment and retention.', feel: 'good' },
  { d: 62, ch: 'coffee', by: 'them', who: ['marta'], gave: [['help', 'carried her shopping up the stairs']], got: [['insight', 'district nurses once ran breathing checks at home']], learned: 'Home-based care has a history worth reading about.', feel: 'good' },
  { d: 60, ch: 'email', by: 'mutual', who: ['olu', 'gwen'], gave: [['time', 'final edits and the submission itself']], learned: 'Submitting took three weeks longer than writing the last draft.', feel: 'energising', notes: 'Paper submitted!' },
  { d: 58, ch: 'email', by: 'me', who: ['freya'], notes: 'Asked whether the writing circle runs a retreat; no reply yet.' },
  { d: 55, ch: 'video', by: 'mutual', who: ['aisha'], gave: [['feedback', 'on her first conference abstract']], got: [['insight', 'her department wants to partner on home-based rehab']], learned: 'An international partner could strengthen the proposal.', feel: 'energising' },
  { d: 50, ch: 'coffee', by: 'me', who: ['ravi'], gave: [['resource', 'the draft proposal']], got: [['insight', 'he wants to see the final proposal before committing']], learned: 'Ravi commits in writing or not at all.', feel: 'neutral', fu: [{ kind: 'question', what: 'Ask Ravi to confirm co-supervision in writing', due: 30, status: 'open' }] },
  { d: 45, ch: 'email', by: 'me', who: ['dana'], notes: 'Asked what her interviewees wish they had done earlier.' },
  { d: 40, ch: 'video', by: 'mutual', who: ['elena'], gave: [['feedback', 'on a network conference abstract']], got: [['insight', "the Breathe Forward fellowship panel meets in spring"]], learned: 'Know the panel calendar before setting your own deadlines.', feel: 'good', fu: [{ kind: 'introduction', what: 'Ask Elena to introduce me to Catherine Moreau', due: -14, status: 'open' }] },
  { d: 35, ch: 'event', by: 'them', who: ['lars', 'hiroshi'], at: 'rehab-congress', gave: [['resource', 'the poster with the evaluation results']], got: [['insight', 'next year the congress wants patient-partner talks']], learned: 'Gwen could co-present next year.', feel: 'good' },
  { d: 34, ch: 'event', by: 'mutual', who: ['lena', 'oliver'], at: 'rehab-congress', gave: [['time', 'showed them round the poster hall']], got: [['insight', 'how a Danish doctorate is structured']], learned: 'European doctorates are shorter but fully funded.', feel: 'energising' },
  { d: 28, ch: 'social-media', by: 'them', who: ['jess'], gave: [['feedback', 'on her thesis chapter plan']], got: [['resource', 'her successful fellowship application']], learned: 'Reading a successful application beats any guide.', feel: 'energising' },
  { d: 25, ch: 'video', by: 'mutual', who: ['wei'], gave: [['help', 'co-wrote the survey report']], got: [['insight', 'how to write a discussion that stays modest']], learned: 'Limitations written honestly make a paper stronger.', feel: 'good', fu: [{ kind: 'resource', what: 'Send Wei the discussion section', due: 10, status: 'done', closed: 8 }] },
  { d: 20, ch: 'coffee', by: 'me', who: ['margaret'], gave: [['resource', 'the revised outline']], got: [['insight', 'cut the aims to two and name the training']], learned: 'Margaret is ready to put her name on it once the aims are tight.', feel: 'energising', fu: [{ kind: 'resource', what: 'Send Margaret the two-aim version', due: -7, status: 'open' }] },
  { d: 12, ch: 'video', by: 'me', who: ['nadia'], gave: [['time', 'agreed to draft the survey report introduction']], got: [['opportunity', "to lead the SIG's new research subgroup"]], learned: 'Leading the subgroup is the publish goal made real.', feel: 'energising', fu: [{ kind: 'resource', what: 'Draft the introduction of the SIG survey report', due: 2, status: 'open' }] },
  { d: 10, ch: 'coffee', by: 'mutual', who: ['olu'], gave: [['time', 'read the reviewers\' comments together']], got: [['insight', 'minor revisions: the reviewers liked the patient outcomes']], learned: 'Patient-chosen outcomes were what reviewers praised.', feel: 'energising', fu: [{ kind: 'other', what: "Answer the reviewers' comments with Olu", due: -21, status: 'open' }] },
  { d: 8, ch: 'email', by: 'them', who: ['fiona'], got: [['resource', 'dates of the spring information sessions']], learned: 'The information session is where supervisors meet applicants.', feel: 'good', fu: [{ kind: 'other', what: 'Book a place at the doctoral school information session', due: -10, status: 'open' }] },
  { d: 6, ch: 'coffee', by: 'me', who: ['gwen'], gave: [['resource', 'the draft plain-language summary']], got: [['insight', 'cut the jargon in the second paragraph']], learned: 'Gwen reads like a reviewer, only kinder.', feel: 'good', fu: [{ kind: 'resource', what: 'Send Gwen the final plain-language summary', due: -5, status: 'open' }] },
  { d: 4, ch: 'email', by: 'them', who: ['ana'], got: [['opportunity', "a place for our evaluation in the network's bulletin"]], learned: 'The network bulletin reaches every site lead.', feel: 'good', fu: [{ kind: 'resource', what: 'Send Ana a 200-word summary for the bulletin', due: -10, status: 'open' }] },
];

// ---------------------------------------------------------------------------
// Routine exchanges: the monthly journal club, one-to-ones with Tom and coffees
// with Sofia. The content comes from small pools, picked by a seeded generator.
// ---------------------------------------------------------------------------

const JOURNAL_CLUB_PAPERS: Array<[paper: string, learned: string]> = [
  ['a trial of home-based versus centre-based pulmonary rehabilitation', 'Home programmes can match centre-based ones when someone phones every week.'],
  ['a qualitative study of why people decline a rehab referral', 'Transport and feeling "too breathless to exercise" are the reasons given most often.'],
  ['a systematic review of inspiratory muscle training', 'The pooled effect shrinks once the small, unblinded trials are set aside.'],
  ['a cohort study of readmissions after rehabilitation', 'An observational study cannot separate the programme from the people who complete it.'],
  ['a feasibility trial of tele-rehabilitation', 'Feasibility studies report recruitment and retention, not effectiveness, and that is the point.'],
  ['a trial of high-flow oxygen during exercise training', 'A statistically significant change can still be smaller than what patients notice.'],
  ['a consensus statement on breathlessness outcome measures', 'Consensus methods are only as good as who was invited to the table.'],
  ['a cost-effectiveness analysis of early rehabilitation', 'Costs rest on assumptions the sensitivity analysis rarely tests.'],
  ['a study of singing groups for lung health', 'Activities patients choose keep them coming back.'],
  ['a mixed-methods evaluation of a breathlessness service', 'Mixed methods work best when the interviews explain a surprising number.'],
  ['a trial of a self-management app', 'Engagement drops after four weeks in almost every digital trial.'],
  ['a cluster trial of rehab referral in primary care', 'Clustering shrinks the effective sample more than I expected.'],
  ['a reliability study of the sit-to-stand test', 'A test can be reliable on average and still noisy for one person.'],
  ['a study of anxiety screening in rehabilitation', 'Screening only helps if there is somewhere to refer.'],
  ['a pragmatic trial of maintenance exercise', 'Benefits fade within a year without something to keep people active.'],
];

const TOM_ONE_TO_ONES: Array<{ gave: [GiveKind, string]; got: [ReceiveKind, string]; learned: string }> = [
  { gave: ['help', 'ran the in-service on outcome measures'], got: ['opportunity', 'my protected half-day confirmed for another quarter'], learned: 'Delivering what I promised keeps the protected time safe.' },
  { gave: ['time', 'covered the weekend rota gap'], got: ['insight', 'how the service decides on new posts'], learned: 'New posts follow evidence of demand; our evaluation could make the case.' },
  { gave: ['feedback', 'on the draft team objectives'], got: ['opportunity', 'study leave for the congress'], learned: 'Ask for study leave with the benefit to the team spelled out.' },
  { gave: ['help', "updated the team's exercise protocols"], got: ['insight', 'which managers to brief before a fellowship application'], learned: 'A fellowship means backfill; managers need to hear early.' },
  { gave: ['time', 'supervised two students at once'], got: ['opportunity', 'to lead the department research meeting'], learned: 'Leading a meeting makes the research visible to the whole department.' },
  { gave: ['help', 'wrote the rehab section of the annual report'], got: ['insight', 'how the department could backfill part-time research'], learned: 'Part-time research posts are possible if the numbers work.' },
  { gave: ['feedback', "on the team's new triage form"], got: ['opportunity', "a mention in the director's bulletin"], learned: 'Tom is my best advocate when he knows what I need.' },
  { gave: ['time', 'ran the induction for the new rotation'], got: ['insight', 'what he would need in writing to support a fellowship'], learned: 'A letter of support needs dates, hours and cover.' },
];

const SOFIA_COFFEES: Array<{ gave: [GiveKind, string]; got: [ReceiveKind, string]; learned: string }> = [
  { gave: ['feedback', 'on her new warm-up routine'], got: ['insight', 'patients like a printed weekly plan'], learned: 'Paper still wins for many of our patients.' },
  { gave: ['resource', 'a paper on exercise intensity'], got: ['insight', 'the Tuesday class is always full; Thursday never'], learned: 'Class timing is a finding in itself.' },
  { gave: ['help', 'covered her class during training'], got: ['insight', 'what patients say in the changing room'], learned: 'The real feedback happens after the class.' },
  { gave: ['time', 'helped rearrange the gym'], got: ['resource', 'her attendance spreadsheet'], learned: 'Her spreadsheet is better than our official data.' },
  { gave: ['feedback', 'on her case presentation'], got: ['insight', 'two patients who would talk about rehab for the evaluation'], learned: 'Colleagues know which patients want to be heard.' },
  { gave: ['resource', 'the journal club appraisal checklist'], got: ['insight', 'she may want to do research too'], learned: 'Talking about my plans made room for hers.' },
];

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

function routineExchanges(addedByKey: ReadonlyMap<string, number>): ExchangeRow[] {
  const random = seededRandom(0x5eed_da7a);
  const jitter = () => Math.floor(random() * 7) - 3;
  const rows: ExchangeRow[] = [];

  // Journal club: logged sessions about every six weeks since it started.
  const regulars = ['priya', 'sofia', 'kenji', 'femi', 'olu'];
  JOURNAL_CLUB_PAPERS.forEach(([paper, learned], index) => {
    const d = Math.max(1, 640 - index * 45 + jitter());
    const others = regulars.filter((key) => (addedByKey.get(key) ?? 0) >= d && random() < 0.55);
    const attendees = others.length >= 2 ? others : regulars.filter((key) => (addedByKey.get(key) ?? 0) >= d).slice(0, 2);
    const chairing = index % 2 === 0;
    rows.push({
      d,
      ch: 'event',
      by: 'me',
      who: ['grace', ...attendees],
      at: 'journal-club',
      gave: [chairing ? ['time', 'chaired the session'] : ['resource', 'circulated the paper and an appraisal checklist']],
      got: [['insight', `the group's reading of ${paper}`]],
      learned,
      feel: pick<Feeling>(['energising', 'good', 'good', 'neutral'], random),
      notes: `Journal club: ${paper}.`,
    });
  });

  // One-to-ones with Tom, every three months or so.
  TOM_ONE_TO_ONES.forEach(({ gave, got, learned }, index) => {
    rows.push({ d: 660 - index * 90 + jitter(), ch: 'coffee', by: 'them', who: ['tom'], gave: [gave], got: [got], learned, feel: pick<Feeling>(['good', 'good', 'neutral'], random), notes: 'One-to-one.' });
  });

  // Coffees with Sofia, every four months or so.
  SOFIA_COFFEES.forEach(({ gave, got, learned }, index) => {
    rows.push({ d: 690 - index * 120 + jitter(), ch: 'coffee', by: 'mutual', who: ['sofia'], gave: [gave], got: [got], learned, feel: pick<Feeling>(['good', 'energising'], random) });
  });

  return rows;
}

// ---------------------------------------------------------------------------
// Building the map
// ---------------------------------------------------------------------------

function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .trim();
}

/** "Prof. Margaret Achterberg" → ["margaret", "achterberg"]. */
function nameParts(name: string): [first: string, last: string] {
  const words = asciiSlug(name.replace(/^(Dr|Prof\.)\s+/, '')).split(/\s+/);
  const first = (words[0] ?? 'someone').replace(/-/g, '');
  const last = words.slice(1).join('').replace(/-/g, '');
  return [first, last];
}

const EMAIL_DOMAINS = ['example.org', 'example.com', 'example.net'] as const;

function contactPoints(row: PersonRow, index: number): DemoMap['people'][number]['channels'] {
  const [first, last] = nameParts(row.name);
  const handle = last ? `${first}.${last}` : first;
  const dashed = last ? `${first}-${last}` : first;
  const channels: DemoMap['people'][number]['channels'] = [];
  for (const flag of row.c) {
    switch (flag) {
      case 'e':
        channels.push({ kind: 'email', value: `${handle}@${EMAIL_DOMAINS[index % 3]}`, label: row.org ? 'work' : 'personal' });
        break;
      case 'p': {
        const northAmerica = row.loc !== null && /Canada|USA/.test(row.loc);
        const value = northAmerica
          ? `+1 ${row.loc?.includes('Canada') ? '416' : '312'} 555 01${String(index % 100).padStart(2, '0')}`
          : `+44 7700 900${String((index * 37 + 11) % 1000).padStart(3, '0')}`;
        channels.push({ kind: 'phone', value, label: 'mobile' });
        break;
      }
      case 'l':
        channels.push({ kind: 'linkedin', value: `https://www.example.com/in/${dashed}`, label: null });
        break;
      case 'w':
        channels.push({ kind: 'web', value: `https://${first}${last}.example.net`, label: null });
        break;
      case 'm':
        channels.push({ kind: 'mastodon', value: `@${first}@social.example.net`, label: null });
        break;
      case 'b':
        channels.push({ kind: 'bluesky', value: `@${first}${last}.example.com`, label: null });
        break;
      case 'g':
        channels.push({ kind: 'github', value: `https://code.example.com/${first}${last}`, label: null });
        break;
    }
  }
  return channels;
}

/** Builds the sample map relative to `today` (YYYY-MM-DD). Pure and deterministic. */
/**
 * A tie first met long ago is no longer a new relationship in progress: in a
 * map kept the way Waggle suggests, only the latest few "met" stay "met";
 * older ones are "in touch" (strength 2 or more) or quiet ("dormant").
 */
function settledStage(stage: Stage, strength: number, recent: boolean): Stage {
  if (stage !== 'met' || recent) return stage;
  return strength >= 2 ? 'in-touch' : 'dormant';
}

/** The person first met most recently: with those reached out to, the new relationships in progress. */
const RECENTLY_MET = new Set(
  PEOPLE.filter((row) => row.stage === 'met')
    .sort((a, b) => a.added - b.added)
    .slice(0, 1)
    .map((row) => row.key),
);

export function buildDemoMap(today: string): DemoMap {
  const ago = (days: number): IsoDate => addDays(today, -days);
  const monthsAgo = (months: number): IsoDate => addMonths(today, -months);

  const people: DemoMap['people'] = PEOPLE.map((row, index) => ({
    key: row.key,
    name: row.name,
    organisation: row.org,
    role: row.role,
    location: row.loc,
    howMet: row.met,
    category: row.cat,
    tags: [...row.tags],
    notes: row.notes ?? null,
    strength: row.s,
    importance: row.i,
    knowAndLike: row.kl ?? false,
    canHelp: row.help !== undefined,
    canHelpHow: row.help ?? null,
    stage: settledStage(row.stage, row.s, RECENTLY_MET.has(row.key)),
    cadence: row.cad,
    preferredChannel: row.ch,
    lostJobList: row.lost ?? false,
    nextContactOn: row.next === undefined ? null : addDays(today, row.next),
    tieBeganOn: row.began === undefined ? null : monthsAgo(row.began),
    channels: contactPoints(row, index),
    addedOn: ago(row.added),
  }));

  const addedByKey = new Map(PEOPLE.map((row) => [row.key, row.added]));
  const exchangeRows = [...EXCHANGES, ...routineExchanges(addedByKey)];
  // Oldest first; rows on the same day keep their written order (sort is stable).
  exchangeRows.sort((x, y) => y.d - x.d);

  const exchanges: DemoMap['exchanges'] = exchangeRows.map((row) => ({
    occurredOn: ago(row.d),
    channel: row.ch,
    initiatedBy: row.by,
    people: [...row.who],
    network: row.at ?? null,
    gave: (row.gave ?? []).map(([kind, note]) => ({ kind, note })),
    received: (row.got ?? []).map(([kind, note]) => ({ kind, note })),
    learned: row.learned ?? null,
    feeling: row.feel ?? null,
    notes: row.notes ?? null,
    followUps: (row.fu ?? []).map((f) => ({
      kind: f.kind,
      description: f.what,
      dueOn: ago(f.due),
      status: f.status,
      closedOn: f.closed === undefined ? null : ago(f.closed),
    })),
  }));

  return {
    profile: { ...PROFILE },
    goals: GOALS.map((g) => ({
      key: g.key,
      statement: g.statement,
      horizon: g.horizonMonths === null ? null : addMonths(today, g.horizonMonths),
      needs: g.needs.map((n) => ({ name: n.replace(/!$/, ''), essential: n.endsWith('!') })),
      transitionFrom: g.from ?? null,
      transitionTo: g.to ?? null,
    })),
    networks: NETWORKS.map((n) => ({ ...n })),
    people,
    memberships: Object.entries(MEMBERSHIPS).flatMap(([network, rows]) =>
      rows.map(([person, role]) => ({ network, person, role: role ?? null })),
    ),
    goalLinks: Object.entries(GOAL_LINKS).flatMap(([goal, links]) => [
      ...links.people.map(([target, relevance, note]) => ({ goal, kind: 'person' as const, target, relevance, note: note ?? null, serves: SERVES[goal]?.[target] ?? [] })),
      ...links.networks.map(([target, relevance, note]) => ({ goal, kind: 'network' as const, target, relevance, note: note ?? null, serves: SERVES[goal]?.[target] ?? [] })),
    ]),
    ties: TIES.map(([a, b, strength, note]) => ({ a, b, strength, note: note ?? null })),
    exchanges,
    introductions: INTRODUCTIONS.map(([by, person, to, d, note]) => ({ by, person, to, madeOn: ago(d), note: note ?? null })),
  };
}
