import type { Channel, Initiator, Stage } from './vocabulary.js';

/** Channels where people actually meet (in person or live), as opposed to writing. */
const MEETING_CHANNELS: ReadonlySet<Channel> = new Set(['coffee', 'lunch', 'call', 'video', 'event']);

/**
 * Where a relationship stands after an exchange. Logging only ever moves a stage
 * forward from the early ones, never back, and never past "met": "in touch" and
 * "call any time" are the user's judgement, not something one exchange proves.
 * A dormant tie that has an exchange is back in touch.
 */
export function stageAfterExchange(stage: Stage, channel: Channel, initiatedBy: Initiator): Stage {
  const met = MEETING_CHANNELS.has(channel);
  switch (stage) {
    case 'to-meet':
      if (met) return 'met';
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

/** One logged exchange as the stage rules saw it, for one person. */
export interface StageStep {
  exchangeId: string;
  channel: Channel;
  initiatedBy: Initiator;
  /** The stage just before the exchange was logged; null when not recorded (older data). */
  stageBefore: Stage | null;
  /** The stage just after; null when not recorded. */
  stageAfter: Stage | null;
}

export interface StageUndo {
  /** The person's stage as if the removed exchange had never been logged. */
  stage: Stage;
  /** Remaining steps whose recorded before and after change with the replay. */
  rewritten: { exchangeId: string; stageBefore: Stage; stageAfter: Stage }[];
}

/**
 * A person's stage once one exchange is removed, as if it had never been logged.
 *
 * `steps` are the person's exchanges in the order they were logged (the order
 * the rules ran in), the removed one included. The stage the person has now is
 * automatic only as far back as an unbroken chain of recorded steps reaches:
 * the last step's "after" is the current stage, and each step's "before" is the
 * previous step's "after". Where the chain breaks, the user set the stage by
 * hand (or the step was not recorded), and nothing before the break is undone.
 * Removing a step inside the chain replays the rest of the chain from the stage
 * before it began; removing one before a break changes nothing.
 *
 * A stage set by hand to exactly the stage the rules had reached cannot be told
 * apart from no change at all, and is treated as automatic.
 */
export function stageWithoutExchange(current: Stage, steps: readonly StageStep[], removedId: string): StageUndo {
  const unchanged: StageUndo = { stage: current, rewritten: [] };
  let start = steps.length;
  let expected: Stage = current;
  for (let k = steps.length - 1; k >= 0; k--) {
    const step = steps[k]!;
    if (step.stageBefore === null || step.stageAfter === null || step.stageAfter !== expected) break;
    start = k;
    expected = step.stageBefore;
  }
  const chain = steps.slice(start);
  if (!chain.some((s) => s.exchangeId === removedId)) return unchanged;
  let stage: Stage = expected;
  const rewritten: StageUndo['rewritten'] = [];
  for (const step of chain) {
    if (step.exchangeId === removedId) continue;
    const after = stageAfterExchange(stage, step.channel, step.initiatedBy);
    if (step.stageBefore !== stage || step.stageAfter !== after) rewritten.push({ exchangeId: step.exchangeId, stageBefore: stage, stageAfter: after });
    stage = after;
  }
  return { stage, rewritten };
}
