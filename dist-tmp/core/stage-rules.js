/** Channels where people actually meet (in person or live), as opposed to writing. */
const MEETING_CHANNELS = new Set(['coffee', 'lunch', 'call', 'video', 'event']);
/**
 * Where a relationship stands after an exchange. Logging only ever moves a stage
 * forward from the early ones, never back, and never past "met": "in touch" and
 * "call any time" are the user's judgement, not something one exchange proves.
 * A dormant tie that has an exchange is back in touch.
 */
export function stageAfterExchange(stage, channel, initiatedBy) {
    const met = MEETING_CHANNELS.has(channel);
    switch (stage) {
        case 'to-meet':
            if (met)
                return 'met';
            return initiatedBy === 'me' ? 'reached-out' : 'met';
        case 'reached-out':
            return met || initiatedBy !== 'me' ? 'met' : 'reached-out';
        case 'dormant':
            return 'in-touch';
        case 'met':
        case 'in-touch':
        case 'call-any-time':
            return stage;
    }
}
//# sourceMappingURL=stage-rules.js.map