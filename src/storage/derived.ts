/**
 * What the people indexes on derived dates stand in for a missing date (migration
 * 2026-12-03T1000-read-speed): people with nothing planned sort after every next
 * contact, people never met after every last exchange. A query must write the
 * expression exactly as the index does for the index to serve it.
 */
export const NO_NEXT_CONTACT = '9999-12-31';
export const NO_LAST_EXCHANGE = '0001-01-01';
