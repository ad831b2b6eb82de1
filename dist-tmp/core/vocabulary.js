/**
 * The closed sets Waggle uses. Each is documented once here; the contract, the
 * database checks, the CLI help and the README all read from these lists.
 */
/** The diversity checklist (PRODUCT.md, "Diversity"). A person may also be uncategorised (null). */
export const PERSON_CATEGORIES = [
    'department-colleague', // people in my own department or team
    'other-function', // colleagues in other functions of my organisation
    'unrelated-industry', // people in unrelated industries
    'author-blogger', // authors, bloggers, podcasters whose work I follow
    'already-valued', // people I already know and value
    'professional-association', // people met through professional bodies
    'leader-in-field', // leaders in my field
    'social-media', // contacts mainly from social media and online communities
];
/** Where a relationship stands. `dormant` is a tie that has gone quiet on purpose or by drift. */
export const STAGES = ['to-meet', 'reached-out', 'met', 'in-touch', 'call-any-time', 'dormant'];
/** How an exchange happens, and how a person prefers to be met. */
export const CHANNELS = ['coffee', 'lunch', 'call', 'video', 'email', 'social-media', 'event'];
/** The kinds of groups one belongs to or wants to join. */
export const NETWORK_KINDS = [
    'professional-body',
    'interest-group',
    'social-media-community',
    'employer',
    'alumni',
    'conference',
    'research-network',
    'own-hub', // a hub the user founded
    'other',
];
/** A role in a network, the user's own or a member's; ordered from outside to inside, `left` last. */
export const NETWORK_ROLES = ['want-to-join', 'lurker', 'member', 'volunteer', 'committee', 'organiser', 'left'];
/** Who started an exchange. */
export const INITIATORS = ['me', 'them', 'mutual'];
/** What I gave in an exchange. */
export const GIVE_KINDS = ['help', 'resource', 'introduction', 'feedback', 'time'];
/** What I received in an exchange. */
export const RECEIVE_KINDS = ['insight', 'resource', 'introduction', 'opportunity'];
/** How an exchange felt, from best to worst. */
export const FEELINGS = ['energising', 'good', 'neutral', 'awkward', 'draining'];
/** What a follow-up is. */
export const FOLLOW_UP_KINDS = ['thank-you', 'question', 'resource', 'introduction', 'other'];
export const FOLLOW_UP_STATUSES = ['open', 'done', 'dropped'];
/** How to reach a person: emails, phones, web and social profile links. */
export const CONTACT_KINDS = ['email', 'phone', 'web', 'linkedin', 'x', 'mastodon', 'bluesky', 'github', 'orcid', 'other'];
export const GOAL_STATUSES = ['active', 'achieved', 'dropped'];
/** Scores run from 0 (none) to 5 ("call any time" for strength, "essential" for importance). */
export const SCORE_MIN = 0;
export const SCORE_MAX = 5;
/** Relevance of a person or network to one goal: 1 (a little) to 5 (central). */
export const RELEVANCE_MIN = 1;
export const RELEVANCE_MAX = 5;
//# sourceMappingURL=vocabulary.js.map