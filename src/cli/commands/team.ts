import type { Command } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { plural } from '../../core/words.js';
import type { TeamCheck, IntroductionPath } from '../../core/team/index.js';
import type { TeamDetail, TeamSummary } from '../../services/teams.js';
import { emit, fields, table } from '../output.js';
import { remoteGet, remoteTarget, type RemoteTarget } from '../remote.js';
import { globals } from '../runtime.js';
import { registerTeamWrites } from './team-write.js';
import { about } from '../command-list.js';

/**
 * `waggle team …`: a team's view from the command line. Teams live on a server (they
 * need accounts), so these commands need --server and a token; they read what the web
 * app shows. The commands that change a team are in team-write.ts.
 */

export function server(command: Command): RemoteTarget {
  const remote = remoteTarget(command);
  if (!remote) throw new ValidationError('--server', 'teams live on a Waggle server with accounts: give --server URL (or WAGGLE_SERVER) and a token');
  return remote;
}

const finding = (f: { name: string; why: { text: string }; next: string }) => `- ${f.name}: ${f.why.text}\n  Next: ${f.next}`;

function checkText(c: TeamCheck): string {
  const out: string[] = [`${plural(c.counts.members, 'member')}, ${plural(c.counts.networks, 'shared network')}, ${plural(c.counts.people, 'shared person', 'shared people')}, ${plural(c.counts.goals, 'goal')}`, '', 'Coverage (networks × members):'];
  out.push(table(c.coverage, [{ header: 'NETWORK', value: (r) => r.name }, { header: 'REACH', value: (r) => r.reach, align: 'right' }, { header: 'MEMBERS', value: (r) => r.cells.flatMap((cell, i) => (cell ? [`${c.members[i]?.name} (${cell.role})`] : [])).join(', ') }]));
  out.push('', 'Goals:');
  for (const g of c.goals) out.push(`- ${g.statement}: ${g.verdict}. ${g.why.text}`, ...g.missing.map((m) => `  Missing: ${m.why.text}`), `  Next: ${g.next}`);
  for (const [title, items] of [['Single points of failure', c.singlePointsOfFailure], ['Redundancy', c.redundancy], ['Brokers', c.brokers.findings], ['Diversity gaps', c.diversity.gaps]] as const) {
    out.push('', `${title} (${items.length}):`, ...(items.length ? items.map(finding) : ['- none']));
  }
  out.push('', 'Clusters:', ...c.clusters.map((cl) => `- cluster ${cl.id + 1}: ${cl.members.map((m) => m.name).join(', ')} (${cl.networks.length} networks, ${cl.people} people)`));
  return out.join('\n');
}

export function registerTeam(program: Command): void {
  const team = program.command('team').description(about('team'));
  team
    .command('list')
    .description('the teams you are in')
    .action(async (_flags: unknown, command: Command) => {
      const teams = await remoteGet<TeamSummary[]>(server(command), '/api/teams', {});
      emit(globals(command).json === true, teams, () => (teams.length ? table(teams, [{ header: 'TEAM', value: (t) => t.name }, { header: 'MEMBERS', value: (t) => t.members, align: 'right' }, { header: 'ROLE', value: (t) => t.myRole }, { header: 'ID', value: (t) => t.id }]) : 'You are in no team yet.'));
    });
  team
    .command('show <team>')
    .description('a team (by id) and its members')
    .action(async (id: string, _flags: unknown, command: Command) => {
      const detail = await remoteGet<TeamDetail>(server(command), `/api/teams/${encodeURIComponent(id)}`, {});
      emit(globals(command).json === true, detail, () => `${fields([['Team', detail.name], ['Your role', detail.myRole], ['Id', detail.id]])}\n\n${table(detail.roster, [{ header: 'MEMBER', value: (m) => m.name }, { header: 'ROLE', value: (m) => m.role }, { header: 'JOINED', value: (m) => m.joinedAt.slice(0, 10) }])}`);
    });
  team
    .command('check <team>')
    .description('the team check: coverage, goals, single points of failure, redundancy, brokers, clusters, diversity')
    .action(async (id: string, _flags: unknown, command: Command) => {
      const check = await remoteGet<TeamCheck>(server(command), `/api/teams/${encodeURIComponent(id)}/check`, {});
      emit(globals(command).json === true, check, () => checkText(check));
    });
  team
    .command('paths <team>')
    .description('who in the team can introduce you to someone at an organisation (ranked)')
    .requiredOption('--org <organisation>', 'the organisation')
    .action(async (id: string, flags: { org: string }, command: Command) => {
      const paths = await remoteGet<IntroductionPath[]>(server(command), `/api/teams/${encodeURIComponent(id)}/paths`, { organisation: flags.org });
      emit(globals(command).json === true, paths, () => (paths.length ? paths.map((p, i) => `${i + 1}. ${p.why.text}\n   Next: ${p.next}`).join('\n') : `No one the team shares works at ${flags.org}.`));
    });
  registerTeamWrites(team, server);
}
