import type { Command } from 'commander';
import type { ExchangeFilter, FollowUpFilter, GoalFilter, NetworkFilter, PersonFilter } from '../contract/filters.js';
import type { CreateGoalInput, CreateNetworkInput, CreatePersonInput, FollowUpInput, LogExchangeInput, UpdatePersonInput } from '../contract/inputs.js';
import type { CheckOptions } from '../core/check/index.js';
import type { checkNetwork } from '../services/check.js';
import type { ServiceContext } from '../services/context.js';
import type { goalDetail, networkDetail, personDetail } from '../services/details.js';
import type { whatIsDue } from '../services/due.js';
import type { addFollowUp, closeFollowUp, listExchanges, listFollowUps, logExchange } from '../services/exchanges.js';
import type { ExportFormat, ExportOptions } from '../services/exports.js';
import type { createGoal, listGoals } from '../services/goals.js';
import type { createNetwork, listNetworks } from '../services/networks.js';
import type { createPerson, listPeople, removePerson, updatePerson } from '../services/people.js';
import type { planView } from '../services/plan.js';
import type { upcomingDates } from '../services/person-dates.js';
import type { PersonDate } from '../core/person-dates.js';
import { RemoteClient, remoteTarget } from './remote.js';
import { globals, withSession } from './runtime.js';

/**
 * What the everyday commands read and write, whether the data is local (a database
 * this process opens) or on a Waggle server (`--server URL --token T`). Both give
 * the services' own results, so each command prints the same either way.
 */
export interface WaggleData {
  readonly where: 'local' | 'server';
  resolvePerson(ref: string): Promise<string>;
  resolveNetwork(ref: string): Promise<string>;
  resolveGoal(ref: string): Promise<string>;
  listPeople(filter: PersonFilter): ReturnType<typeof listPeople>;
  createPerson(input: CreatePersonInput): ReturnType<typeof createPerson>;
  personDetail(id: string): ReturnType<typeof personDetail>;
  updatePerson(id: string, input: UpdatePersonInput): ReturnType<typeof updatePerson>;
  removePerson(id: string): ReturnType<typeof removePerson>;
  listNetworks(filter: NetworkFilter): ReturnType<typeof listNetworks>;
  createNetwork(input: CreateNetworkInput): ReturnType<typeof createNetwork>;
  networkDetail(id: string): ReturnType<typeof networkDetail>;
  listGoals(filter: GoalFilter): ReturnType<typeof listGoals>;
  createGoal(input: CreateGoalInput): ReturnType<typeof createGoal>;
  goalDetail(id: string): ReturnType<typeof goalDetail>;
  logExchange(input: LogExchangeInput): ReturnType<typeof logExchange>;
  listExchanges(filter: ExchangeFilter): ReturnType<typeof listExchanges>;
  listFollowUps(filter: FollowUpFilter): ReturnType<typeof listFollowUps>;
  addFollowUp(input: FollowUpInput): ReturnType<typeof addFollowUp>;
  closeFollowUp(id: string, status: 'done' | 'dropped'): ReturnType<typeof closeFollowUp>;
  checkNetwork(options: CheckOptions): ReturnType<typeof checkNetwork>;
  /** This month's plan unless a month is named (the month is the data's own: the server's clock and time zone). */
  planView(month: string | undefined): ReturnType<typeof planView>;
  whatIsDue(withinDays: number): ReturnType<typeof whatIsDue>;
  personDates(id: string): Promise<PersonDate[]>;
  setPersonDates(id: string, dates: PersonDate[]): Promise<PersonDate[]>;
  upcomingDates(within: number | 'month'): ReturnType<typeof upcomingDates>;
  renderExport(format: ExportFormat, options: ExportOptions): Promise<string>;
}

/*
 * The services, each loaded when first asked for: a command reads only what it uses
 * (`waggle check` never loads the exports' codecs, the plan or the details).
 */
const checkModule = () => import('../services/check.js');
const detailsModule = () => import('../services/details.js');
const exchangesModule = () => import('../services/exchanges.js');
const goalsModule = () => import('../services/goals.js');
const networksModule = () => import('../services/networks.js');
const peopleModule = () => import('../services/people.js');
const planModule = () => import('../services/plan.js');
const datesModule = () => import('../services/person-dates.js');

