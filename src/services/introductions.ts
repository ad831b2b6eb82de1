import type { IntroductionInput } from '../contract/inputs.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import type { Introduction } from '../core/model.js';
import { nowTimestamp, today, type ServiceContext } from './context.js';
import { requirePerson } from './people.js';
import { deleteIntroduction, insertIntroduction, selectIntroductions, toIntroduction } from '../storage/introductions.js';

/** Records that `byId` introduced `personId` to `toId` (null on either side: the user). */
export async function addIntroduction(ctx: ServiceContext, input: IntroductionInput): Promise<Introduction> {
  const byId = input.byId ?? null;
  const toId = input.toId ?? null;
  if (byId === null && toId === null) throw new ValidationError('by', 'an introduction needs someone besides you: give who made it or to whom');
  const ids = [byId, input.personId, toId].filter((x): x is string => x !== null);
  if (new Set(ids).size !== ids.length) throw new ValidationError('person', 'the same person appears twice in one introduction');
  for (const id of ids) await requirePerson(ctx, id);
  const row = {
    id: ctx.ids('intro'),
    workspaceId: ctx.workspaceId,
    byId,
    personId: input.personId,
    toId,
    madeOn: input.madeOn ?? today(ctx),
    note: input.note ?? null,
    createdAt: nowTimestamp(ctx),
  };
  await insertIntroduction(ctx.db, row);
  return toIntroduction(row);
}

export async function listIntroductions(ctx: ServiceContext, filter: { personId?: string } = {}): Promise<Introduction[]> {
  return (await selectIntroductions(ctx.db, ctx.workspaceId, filter)).map(toIntroduction);
}

export async function removeIntroduction(ctx: ServiceContext, id: string): Promise<void> {
  if ((await deleteIntroduction(ctx.db, ctx.workspaceId, id)) === 0) throw new NotFoundError('introduction', id);
}
