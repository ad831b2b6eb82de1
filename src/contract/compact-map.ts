import { z } from 'zod';
import type { CompactMap } from '../core/check/compact-map.js';
import { mapViewOutput } from './check-output.js';
import type { Holds, Same } from './same-type.js';

/**
 * GET /api/map/compact: the map of GET /api/map in parallel arrays (src/core/check/compact-map.ts
 * says how to read it; the web decodes it with `decodeMap`). Tied to the core's type below.
 */
const place = z.number().int().min(-1);
const places = z.array(place);
const numbers = z.array(z.number());

const compactMap = z
  .strictObject({
    words: z.array(z.string()).meta({ description: 'every repeated word once (kinds, categories, colour keys, quadrants, roles, goal ids, needs); the arrays below name them by index, -1 for none' }),
    nodes: z
      .strictObject({
        ids: z.array(z.string().nullable()).meta({ description: "the person's or network's id (null for me); a node's key is `me`, `person:<id>` or `network:<id>`" }),
        kinds: places,
        labels: z.array(z.string()),
        rings: numbers,
        sizes: numbers,
        strengths: numbers,
        importances: numbers,
        relevances: numbers,
        categories: places,
        networkKinds: places,
        colourKeys: places,
        quadrants: places,
        roles: places,
        hoursPerMonth: z.array(z.number().nullable()),
        goalIds: z.array(places),
        needs: z.array(places),
        lastExchangeOn: z.array(z.string().nullable()),
      })
      .meta({ description: 'one entry a node in each array, the same place in every array' }),
    edges: numbers.meta({ description: "six numbers an edge: kind (a word), source and target (nodes' places), weight, role (a word or -1), directed (0 or 1)" }),
    introductions: z
      .strictObject({ ids: z.array(z.string()), kinds: places, introducedBy: places, madeOn: z.array(z.string().nullable()) })
      .meta({ description: 'for each introduction edge, in the edges’ order: its id, its kind (a word), who made it (a node’s place) and when' }),
    rings: mapViewOutput.shape.map.shape.rings,
    focusGoalId: z.string().nullable(),
  })
  .meta({ id: 'CompactMap' });

export const compactMapViewOutput = z.strictObject({ map: compactMap, goals: mapViewOutput.shape.goals }).meta({ id: 'CompactMapView' });

export type CompactMapTied = Holds<Same<z.output<typeof compactMap>, CompactMap>>;
