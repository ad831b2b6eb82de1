import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { GIVE_KINDS, RECEIVE_KINDS } from '../core/vocabulary.js';

/** What the after-meeting prompt gathers; each answer in the form the flags take. */
export interface AfterMeetingAnswers {
  gave: string[];
  received: string[];
  learned: string | null;
  followUps: string[];
}

/**
 * The short journal prompt after a meeting: what did you give, what did you get,
 * what did you learn, what is the follow-up? Several items go on one line,
 * separated by ";" (e.g. "resource:the audit template; time"). A blank answer
 * means nothing to record.
 */
export async function askAfterMeeting(input: Readable, output: Writable, ask: { gave: boolean; received: boolean; learned: boolean; followUps: boolean }): Promise<AfterMeetingAnswers> {
  const rl = createInterface({ input, terminal: false });
  // Reading lines through the iterator buffers answers typed (or piped) ahead of the question.
  const lines = rl[Symbol.asyncIterator]();
  const question = async (text: string): Promise<string> => {
    output.write(text);
    const line = await lines.next();
    return line.done ? '' : String(line.value);
  };
  const answers: AfterMeetingAnswers = { gave: [], received: [], learned: null, followUps: [] };
  const split = (line: string) =>
    line
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  try {
    if (ask.gave) answers.gave = split(await question(`What did you give? (${GIVE_KINDS.join(', ')}; add ":note"; blank for nothing)\n> `));
    if (ask.received) answers.received = split(await question(`What did you receive? (${RECEIVE_KINDS.join(', ')}; add ":note"; blank for nothing)\n> `));
    if (ask.learned) answers.learned = (await question('What did you learn?\n> ')).trim() || null;
    if (ask.followUps) answers.followUps = split(await question('Any follow-up? (e.g. "thank-you" or "resource:Send the paper@2026-12-01"; blank for none)\n> '));
  } finally {
    rl.close();
  }
  return answers;
}
