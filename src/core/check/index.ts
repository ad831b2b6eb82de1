/** The network check: a pure analysis of one workspace's map (PRODUCT.md, "The network check"). */
export { egoMap, runCheck } from './run-check.js';
export type * from './types.js';
export * from './thresholds.js';
export { ringForStrength, RING_LEGEND, ME_KEY, personKey, networkKey } from './map.js';
export { QUADRANT_NAMES, isStrong, isImportant } from './quadrants.js';
export { verdictFor, isStrongContributor } from './goal-coverage.js';
export { isStartHereCandidate } from './start-here.js';
export { oneWayDirection, overallDirection } from './reciprocity.js';
export { isTransition, transitionAction } from './transition.js';
export { ownOrganisations, normaliseOrganisation, ONLINE_CHANNELS } from './snapshot-index.js';
export { CATEGORY_LABELS, CATEGORY_SUGGESTIONS } from './suggest.js';
export { withDerivedContacts } from './derive-contacts.js';
export * from './builders.js';
