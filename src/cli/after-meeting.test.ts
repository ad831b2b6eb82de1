import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { askAfterMeeting } from './after-meeting.js';
import { parseFollowUp } from './commands/log.js';

describe('the after-meeting prompt', () => {
  it('asks what was given, received, learned and what follows, and reads several items per line', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    input.end('resource:the audit template; time\ninsight:how they write grants\nPilot studies open doors\nthank-you; resource:Send the paper@2026-12-01\n');
    const answers = await askAfterMeeting(input, output, { gave: true, received: true, learned: true, followUps: true });
    expect(answers).toEqual({
      gave: ['resource:the audit template', 'time'],
      received: ['insight:how they write grants'],
      learned: 'Pilot studies open doors',
      followUps: ['thank-you', 'resource:Send the paper@2026-12-01'],
    });
    expect(shown).toMatch(/What did you give\?.*What did you receive\?.*What did you learn\?.*Any follow-up\?/s);
  });

  it('asks only what the flags left out; blank answers record nothing', async () => {
    const input = new PassThrough();
    input.end('\n\n');
    const answers = await askAfterMeeting(input, new PassThrough(), { gave: false, received: false, learned: true, followUps: true });
    expect(answers).toEqual({ gave: [], received: [], learned: null, followUps: [] });
  });

  it('reads a follow-up as [kind:]text[@date]', () => {
    expect(parseFollowUp('resource:Send the paper@2026-12-01')).toEqual({ kind: 'resource', description: 'Send the paper', dueOn: '2026-12-01' });
    expect(parseFollowUp('Ask about the grant')).toEqual({ description: 'Ask about the grant' });
    expect(parseFollowUp('note: not a kind')).toEqual({ description: 'note: not a kind' });
  });
});
