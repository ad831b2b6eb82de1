import { CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type { Exchange, FollowUp, Goal, Introduction, Network, Person } from '../core/model.js';
import type { PersonDate } from '../core/person-dates.js';
import type { NetworkRole } from '../core/vocabulary.js';
import { parseJsonList } from './columns.js';
import { dataVersion, postgresVersionNamed, postgresVersionSql, sawDataVersion, wantsDataVersionSeen } from './data-version.js';
import { toGoal } from './goals.js';
import { toIntroduction } from './introductions.js';
import { channelsList, isPostgres, parsedJson as parsed, postgresJson as postgres, sqliteJson as sqlite, type JsonDialect as Dialect } from './json-dialects.js';
import { isoFromPostgresTimestamp } from './postgres-timestamps.js';
import { toExchange, toFollowUp } from './journal.js';
import { toNetwork } from './networks.js';
import { toContactPoint, toPerson, type PersonColumns } from './people.js';
import { PERSON_COLUMNS } from './person-columns.js';
import { toPersonDate } from './person-dates.js';
import { preparedOnPostgres } from './prepared-statements.js';
import type { Database, ExchangesTable, FollowUpsTable, GoalsTable, NetworksTable } from './schema.js';
import { withoutPlugins } from './without-plugins.js';

/*
 * Everything a person's page shows, in one statement and one round trip, as one JSON object
 * built by the database: the person's columns, and each of their parts (channels, goal links
 * with their goals, memberships with their networks, ties with the other's name, introductions
 * with the names in them, exchanges with everyone in them, follow-ups, dates, whether a photo
 * is kept) as a list. One value, not the person's 28 columns beside 9 lists: the PostgreSQL
 * driver described and parsed each column of the row anew on every request, which cost more
 * than parsing the JSON. The statement is written once per dialect and its text kept, so a
 * request builds nothing: it binds the workspace and the person (and PostgreSQL, which keeps
 * it prepared, neither parses nor plans it again). The page used to take fourteen queries,
 * each built by Kysely anew; on PostgreSQL each was a round trip through the pool (issue 15).
 *
 * The rows inside the lists are the tables' own columns under the names the schema gives
 * them (camelCase), so the aggregates' row mappings (toGoal, toExchange, …) read them as they
 * read any row. PostgreSQL's JSON writes a timestamptz in its own form: `isoFromPostgresTimestamp` turns it
 * into the ISO string storage/postgres.ts gives every other read (withIsoTimestamps).
 */

/** The statement's one value, beside the person's own columns: each part as a list of rows (JSON: text on SQLite, parsed on PostgreSQL). */
interface PartsAsRows {
  channels: Selectable<Database['contactPoints']>[];
  goals: { relevance: number; note: string | null; serves: string; goal: Selectable<GoalsTable> }[];
  networks: { role: string | null; network: Selectable<NetworksTable> }[];
  /** The other person of each tie, and their name (null when the row is gone). */
  ties: { otherId: string; name: string | null; strength: number; note: string | null }[];
  /** Newest first; each with the names of the people in it (null for the user's side or a row gone). */
  introductions: (Selectable<Database['introductions']> & { byName: string | null; personName: string | null; toName: string | null })[];
  /** Newest first, each with everyone it was with. */
  exchanges: (Selectable<ExchangesTable> & { personIds: string[] })[];
  followUps: Selectable<FollowUpsTable>[];
  dates: Pick<Database['personDates'], 'kind' | 'label' | 'month' | 'day' | 'year'>[];
  /** true or 1 */
  hasPhoto: boolean | number;
}

/** A person and their parts, in the database's orders; the page's orders and names are the service's. */
export interface PersonParts {
  person: Person;
  goals: { goal: Goal; relevance: number; note: string | null; serves: string[] }[];
  networks: { network: Network; role: NetworkRole | null }[];
  /** The other person of each tie, and their name (null when they are not this workspace's). */
  ties: { otherId: string; name: string | null; strength: number; note: string | null }[];
  introductions: Introduction[];
  /** The names of the others the ties and introductions name, this workspace's people only. */
  names: Map<string, string>;
  exchanges: Exchange[];
  followUps: FollowUp[];
  dates: PersonDate[];
  hasPhoto: boolean;
}

/** The statement, its two placeholders last; the parts are tied to the person's row (`p`), its workspace included. */
function statement(d: Dialect, placeholders: [workspace: string, person: string]): string {
  const goal = d.object({
    id: 'g.id',
    workspaceId: 'g.workspace_id',
    statement: 'g.statement',
    horizon: 'g.horizon',
    needs: 'g.needs',
    transitionFrom: 'g.transition_from',
    transitionTo: 'g.transition_to',
    status: 'g.status',
    createdAt: 'g.created_at',
    updatedAt: 'g.updated_at',
  });
  const network = d.object({
    id: 'n.id',
    workspaceId: 'n.workspace_id',
    name: 'n.name',
    nameKey: 'n.name_key',
    kind: 'n.kind',
    role: 'n.role',
    strength: 'n.strength',
    importance: 'n.importance',
    hoursPerMonth: 'n.hours_per_month',
    url: 'n.url',
    notes: 'n.notes',
    createdAt: 'n.created_at',
    updatedAt: 'n.updated_at',
  });
  // A name of this workspace's, for an id an introduction or a tie holds.
  const nameOf = (id: string) => `(select x.name from people x where x.workspace_id = p.workspace_id and x.id = ${id})`;
  const parts: Record<keyof PartsAsRows, string> = {
    channels: channelsList(d, 'p'),
    goals: d.list(
      d.object({ relevance: 'l.relevance', note: 'l.note', serves: 'l.serves', goal }),
      `person_goals l join goals g on g.id = l.goal_id where l.workspace_id = p.workspace_id and l.person_id = p.id`,
      'g.id',
    ),
    networks: d.list(d.object({ role: 'm.role', network }), `memberships m join networks n on n.id = m.network_id where m.workspace_id = p.workspace_id and m.person_id = p.id`, 'n.id'),
    ties: d.list(
      d.object({ otherId: 't.other', name: nameOf('t.other'), strength: 't.strength', note: 't.note' }),
      `(select case when t0.person_a = p.id then t0.person_b else t0.person_a end as other, t0.strength, t0.note from ties t0
          where t0.workspace_id = p.workspace_id and (t0.person_a = p.id or t0.person_b = p.id)) t`,
      't.other',
    ),
    introductions: d.list(
      d.object({
        id: 'i.id',
        workspaceId: 'i.workspace_id',
        byId: 'i.by_id',
        personId: 'i.person_id',
        toId: 'i.to_id',
        madeOn: 'i.made_on',
        note: 'i.note',
        createdAt: 'i.created_at',
        byName: nameOf('i.by_id'),
        personName: nameOf('i.person_id'),
        toName: nameOf('i.to_id'),
      }),
      `introductions i where i.workspace_id = p.workspace_id and (i.by_id = p.id or i.person_id = p.id or i.to_id = p.id)`,
      'i.made_on desc, i.id',
    ),
    exchanges: d.list(
      d.object({
        id: 'e.id',
        workspaceId: 'e.workspace_id',
        occurredOn: 'e.occurred_on',
        channel: 'e.channel',
        initiatedBy: 'e.initiated_by',
        networkId: 'e.network_id',
        gave: 'e.gave',
        received: 'e.received',
        learned: 'e.learned',
        feeling: 'e.feeling',
        notes: 'e.notes',
        createdAt: 'e.created_at',
        personIds: d.list('o.person_id', 'exchange_people o where o.exchange_id = e.id', 'o.person_id'),
      }),
      // From the person's own links (an index on person_id), not a walk through the journal.
      `exchanges e where e.workspace_id = p.workspace_id and e.id in (select y.exchange_id from exchange_people y where y.person_id = p.id)`,
      'e.occurred_on desc, e.created_at desc, e.id',
    ),
    followUps: d.list(
      d.object({
        id: 'f.id',
        workspaceId: 'f.workspace_id',
        exchangeId: 'f.exchange_id',
        personId: 'f.person_id',
        kind: 'f.kind',
        description: 'f.description',
        dueOn: 'f.due_on',
        status: 'f.status',
        closedOn: 'f.closed_on',
        createdAt: 'f.created_at',
      }),
      `follow_ups f where f.workspace_id = p.workspace_id and f.person_id = p.id`,
      'f.due_on, f.id',
    ),
    dates: d.list(d.object({ kind: 'a.kind', label: 'a.label', month: 'a.month', day: 'a.day', year: 'a.year' }), 'person_dates a where a.person_id = p.id', 'a.position'),
    hasPhoto: 'exists (select 1 from person_photos h where h.person_id = p.id)',
  };
  const own = Object.fromEntries(Object.entries(PERSON_COLUMNS).map(([key, column]) => [key, `p.${column}`]));
  // PostgreSQL: the workspace's data version beside, read in the same snapshot (withDataVersionSeen), so a
  // kept answer's miss is this one round trip. SQLite's version is no round trip: read before, as ever.
  const version = d === postgres ? `, ${postgresVersionSql('p.workspace_id')} as "version"` : '';
  return `select ${d.object({ ...own, ...parts })} as "detail"${version} from people p where p.workspace_id = ${placeholders[0]} and p.id = ${placeholders[1]}`;
}

/** Written once per dialect, on first use; kept prepared on PostgreSQL (prepared-statements.ts). */
let postgresText: string | undefined;
let sqliteText: string | undefined;

function statementFor(db: Kysely<Database>): string {
  if (isPostgres(db)) return (postgresText ??= preparedOnPostgres(db, statement(postgres, ['$1', '$2'])));
  return (sqliteText ??= statement(sqlite, ['?', '?']));
}

/** PostgreSQL: each timestamp the statement wrote in PostgreSQL's JSON form as the ISO string every other read gives, in place. */
function withIsoTimestamps(detail: PartsAsRows & PersonColumns): void {
  const iso = isoFromPostgresTimestamp;
  detail.createdAt = iso(detail.createdAt);
  detail.updatedAt = iso(detail.updatedAt);
  for (const { goal } of detail.goals) {
    goal.createdAt = iso(goal.createdAt);
    goal.updatedAt = iso(goal.updatedAt);
  }
  for (const { network } of detail.networks) {
    network.createdAt = iso(network.createdAt);
    network.updatedAt = iso(network.updatedAt);
  }
  for (const row of detail.introductions) row.createdAt = iso(row.createdAt);
  for (const row of detail.exchanges) row.createdAt = iso(row.createdAt);
  for (const row of detail.followUps) row.createdAt = iso(row.createdAt);
}

/** The person and all their parts, or undefined when the workspace has no person of that id. */
export async function selectPersonDetail(db: Kysely<Database>, workspaceId: string, personId: string): Promise<PersonParts | undefined> {
  // Asked for the version it saw (a kept answer's miss, server/answer-cache.ts): on SQLite read before the statement.
  const wanted = wantsDataVersionSeen(db, workspaceId);
  const sqliteVersion = wanted && !isPostgres(db) ? await dataVersion(db, workspaceId) : undefined;
  // Without the plugins: the statement names its columns as the schema's types do already.
  const { rows } = await withoutPlugins(db).executeQuery<{ detail: unknown; version?: string | null }>(CompiledQuery.raw(statementFor(db), [workspaceId, personId]));
  if (!rows[0]) return undefined;
  if (wanted) sawDataVersion(db, workspaceId, sqliteVersion ?? postgresVersionNamed(rows[0].version));
  const detail = parsed<PartsAsRows & PersonColumns>(rows[0].detail);
  if (isPostgres(db)) withIsoTimestamps(detail);
  const { channels, goals, networks, ties, introductions, exchanges, followUps, dates, hasPhoto, ...own } = detail;
  const names = new Map<string, string>();
  const named = (id: string | null, name: string | null) => {
    if (id !== null && id !== personId && name !== null) names.set(id, name);
  };
  for (const t of ties) named(t.otherId, t.name);
  for (const i of introductions) {
    named(i.byId, i.byName);
    named(i.personId, i.personName);
    named(i.toId, i.toName);
  }
  return {
    person: toPerson(own, own.lastExchangeOn ?? null, channels.map(toContactPoint)),
    goals: goals.map((l) => ({ goal: toGoal(l.goal), relevance: l.relevance, note: l.note, serves: parseJsonList<string>(l.serves) })),
    networks: networks.map((m) => ({ network: toNetwork(m.network), role: m.role as NetworkRole | null })),
    ties,
    introductions: introductions.map(({ byName: _by, personName: _person, toName: _to, ...i }) => toIntroduction(i)),
    names,
    exchanges: exchanges.map(({ personIds, ...e }) => toExchange(e, personIds)),
    followUps: followUps.map(toFollowUp),
    dates: dates.map(toPersonDate),
    hasPhoto: Boolean(hasPhoto),
  };
}
