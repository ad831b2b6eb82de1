import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { networkFilterQuery } from '../../contract/filters.js';
import { createNetworkInput, goalLinkInput, membershipInput, updateNetworkInput } from '../../contract/inputs.js';
import { goalLinkOutput, membershipOutput, networkDetailOutput, networkOutput, page } from '../../contract/outputs.js';
import type { ServiceContext } from '../../services/context.js';
import { networkDetail } from '../../services/details.js';
import { addMember, linkNetworkToGoal, removeMember, unlinkFromGoal } from '../../services/links.js';
import { createNetwork, listNetworks, removeNetwork, updateNetwork } from '../../services/networks.js';
import { created, defined, idParam, jsonBody, noContent, ok, twoIds } from './shared.js';

const tags = ['Networks'];

export function registerNetworkRoutes(app: OpenAPIHono, context: () => ServiceContext): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/networks',
      tags,
      summary: 'List networks',
      request: { query: networkFilterQuery },
      responses: ok(page(networkOutput), 'Networks, by name'),
    }),
    async (c) => c.json(await listNetworks(context(), defined(c.req.valid('query'))), 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/api/networks', tags, summary: 'Add a network', request: jsonBody(createNetworkInput), responses: created(networkOutput, 'The new network') }),
    async (c) => c.json(await createNetwork(context(), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/networks/{id}', tags, summary: 'A network with its people and goals', request: { params: idParam() }, responses: ok(networkDetailOutput, 'The network') }),
    async (c) => c.json(await networkDetail(context(), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({ method: 'patch', path: '/api/networks/{id}', tags, summary: 'Change a network', request: { params: idParam(), ...jsonBody(updateNetworkInput) }, responses: ok(networkOutput, 'The network as now stored') }),
    async (c) => c.json(await updateNetwork(context(), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({ method: 'delete', path: '/api/networks/{id}', tags, summary: 'Remove a network', request: { params: idParam() }, responses: ok(networkOutput, 'The removed network') }),
    async (c) => c.json(await removeNetwork(context(), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({ method: 'put', path: '/api/networks/{id}/members/{personId}', tags, summary: 'Add a person to a network (or change their role)', request: { params: twoIds('id', 'personId'), ...jsonBody(membershipInput) }, responses: ok(membershipOutput, 'The membership') }),
    async (c) => {
      const { id, personId } = c.req.valid('param');
      return c.json(await addMember(context(), id, personId, c.req.valid('json')), 200);
    },
  );
  app.openapi(
    createRoute({ method: 'delete', path: '/api/networks/{id}/members/{personId}', tags, summary: 'Remove a person from a network', request: { params: twoIds('id', 'personId') }, responses: noContent('Removed') }),
    async (c) => {
      const { id, personId } = c.req.valid('param');
      await removeMember(context(), id, personId);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({ method: 'put', path: '/api/networks/{id}/goals/{goalId}', tags, summary: 'Say how relevant a network is to a goal', request: { params: twoIds('id', 'goalId'), ...jsonBody(goalLinkInput) }, responses: ok(goalLinkOutput, 'The link') }),
    async (c) => {
      const { id, goalId } = c.req.valid('param');
      return c.json(await linkNetworkToGoal(context(), id, goalId, c.req.valid('json')), 200);
    },
  );
  app.openapi(
    createRoute({ method: 'delete', path: '/api/networks/{id}/goals/{goalId}', tags, summary: 'Unlink a network from a goal', request: { params: twoIds('id', 'goalId') }, responses: noContent('Unlinked') }),
    async (c) => {
      const { id, goalId } = c.req.valid('param');
      await unlinkFromGoal(context(), 'network', id, goalId);
      return c.body(null, 204);
    },
  );
}