export function localData(ctx: ServiceContext): WaggleData {
  return {
    where: 'local',
    resolvePerson: async (ref) => (await peopleModule()).resolvePerson(ctx, ref),
    resolveNetwork: async (ref) => (await networksModule()).resolveNetwork(ctx, ref),
    resolveGoal: async (ref) => (await goalsModule()).resolveGoal(ctx, ref),
    listPeople: async (filter) => (await peopleModule()).listPeople(ctx, filter),
    createPerson: async (input) => (await peopleModule()).createPerson(ctx, input),
    personDetail: async (id) => (await detailsModule()).personDetail(ctx, id),
    updatePerson: async (id, input) => (await peopleModule()).updatePerson(ctx, id, input),
    removePerson: async (id) => (await peopleModule()).removePerson(ctx, id),
    listNetworks: async (filter) => (await networksModule()).listNetworks(ctx, filter),
    createNetwork: async (input) => (await networksModule()).createNetwork(ctx, input),
    networkDetail: async (id) => (await detailsModule()).networkDetail(ctx, id),
    listGoals: async (filter) => (await goalsModule()).listGoals(ctx, filter),
    createGoal: async (input) => (await goalsModule()).createGoal(ctx, input),
    goalDetail: async (id) => (await detailsModule()).goalDetail(ctx, id),
    logExchange: async (input) => (await exchangesModule()).logExchange(ctx, input),
    listExchanges: async (filter) => (await exchangesModule()).listExchanges(ctx, filter),
    listFollowUps: async (filter) => (await exchangesModule()).listFollowUps(ctx, filter),
    addFollowUp: async (input) => (await exchangesModule()).addFollowUp(ctx, input),
    closeFollowUp: async (id, status) => (await exchangesModule()).closeFollowUp(ctx, id, status),
    checkNetwork: async (options) => (await checkModule()).checkNetwork(ctx, options),
    planView: async (month) => {
      const plan = await planModule();
      return plan.planView(ctx, month ?? plan.currentMonth(ctx));
    },
    whatIsDue: async (within) => (await import('../services/due.js')).whatIsDue(ctx, within),
    personDates: async (id) => (await datesModule()).listPersonDates(ctx, id),
    setPersonDates: async (id, dates) => (await datesModule()).setPersonDates(ctx, id, dates),
    upcomingDates: async (within) => (await datesModule()).upcomingDates(ctx, within),
    renderExport: async (format, options) => (await import('../services/exports.js')).renderExport(ctx, format, options),
  };
}

/** Query values as the API reads them: booleans as "true", nothing for what is not given. */
function query(filter: object): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === false) continue;
    out[key] = value === true ? 'true' : (value as string | number);
  }
  return out;
}

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

export function remoteData(client: RemoteClient): WaggleData {
  const resolve = async (kind: 'person' | 'network' | 'goal', ref: string) => (await client.get<{ id: string }>('/api/resolve', { kind, ref })).id;
  return {
    where: 'server',
    resolvePerson: (ref) => resolve('person', ref),
    resolveNetwork: (ref) => resolve('network', ref),
    resolveGoal: (ref) => resolve('goal', ref),
    listPeople: (filter) => client.get('/api/people', query(filter)),
    createPerson: (input) => client.send('POST', '/api/people', input),
    personDetail: (id) => client.get(`/api/people/${path(id)}`),
    updatePerson: (id, input) => client.send('PATCH', `/api/people/${path(id)}`, input),
    removePerson: (id) => client.send('DELETE', `/api/people/${path(id)}`),
    listNetworks: (filter) => client.get('/api/networks', query(filter)),
    createNetwork: (input) => client.send('POST', '/api/networks', input),
    networkDetail: (id) => client.get(`/api/networks/${path(id)}`),
    listGoals: (filter) => client.get('/api/goals', query(filter)),
    createGoal: (input) => client.send('POST', '/api/goals', input),
    goalDetail: (id) => client.get(`/api/goals/${path(id)}`),
    logExchange: (input) => client.send('POST', '/api/exchanges', input),
    listExchanges: (filter) => client.get('/api/exchanges', query(filter)),
    listFollowUps: (filter) => client.get('/api/follow-ups', query(filter)),
    addFollowUp: (input) => client.send('POST', '/api/follow-ups', input),
    closeFollowUp: (id, status) => client.send('POST', `/api/follow-ups/${path(id)}/${status === 'done' ? 'done' : 'drop'}`),
    checkNetwork: (options) => client.get('/api/check', query(options)),
    planView: (month) => client.get('/api/plan', query({ month })),
    whatIsDue: (within) => client.get('/api/due', { within }),
    personDates: async (id) => (await client.get<{ dates: PersonDate[] }>(`/api/people/${path(id)}/dates`)).dates,
    setPersonDates: async (id, dates) => (await client.send<{ dates: PersonDate[] }>('PUT', `/api/people/${path(id)}/dates`, { dates })).dates,
    upcomingDates: (within) => client.get('/api/dates', { within }),
    renderExport: (format, options) => client.text(`/api/export/${path(format)}`, query(options)),
  };
}

/**
 * Runs an everyday command on the data: the server's when --server (or WAGGLE_SERVER)
 * names one, else the local database, opened for this command and always closed.
 */
export async function withData<T>(command: Command, work: (data: WaggleData, json: boolean) => Promise<T>): Promise<T> {
  const target = remoteTarget(command);
  const json = globals(command).json === true;
  if (target) return work(remoteData(new RemoteClient(target)), json);
  return withSession(command, (ctx, asJson) => work(localData(ctx), asJson));
}
