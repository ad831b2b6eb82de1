/**
 * The ego-network map: the user at the centre, people and networks on rings by
 * tie strength, sized by importance, with memberships, person-to-person ties and
 * introductions as edges. Plain nodes and edges with unique keys, so a sigma.js
 * view can draw it and GEXF or GraphML exports can write it attribute by attribute.
 */
import { SCORE_MAX } from '../vocabulary.js';
import { goalIdsFor, hours, maxRelevance, num } from './snapshot-index.js';
import { networkQuadrant, personQuadrant } from './quadrants.js';
export const ME_KEY = 'me';
/** A node's key: unique across people and networks even when their ids collide. */
export const personKey = (id) => `person:${id}`;
export const networkKey = (id) => `network:${id}`;
/**
 * The ring for a tie strength: 1 (innermost) for strength 5 ("call any time"),
 * 2 for 4, 3 for 3, 4 for 2, and 5 (outermost) for 1 (weak) and 0 (no tie yet),
 * which share the edge of the map. Ring 0 is the user.
 */
export function ringForStrength(strength) {
    const s = Math.min(SCORE_MAX, Math.max(1, Math.round(num(strength))));
    return SCORE_MAX + 1 - s;
}
export const RING_LEGEND = [
    { ring: 1, strengths: [5], label: 'call any time' },
    { ring: 2, strengths: [4], label: 'close' },
    { ring: 3, strengths: [3], label: 'in touch' },
    { ring: 4, strengths: [2], label: 'acquainted' },
    { ring: 5, strengths: [1, 0], label: 'weak or no tie yet' },
];
/** Builds the map's nodes and edges. A me→person or me→network edge exists when the tie's strength is at least 1. */
export function buildMap(index) {
    const { snapshot } = index;
    const nodes = [
        {
            key: ME_KEY,
            kind: 'me',
            id: null,
            label: snapshot.profile.name?.trim() || 'Me',
            ring: 0,
            size: SCORE_MAX,
            strength: SCORE_MAX,
            importance: SCORE_MAX,
            category: null,
            networkKind: null,
            colourKey: 'me',
            goalIds: index.goals.map((g) => g.id),
            relevance: 0,
            quadrant: null,
            hoursPerMonth: null,
            role: null,
        },
    ];
    const edges = [];
    const edgeKeys = new Set();
    const addEdge = (edge) => {
        if (edgeKeys.has(edge.key))
            return;
        edgeKeys.add(edge.key);
        edges.push({ role: null, introductionKind: null, introducedBy: null, madeOn: null, ...edge });
    };
    for (const person of snapshot.people) {
        const strength = num(person.strength);
        const importance = num(person.importance);
        const key = personKey(person.id);
        nodes.push({
            key,
            kind: 'person',
            id: person.id,
            label: person.name,
            ring: ringForStrength(strength),
            size: importance,
            strength,
            importance,
            category: person.category,
            networkKind: null,
            colourKey: person.category ?? 'uncategorised',
            goalIds: goalIdsFor(index, 'person', person.id),
            relevance: maxRelevance(index, 'person', person.id),
            quadrant: personQuadrant(index, person),
            hoursPerMonth: null,
            role: null,
        });
        if (strength >= 1)
            addEdge({ key: `${ME_KEY}~${key}`, kind: 'me-person', source: ME_KEY, target: key, directed: false, weight: strength });
    }
    for (const network of snapshot.networks) {
        const strength = num(network.strength);
        const importance = num(network.importance);
        const key = networkKey(network.id);
        nodes.push({
            key,
            kind: 'network',
            id: network.id,
            label: network.name,
            ring: ringForStrength(strength),
            size: importance,
            strength,
            importance,
            category: null,
            networkKind: network.kind,
            colourKey: network.kind,
            goalIds: goalIdsFor(index, 'network', network.id),
            relevance: maxRelevance(index, 'network', network.id),
            quadrant: networkQuadrant(index, network),
            hoursPerMonth: hours(network),
            role: network.role,
        });
        if (strength >= 1) {
            addEdge({ key: `${ME_KEY}~${key}`, kind: 'me-network', source: ME_KEY, target: key, directed: false, weight: strength, role: network.role });
        }
    }
    for (const m of snapshot.memberships) {
        if (!index.personById.has(m.personId) || !index.networkById.has(m.networkId))
            continue;
        const source = personKey(m.personId);
        const target = networkKey(m.networkId);
        addEdge({ key: `${source}~${target}`, kind: 'membership', source, target, directed: false, weight: 1, role: m.role });
    }
    for (const tie of snapshot.ties) {
        if (tie.personAId === tie.personBId || !index.personById.has(tie.personAId) || !index.personById.has(tie.personBId))
            continue;
        // Ties are undirected: one edge per pair whichever way round it was stored.
        const [a, b] = tie.personAId < tie.personBId ? [tie.personAId, tie.personBId] : [tie.personBId, tie.personAId];
        const source = personKey(a);
        const target = personKey(b);
        addEdge({ key: `${source}~${target}`, kind: 'person-person', source, target, directed: false, weight: num(tie.strength) });
    }
    for (const intro of snapshot.introductions) {
        const source = nodeFor(index, intro.personId);
        const target = intro.toId === null ? ME_KEY : nodeFor(index, intro.toId);
        const by = intro.byId === null ? ME_KEY : nodeFor(index, intro.byId);
        if (source === null || target === null || by === null || source === target)
            continue;
        addEdge({
            key: `introduction:${intro.id}`,
            kind: 'introduction',
            source,
            target,
            // The introduced person was brought to the target: the arrow shows which way the door opened.
            directed: true,
            weight: 1,
            introductionKind: introductionKind(intro.byId, intro.toId),
            introducedBy: by,
            madeOn: intro.madeOn,
        });
    }
    return { nodes, edges, rings: [...RING_LEGEND], focusGoalId: index.focusGoal?.id ?? null };
}
function nodeFor(index, personId) {
    return index.personById.has(personId) ? personKey(personId) : null;
}
function introductionKind(byId, toId) {
    if (toId === null)
        return 'introduced-to-me';
    if (byId === null)
        return 'introduced-by-me';
    return 'between-others';
}
//# sourceMappingURL=map.js.map