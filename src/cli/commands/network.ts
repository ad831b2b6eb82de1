import type { Command } from 'commander';
import { networkFilterQuery } from '../../contract/filters.js';
import { createNetworkInput, membershipInput, updateNetworkInput } from '../../contract/inputs.js';
import { parseInput } from '../../contract/validate.js';
import { ValidationError } from '../../core/errors.js';
import { NETWORK_KINDS, NETWORK_ROLES } from '../../core/vocabulary.js';
import { resolveGoal } from '../../services/goals.js';
import { addMember, linkNetworkToGoal, removeMember, unlinkFromGoal } from '../../services/links.js';
import { removeNetwork, resolveNetwork, updateNetwork } from '../../services/networks.js';
import { resolvePerson } from '../../services/people.js';
import { addServesOption, goalLinkFromFlags } from '../goal-link-flags.js';
import { emit } from '../output.js';
import { networkText, networksTable } from '../render.js';
import { withData } from '../data.js';
import { withSession } from '../runtime.js';
import { choice, clearable, flagName, numberish } from '../values.js';
import { about } from '../command-list.js';

interface NetworkFlags {
  name?: string;
  kind?: string;
  role?: string;
  strength?: string;
  importance?: string;
  hours?: string;
  url?: string;
  notes?: string;
}

function addNetworkFlags(command: Command): Command {
  return command
    .addOption(choice('--kind <kind>', 'what kind of group', NETWORK_KINDS))
    .addOption(choice('--role <role>', 'my role in it', NETWORK_ROLES))
    .option('--strength <0-5>', 'how strongly I am connected to it')
    .option('--importance <0-5>', 'how much it matters to my goals')
    .option('--hours <n>', 'time and energy it takes, hours a month')
    .option('--url <url>', 'its web page')
    .option('--notes <text>', 'free notes');
}

function networkInput(flags: NetworkFlags): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (flags.name !== undefined) input.name = flags.name;
  if (flags.kind !== undefined) input.kind = flags.kind;
  if (flags.role !== undefined) input.role = flags.role;
  if (flags.strength !== undefined) input.strength = numberish(flags.strength);
  if (flags.importance !== undefined) input.importance = numberish(flags.importance);
  if (flags.hours !== undefined) input.hoursPerMonth = numberish(flags.hours);
  if (flags.url !== undefined) input.url = clearable(flags.url);
  if (flags.notes !== undefined) input.notes = clearable(flags.notes);
  return input;
}

const rename = (path: string) => (path === 'name' ? 'NAME' : flagName(path, { hoursPerMonth: '--hours' }));

export function registerNetwork(program: Command): void {
  const network = program.command('network').description(about('network'));

  addNetworkFlags(network.command('add').description('add a network').argument('<name>')).action(async (name: string, flags: NetworkFlags, command: Command) => {
    const input = parseInput(createNetworkInput, networkInput({ ...flags, name }), rename);
    await withData(command, async (data, json) => {
      const created = await data.createNetwork(input);
      emit(json, created, () => `Added ${created.name} [${created.id}]`);
    });
  });

  network
    .command('list')
    .alias('ls')
    .description('list networks')
    .option('-s, --search <text>', 'find in name or notes')
    .addOption(choice('--kind <kind>', 'of this kind', NETWORK_KINDS))
    .option('--goal <goal>', 'serving this goal')
    .option('--limit <n>', 'at most this many')
    .option('--offset <n>', 'skip this many')
    .action(async (flags: { search?: string; kind?: string; goal?: string; limit?: string; offset?: string }, command: Command) => {
      const { goal, ...plain } = flags;
      const filter = parseInput(networkFilterQuery, plain, flagName);
      await withData(command, async (data, json) => {
        const page = await data.listNetworks({ ...filter, ...(goal ? { goalId: await data.resolveGoal(goal) } : {}) });
        emit(json, page, () => networksTable(page.items, page.total));
      });
    });

  network
    .command('show')
    .description('a network, its people and the goals it serves')
    .argument('<network>', 'id or name')
    .action(async (ref: string, _flags: unknown, command: Command) => {
      await withData(command, async (data, json) => {
        const detail = await data.networkDetail(await data.resolveNetwork(ref));
        emit(json, detail, () => networkText(detail));
      });
    });

  addNetworkFlags(network.command('edit').description('change a network').argument('<network>', 'id or name').option('--name <name>', 'a new name')).action(
    async (ref: string, flags: NetworkFlags, command: Command) => {
      const input = parseInput(updateNetworkInput, networkInput(flags), rename);
      await withSession(command, async (ctx, json) => {
        const updated = await updateNetwork(ctx, await resolveNetwork(ctx, ref), input);
        emit(json, updated, () => `Updated ${updated.name} [${updated.id}]`);
      });
    },
  );

  network
    .command('remove')
    .alias('rm')
    .description('remove a network and its memberships')
    .argument('<network>', 'id or name')
    .action(async (ref: string, _flags: unknown, command: Command) => {
      await withSession(command, async (ctx, json) => {
        const removed = await removeNetwork(ctx, await resolveNetwork(ctx, ref));
        emit(json, removed, () => `Removed ${removed.name} [${removed.id}]`);
      });
    });

  const linkOptions = (c: Command) =>
    c
      .argument('<network>', 'id or name')
      .option('--goal <goal>', 'a goal it serves (id or statement), with --relevance 1-5')
      .option('--person <person>', 'a person in it (id or name), with --role')
      .option('--relevance <1-5>', 'how relevant to the goal')
      .addOption(choice('--role <role>', "the person's role", NETWORK_ROLES))
      .option('--note <text>', 'a note on the link');

  linkOptions(addServesOption(network.command('link')).description('link a network to a goal or a person')).action(async (ref: string, flags: { goal?: string; person?: string; relevance?: string; role?: string; note?: string; serves?: string }, command: Command) => {
    if ((flags.goal === undefined) === (flags.person === undefined)) throw new ValidationError('--goal/--person', 'give exactly one of --goal or --person');
    await withSession(command, async (ctx, json) => {
      const networkId = await resolveNetwork(ctx, ref);
      const result = flags.goal
        ? await linkNetworkToGoal(ctx, networkId, await resolveGoal(ctx, flags.goal), goalLinkFromFlags(flags))
        : await addMember(ctx, networkId, await resolvePerson(ctx, flags.person!), parseInput(membershipInput, flags.role ? { role: flags.role } : {}, flagName));
      emit(json, result, () => 'Linked.');
    });
  });

  linkOptions(network.command('unlink').description('remove a link made with `network link`')).action(async (ref: string, flags: { goal?: string; person?: string }, command: Command) => {
    if ((flags.goal === undefined) === (flags.person === undefined)) throw new ValidationError('--goal/--person', 'give exactly one of --goal or --person');
    await withSession(command, async (ctx, json) => {
      const networkId = await resolveNetwork(ctx, ref);
      if (flags.goal) await unlinkFromGoal(ctx, 'network', networkId, await resolveGoal(ctx, flags.goal));
      else await removeMember(ctx, networkId, await resolvePerson(ctx, flags.person!));
      emit(json, { unlinked: true }, () => 'Unlinked.');
    });
  });
}
