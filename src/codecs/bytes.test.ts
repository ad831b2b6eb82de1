import { describe, expect, it } from 'vitest';
import { joinBytes } from './bytes.js';

describe('joinBytes', () => {
  it('joins chunks in order, empty ones included', () => {
    const joined = joinBytes([Uint8Array.of(1, 2), new Uint8Array(0), Uint8Array.of(3), Uint8Array.of(4, 5, 6)]);
    expect([...joined]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('hands back a lone chunk without copying it', () => {
    const whole = Uint8Array.of(7, 8, 9);
    expect(joinBytes([whole])).toBe(whole);
  });

  it('gives an empty array for no chunks', () => {
    expect(joinBytes([]).byteLength).toBe(0);
  });

  it('copies views at their own offsets, not their whole buffer', () => {
    const buffer = Uint8Array.of(0, 1, 2, 3, 4, 5);
    expect([...joinBytes([buffer.subarray(4), buffer.subarray(1, 3)])]).toEqual([4, 5, 1, 2]);
  });

  it('puts the byte `after` after every chunk, a lone one too', () => {
    const lf = 0x0a;
    expect([...joinBytes([Uint8Array.of(65), new Uint8Array(0), Uint8Array.of(66, 67)], lf)]).toEqual([65, lf, lf, 66, 67, lf]);
    const lone = Uint8Array.of(65);
    const joined = joinBytes([lone], lf);
    expect([...joined]).toEqual([65, lf]);
    expect([...lone]).toEqual([65]);
    expect(joinBytes([], lf).byteLength).toBe(0);
  });
});
