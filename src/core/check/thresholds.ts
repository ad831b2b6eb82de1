/**
 * Every threshold the network check uses, in one place so the rules can be read,
 * explained to a user and tuned together. Scores run 0–5, relevance 1–5.
 */

/** A tie is strong at strength 3 ("met and in touch") or more; 0–2 is weak. */
export const STRONG_MIN_STRENGTH = 3;

/** A weak tie for "weak ties worth strengthening": strength 2 or less. */
export const WEAK_MAX_STRENGTH = 2;

/** Important by the overall score: importance 3 or more. */
export const IMPORTANT_MIN_IMPORTANCE = 3;

/**
 * Important by a goal: relevance 4 or more to an active goal (or to the focused one).
 * A person scored unimportant overall who is central to one goal still matters.
 */
export const IMPORTANT_MIN_RELEVANCE = 4;

/**
 * A network is time-heavy at 4 hours a month (about an hour a week) or more.
 * Time-heavy and unimportant is over-invested even when the tie is weak; and a
 * time-heavy network that serves no active goal counts as unimportant whatever its
 * importance score, because the hours are real and the goals are the yardstick.
 */
export const TIME_HEAVY_HOURS = 4;

/**
 * Goal coverage. Each contributor's weight is strength × relevance (0–25).
 * A strong contributor has strength ≥ 3 and relevance ≥ 3 (weight ≥ 9).
 * covered: total weight ≥ 24 and at least 2 strong contributors (no single point of failure);
 * missing: total weight 0 (no one linked, or only strength-0 links);
 * thin: anything in between.
 */
export const COVERED_MIN_SCORE = 24;
export const COVERED_MIN_STRONG = 2;
export const CONTRIBUTOR_STRONG_MIN_RELEVANCE = 3;

/**
 * Coverage per need (what a goal needs: a supervisor, funding, statistics).
 * missing: no one with a tie (strength above 0) serves the need;
 * covered: at least 1 strong contributor (strength ≥ 3, relevance ≥ 3);
 * thin: served by weak ties (or barely relevant ones) alone.
 * A goal with needs is covered only when its total is, no essential need is
 * missing and no need is thin.
 */
export const NEED_COVERED_MIN_STRONG = 1;

/** Reciprocity: a tie is flagged one-way only after this many exchanges with the person. */
export const ONE_WAY_MIN_EXCHANGES = 3;
/** Overall, "mostly giving/taking" when one side is at least twice the other (and both sides total ≥ 4 items). */
export const OVERALL_IMBALANCE_RATIO = 2;
export const OVERALL_MIN_ITEMS = 4;

/** Neglect: a strong tie fades after 180 days without an exchange (or with none recorded). */
export const FADING_AFTER_DAYS = 180;
/** Neglect: people on the "lost my job" list should hear from you at least every 90 days. */
export const LOST_JOB_LIST_AFTER_DAYS = 90;

/** Weak ties worth strengthening must matter: relevance ≥ 3 to a goal or importance ≥ 3. */
export const WEAK_TIE_MIN_RELEVANCE = 3;
export const WEAK_TIE_MIN_IMPORTANCE = 3;

/** Transition: a network is relevant to the transition at relevance 3 or more. */
export const TRANSITION_MIN_RELEVANCE = 3;
