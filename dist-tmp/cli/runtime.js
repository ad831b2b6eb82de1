import { ValidationError } from '../core/errors.js';
import { openSession } from '../services/session.js';
import { resolveDatabaseConfig } from '../storage/config.js';
/** The options given to the program, wherever on the line they were typed. */
export function globals(command) {
    return command.optsWithGlobals();
}
/**
 * WAGGLE_NOW fixes the clock (an ISO instant): for tests, demos and screenshots
 * that must show the same day whenever they run.
 */
export function clockFromEnv(env) {
    const fixed = env.WAGGLE_NOW?.trim();
    if (!fixed)
        return undefined;
    const instant = new Date(fixed);
    if (Number.isNaN(instant.getTime()))
        throw new ValidationError('WAGGLE_NOW', `"${fixed}" is not an ISO date and time`);
    return { now: () => instant };
}
export async function openCliSession(options) {
    const clock = clockFromEnv(process.env);
    return openSession(resolveDatabaseConfig(process.env, options.data), clock ? { clock } : {});
}
/** Opens the data for one command, runs it and always closes the database. */
export async function withSession(command, work) {
    const options = globals(command);
    const session = await openCliSession(options);
    try {
        return await work(session.ctx, options.json === true, session);
    }
    finally {
        await session.close();
    }
}
//# sourceMappingURL=runtime.js.map