import * as initial from './2026-11-22T0900-initial.js';
/** Every migration, in order. A static list so that bundles carry them; never edit a shipped one. */
export const migrations = {
    '2026-11-22T0900-initial': initial,
};
//# sourceMappingURL=index.js.map