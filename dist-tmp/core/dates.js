/**
 * Calendar dates without a time of day ("2026-11-22"). Reminders, follow-ups and
 * next contacts are days, not instants: keeping them as civil dates means no
 * reminder moves a day when the user's time zone changes. All arithmetic here is
 * on the proleptic Gregorian calendar and never touches the host's time zone.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export function isLeapYear(year) {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
export function daysInMonth(year, month) {
    const lengths = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    return lengths[month - 1] ?? 0;
}
/** Why a string is not a calendar date, or null when it is one. */
export function dateProblem(value) {
    const match = ISO_DATE.exec(value);
    if (!match)
        return 'must be a date written YYYY-MM-DD';
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (year < 1900 || year > 2200)
        return 'year must be between 1900 and 2200';
    if (month < 1 || month > 12)
        return `month ${match[2]} does not exist`;
    if (day < 1 || day > daysInMonth(year, month))
        return `${value} is not a day of the calendar (month ${month} of ${year} has ${daysInMonth(year, month)} days)`;
    return null;
}
export function isIsoDate(value) {
    return dateProblem(value) === null;
}
function parts(date) {
    return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}
function format({ year, month, day }) {
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function toDayNumber(date) {
    const { year, month, day } = parts(date);
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}
export function fromDayNumber(dayNumber) {
    const z = dayNumber + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const month = mp + (mp < 10 ? 3 : -9);
    return format({ year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day });
}
export function addDays(date, days) {
    return fromDayNumber(toDayNumber(date) + days);
}
/** Adds calendar months; the 31st of January plus one month is the last day of February. */
export function addMonths(date, months) {
    const { year, month, day } = parts(date);
    const index = year * 12 + (month - 1) + months;
    const newYear = Math.floor(index / 12);
    const newMonth = (index % 12) + 1;
    return format({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}
/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from, to) {
    return toDayNumber(to) - toDayNumber(from);
}
export function compareDates(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
export function maxDate(a, b) {
    if (a === null)
        return b;
    if (b === null)
        return a;
    return a >= b ? a : b;
}
/** Whether a string names a time zone this runtime knows ("Europe/London", "UTC"). */
export function isTimeZone(zone) {
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
    }
    catch {
        return false;
    }
}
/** The calendar date at `instant` on a wall clock in `timeZone`. */
export function dateInTimeZone(instant, timeZone) {
    const fields = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
    }).formatToParts(instant);
    const get = (type) => fields.find((f) => f.type === type)?.value ?? '';
    return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}
//# sourceMappingURL=dates.js.map