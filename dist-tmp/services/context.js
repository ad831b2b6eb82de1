import { randomBytes } from 'node:crypto';
import { dateInTimeZone } from '../core/dates.js';
export const systemClock = { now: () => new Date() };
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** Short random ids such as `per_7k2m9q4xtr`: easy to type on the command line, 50 bits of randomness. */
export const randomIds = (prefix) => {
    const bytes = randomBytes(10);
    let out = '';
    for (const byte of bytes)
        out += ALPHABET[byte & 31];
    return `${prefix}_${out}`;
};
/** Ids counting up from 1, for tests. */
export function sequentialIds() {
    const counters = new Map();
    return (prefix) => {
        const next = (counters.get(prefix) ?? 0) + 1;
        counters.set(prefix, next);
        return `${prefix}_${String(next).padStart(4, '0')}`;
    };
}
export function nowTimestamp(ctx) {
    return ctx.clock.now().toISOString();
}
export function today(ctx) {
    return dateInTimeZone(ctx.clock.now(), ctx.timeZone);
}
/** Runs `work` in one transaction: all of it is stored, or none. */
export function inTransaction(ctx, work) {
    if (ctx.db.isTransaction)
        return work(ctx);
    return ctx.db.transaction().execute((trx) => work({ ...ctx, db: trx }));
}
//# sourceMappingURL=context.js.map