import type { Command } from 'commander';
import { introductionInput } from '../../contract/inputs.js';
import { parseInput } from '../../contract/validate.js';
import type { ServiceContext } from '../../services/context.js';
import { addIntroduction, listIntroductions, removeIntroduction } from '../../services/introductions.js';
import { listPeople, resolvePerson } from '../../services/people.js';
import { emit } from '../output.js';
import { withSession } from '../runtime.js';
import { flagName } from '../values.js';
import { about } from '../command-list.js';

/** "me" (or nothing) stands for the user on either side of an introduction. */
async function sideOf(ctx: ServiceContext, ref: string | undefined): Promise<string | null> {
  if (ref === undefined || ref.trim().toLowerCase() === 'me') return null;
  return resolvePerson(ctx, ref);
}

export function registerIntro(program: Command): void {
  const intro = program.command('intro').description(about('intro'));

  intro
    .command('add')
    .description('record an introduction: BY introduced PERSON to TO (use "me" for yourself)')
    .argument('<person>', 'the person introduced (id or name)')
    .option('--by <person>', 'who made the introduction (default: me)')
    .option('--to <person>', 'to whom (default: me)')
    .option('--on <date>', 'when, YYYY-MM-DD (default today)')
    .option('--note <text>', 'context')
    .action(async (ref: string, flags: { by?: string; to?: string; on?: string; note?: string }, command: Command) => {
      const draft = { personId: ref, ...(flags.on ? { madeOn: flags.on } : {}), ...(flags.note ? { note: flags.note } : {}) };
      parseInput(introductionInput, draft, flagName);
      await withSession(command, async (ctx, json) => {
        const input = parseInput(introductionInput, { ...draft, personId: await resolvePerson(ctx, ref), byId: await sideOf(ctx, flags.by), toId: await sideOf(ctx, flags.to) }, flagName);
        const created = await addIntroduction(ctx, input);
        emit(json, created, () => `Recorded introduction [${created.id}]`);
      });
    });

  intro
    .command('list')
    .alias('ls')
    .description('introductions, newest first')
    .option('--person <person>', 'involving this person')
    .action(async (flags: { person?: string }, command: Command) => {
      await withSession(command, async (ctx, json) => {
        const items = await listIntroductions(ctx, flags.person ? { personId: await resolvePerson(ctx, flags.person) } : {});
        const names = new Map((await listPeople(ctx)).items.map((p) => [p.id, p.name]));
        const who = (id: string | null) => (id === null ? 'me' : (names.get(id) ?? id));
        emit(json, items, () => (items.length === 0 ? 'No introductions yet.' : items.map((i) => `${i.madeOn}  ${who(i.byId)} introduced ${who(i.personId)} to ${who(i.toId)} [${i.id}]`).join('\n')));
      });
    });

  intro
    .command('remove')
    .alias('rm')
    .argument('<id>')
    .action(async (id: string, _flags: unknown, command: Command) => {
      await withSession(command, async (ctx, json) => {
        await removeIntroduction(ctx, id);
        emit(json, { removed: id }, () => `Removed introduction ${id}`);
      });
    });
}
