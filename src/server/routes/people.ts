import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { bulkPersonFilter, personFilterQuery } from '../../contract/filters.js';
import { createPersonInput, goalLinkInput, quickAddInput, tieInput, updatePersonInput } from '../../contract/inputs.js';
import { goalLinkOutput, peoplePage, personDetailOutput, personOutput, tieOutput } from '../../contract/outputs.js';
import { today, type ServiceContext } from '../../services/context.js';
import { peoplePageReads, personPageReads } from '../../services/answer-reads.js';
import { personDetail } from '../../services/details.js';
import { linkPeople, linkPersonToGoal, unlinkFromGoal, unlinkPeople } from '../../services/links.js';
import { bulkJudge, createPerson, listPeople, removePerson, updatePerson } from '../../services/people.js';
import { quickAddPeople } from '../../services/quick-add.js';
import { ValidationError } from '../../core/errors.js';
import { created, defined, idParam, jsonBody, noContent, ok, twoIds } from './shared.js';
import { answerDependsOn } from '../answer-dependencies.js';
import { jsonAnswer } from '../gzip.js';

const tags = ['People'];

export function registerPeopleRoutes(app: OpenAPIHono, context: () => ServiceContext): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people',
      tags,
      summary: 'List people (every match unless limit is given)',
      request: {
        query: personFilterQuery,
      },
      responses: ok(peoplePage, 'People, by name'),
    }),
    async (c) => {
      const filter = defined(c.req.valid('query'));
      const ctx = context();
      const page = await listPeople(ctx, filter);
      const reads = peoplePageReads(filter, page, today(ctx));
      if (reads) answerDependsOn(c, reads);
      // Its bytes told to the zipping (gzip.ts): c.json's string was read back out of a whole Response on every miss.
      return jsonAnswer(c, page, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/people/bulk-edit',
      tags,
      summary: 'Judge many people at once (e.g. everyone imported from LinkedIn and not judged yet), in one transaction',
      request: {
        ...jsonBody(
          z
            .object({
              filter: bulkPersonFilter,
              set: updatePersonInput.pick({ strength: true, importance: true, category: true, stage: true, cadence: true }).strict(),
            })
            .strict(),
        ),
      },
      responses: ok(z.object({ updated: z.number().int() }), 'How many people were updated'),
    }),
    async (c) => {
      const { filter, set } = c.req.valid('json');
      if (Object.keys(set).length === 0) throw new ValidationError('set', 'say what to set: strength, importance, category, stage or cadence');
      return c.json({ updated: await bulkJudge(context(), defined(filter), set) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/people/quick-add',
      tags,
      summary: 'Add one or more people, each linked to the same goals (with relevance) and networks (with a role), in one transaction',
      request: jsonBody(quickAddInput),
      responses: created(z.object({ added: z.array(personOutput) }), 'The people added'),
    }),
    async (c) => c.json({ added: await quickAddPeople(context(), c.req.valid('json')) }, 201),
  );

  app.openapi(
    createRoute({ method: 'post', path: '/api/people', tags, summary: 'Add a person', request: jsonBody(createPersonInput), responses: created(personOutput, 'The new person') }),
    async (c) => c.json(await createPerson(context(), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/people/{id}', tags, summary: 'A person with goals, networks, ties, introductions, exchanges and follow-ups', request: { params: idParam() }, responses: ok(personDetailOutput, 'The person') }),
    async (c) => {
      const detail = await personDetail(context(), c.req.valid('param').id);
      answerDependsOn(c, personPageReads(detail));
      return jsonAnswer(c, detail);
    },
  );

  app.openapi(
    createRoute({ method: 'patch', path: '/api/people/{id}', tags, summary: 'Change a person (only the fields given)', request: { params: idParam(), ...jsonBody(updatePersonInput) }, responses: ok(personOutput, 'The person as now stored') }),
    async (c) => c.json(await updatePerson(context(), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/api/people/{id}', tags, summary: 'Remove a person with their links', request: { params: idParam() }, responses: ok(personOutput, 'The removed person') }),
    async (c) => c.json(await removePerson(context(), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({ method: 'put', path: '/api/people/{id}/goals/{goalId}', tags, summary: 'Say how relevant a person is to a goal', request: { params: twoIds('id', 'goalId'), ...jsonBody(goalLinkInput) }, responses: ok(goalLinkOutput, 'The link') }),
    async (c) => {
      const { id, goalId } = c.req.valid('param');
      return c.json(await linkPersonToGoal(context(), id, goalId, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/api/people/{id}/goals/{goalId}', tags, summary: 'Unlink a person from a goal', request: { params: twoIds('id', 'goalId') }, responses: noContent('Unlinked') }),
    async (c) => {
      const { id, goalId } = c.req.valid('param');
      await unlinkFromGoal(context(), 'person', id, goalId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({ method: 'put', path: '/api/people/{id}/ties/{otherId}', tags, summary: 'Record that two people know each other', request: { params: twoIds('id', 'otherId'), ...jsonBody(tieInput) }, responses: ok(tieOutput, 'The tie') }),
    async (c) => {
      const { id, otherId } = c.req.valid('param');
      return c.json(await linkPeople(context(), id, otherId, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/api/people/{id}/ties/{otherId}', tags, summary: 'Remove a tie between two people', request: { params: twoIds('id', 'otherId') }, responses: noContent('Removed') }),
    async (c) => {
      const { id, otherId } = c.req.valid('param');
      await unlinkPeople(context(), id, otherId);
      return c.body(null, 204);
    },
  );
}
