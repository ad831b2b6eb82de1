import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../services/context.js';
import type { PeopleWritten } from '../services/people-writes.js';
import { AnswerCache, MAX_TOLD_WRITES } from './answer-cache.js';

/*
 * Told writes are noted and walked when a kept answer is asked for under a newer version
 * (answer-cache.ts untouchedUpTo): the answer holds only if every step from its version to the
 * one asked for is a told write that touches nothing it depends on.
 */
type Handle = ServiceContext['db'];
// Two handles: only their identity matters here (a kept answer is told the writes of its own handle alone).
const db = {} as Handle;
const otherDb = {} as Handle;

const body = new TextEncoder().encode('{"ok":true}');
const keep = (cache: AnswerCache, key: string, version: string, shows: string[], options: { workspaceId?: string; reads?: string[]; handle?: Handle } = {}) =>
  cache.set(key, { version, db: options.handle ?? db, workspaceId: options.workspaceId ?? 'ws1', depends: { people: new Set(shows), reads: options.reads ?? ['people.sort_name'] }, status: 200, headers: [], body });

const write = (before: string, after: string, personIds: string[], options: { workspaceId?: string; written?: string[]; handle?: Handle } = {}): PeopleWritten => ({
  db: options.handle ?? db,
  workspaceId: options.workspaceId ?? 'ws1',
  personIds,
  written: new Set(options.written ?? ['people.notes']),
  keys: new Map(),
  before,
  after,
});

describe('told writes walked when a kept answer is asked for', () => {
  it('an answer none of the writes touches holds through every one of them, and is kept under the newest', () => {
    const cache = new AnswerCache();
    keep(cache, 'page', 'v1', ['per_a', 'per_b']);
    cache.told(write('v1', 'v2', ['per_c']));
    cache.told(write('v2', 'v3', ['per_d']));
    expect(cache.get('page', 'v3')?.version).toBe('v3');
    // Kept under v3 now: asked again there it is a plain hit.
    expect(cache.get('page', 'v3')).toBeDefined();
  });

  it('a write to someone it shows, or to something it reads, on the way has it worked out again', () => {
    const shown = new AnswerCache();
    keep(shown, 'page', 'v1', ['per_a']);
    shown.told(write('v1', 'v2', ['per_c']));
    shown.told(write('v2', 'v3', ['per_a']));
    expect(shown.get('page', 'v3')).toBeUndefined();
    expect(shown.size).toBe(0);

    const read = new AnswerCache();
    keep(read, 'search', 'v1', ['per_a'], { reads: ['people.search_text'] });
    read.told(write('v1', 'v2', ['per_z'], { written: ['people.notes', 'people.search_text'] }));
    expect(read.get('search', 'v2')).toBeUndefined();
  });

  it('a step nobody told (another write, another process\'s commit) breaks the way', () => {
    const cache = new AnswerCache();
    keep(cache, 'page', 'v1', ['per_a']);
    cache.told(write('v1', 'v2', ['per_c']));
    // v2 → v3 was not told; v3 → v4 was.
    cache.told(write('v3', 'v4', ['per_d']));
    expect(cache.get('page', 'v4')).toBeUndefined();
  });

  it('another workspace\'s writes, or another handle\'s, never carry an answer on', () => {
    const workspace = new AnswerCache();
    keep(workspace, 'page', 'v1', ['per_a']);
    workspace.told(write('v1', 'v2', ['per_c'], { workspaceId: 'ws2' }));
    expect(workspace.get('page', 'v2')).toBeUndefined();

    const handle = new AnswerCache();
    keep(handle, 'page', 'v1', ['per_a']);
    handle.told(write('v1', 'v2', ['per_c'], { handle: otherDb }));
    expect(handle.get('page', 'v2')).toBeUndefined();
  });

  it('an answer worked out before a write and kept after it was told is carried on too', () => {
    const cache = new AnswerCache();
    cache.told(write('v1', 'v2', ['per_c']));
    keep(cache, 'page', 'v1', ['per_a']);
    expect(cache.get('page', 'v2')?.version).toBe('v2');
  });

  it('an answer that says nothing of what it depends on is never carried on', () => {
    const cache = new AnswerCache();
    cache.set('plan', { version: 'v1', db, workspaceId: 'ws1', status: 200, headers: [], body });
    cache.told(write('v1', 'v2', ['per_c']));
    expect(cache.get('plan', 'v2')).toBeUndefined();
  });

  it('only the newest MAX_TOLD_WRITES writes are noted: an answer older than them is worked out again', () => {
    const cache = new AnswerCache();
    keep(cache, 'old', 'v0', ['per_a']);
    for (let i = 0; i <= MAX_TOLD_WRITES; i++) cache.told(write(`v${i}`, `v${i + 1}`, ['per_c']));
    keep(cache, 'recent', 'v1', ['per_a']);
    expect(cache.get('old', `v${MAX_TOLD_WRITES + 1}`)).toBeUndefined();
    expect(cache.get('recent', `v${MAX_TOLD_WRITES + 1}`)?.version).toBe(`v${MAX_TOLD_WRITES + 1}`);
  });
});
