import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { besideText, inputAtFault, refusalOf } from './field-error.js';

const INPUTS = ['name', 'channels', 'hoursPerMonth'];

describe('a refusal in a form', () => {
  it('belongs to the input the server named', () => {
    const refusal = refusalOf(new ApiError(400, 'validation', 'name: must be 1 to 200 characters', 'name'));
    expect(inputAtFault(refusal, INPUTS)).toBe('name');
    expect(besideText(refusal)).toBe('must be 1 to 200 characters');
  });

  it('belongs to the input that holds a nested path', () => {
    const refusal = refusalOf(new ApiError(400, 'validation', 'channels.emails.0: is not an email address', 'channels.emails.0'));
    expect(inputAtFault(refusal, INPUTS)).toBe('channels');
    expect(besideText(refusal)).toBe('is not an email address');
  });

  it('is said at the form’s end when the form has no such input, or none was named', () => {
    expect(inputAtFault(refusalOf(new ApiError(400, 'validation', 'query.limit: too big', 'query.limit')), INPUTS)).toBeNull();
    // A field that only starts like an input ("names" is not "name").
    expect(inputAtFault(refusalOf(new ApiError(400, 'validation', 'names: no', 'names')), INPUTS)).toBeNull();
    expect(inputAtFault(refusalOf(new ApiError(409, 'conflict', 'A network of that name exists')), INPUTS)).toBeNull();
    expect(inputAtFault(refusalOf(new TypeError('Failed to fetch')), INPUTS)).toBeNull();
    expect(inputAtFault(null, INPUTS)).toBeNull();
  });

  it('keeps a message that does not start with its field as it is', () => {
    expect(besideText({ message: 'Your name is missing', field: 'name' })).toBe('Your name is missing');
    expect(besideText({ message: 'x'.repeat(10_000), field: 'name' })).toHaveLength(10_000);
  });

  it('is named as the form names it when the form’s fields sit inside the body sent', () => {
    const refusal = refusalOf(new ApiError(400, 'validation', 'people.0.name: must be 1 to 200 characters', 'people.0.name'), 'people.0');
    expect(refusal).toEqual({ message: 'name: must be 1 to 200 characters', field: 'name' });
    expect(inputAtFault(refusal, INPUTS)).toBe('name');
    expect(besideText(refusal)).toBe('must be 1 to 200 characters');
    // Elsewhere in the body (another person, the links): kept whole, so said at the form's end.
    const other = refusalOf(new ApiError(400, 'validation', 'people.10.name: too long', 'people.10.name'), 'people.0');
    expect(other).toEqual({ message: 'people.10.name: too long', field: 'people.10.name' });
    expect(inputAtFault(other, INPUTS)).toBeNull();
    expect(refusalOf(new ApiError(400, 'validation', 'goalIds.0: not a goal', 'goalIds.0'), 'people.0').field).toBe('goalIds.0');
  });
});
