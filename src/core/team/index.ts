/** The hive: a team's merged graph, its check and its introduction paths. Pure. */
export * from './types.js';
export { mergeTeam, itemKey } from './merge.js';
export { runTeamCheck, reaches, NETWORK_KIND_LABELS } from './check.js';
export { introductionPaths, type IntroductionQuery } from './introductions.js';
export { teamMapOf, memberNodeId, type TeamMap, type TeamMapNode, type TeamMapEdge, type TeamMapNodeKind } from './map.js';
