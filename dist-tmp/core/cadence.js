import { addDays, addMonths } from './dates.js';
export const CADENCE_UNITS = { d: 'day', w: 'week', m: 'month', y: 'year' };
/** Words users may type for the common cadences, and the compact form they mean. */
export const CADENCE_WORDS = {
    weekly: '1w',
    fortnightly: '2w',
    monthly: '1m',
    bimonthly: '2m',
    quarterly: '3m',
    'twice-a-year': '6m',
    yearly: '1y',
    annually: '1y',
};
const COMPACT = /^([1-9]\d{0,2})([dwmy])$/;
/** Reads a cadence in compact or word form; returns the compact form, or null when unreadable. */
export function normaliseCadence(input) {
    const text = input.trim().toLowerCase();
    const word = CADENCE_WORDS[text];
    if (word)
        return word;
    const match = COMPACT.exec(text);
    if (!match)
        return null;
    const count = Number(match[1]);
    const unit = match[2];
    const maxCount = { d: 3660, w: 520, m: 120, y: 10 }[unit];
    if (count > maxCount)
        return null;
    return `${count}${unit}`;
}
export function addCadence(date, cadence) {
    const match = COMPACT.exec(cadence);
    if (!match)
        throw new RangeError(`Not a cadence: ${cadence}`);
    const count = Number(match[1]);
    switch (match[2]) {
        case 'd':
            return addDays(date, count);
        case 'w':
            return addDays(date, count * 7);
        case 'm':
            return addMonths(date, count);
        case 'y':
            return addMonths(date, count * 12);
    }
}
/** "every 3 months" */
export function describeCadence(cadence) {
    const match = COMPACT.exec(cadence);
    if (!match)
        return cadence;
    const count = Number(match[1]);
    const unit = CADENCE_UNITS[match[2]];
    return count === 1 ? `every ${unit}` : `every ${count} ${unit}s`;
}
//# sourceMappingURL=cadence.js.map