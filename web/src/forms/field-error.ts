import { ApiError } from '../api/client.js';
import { errorText } from './error-text.js';

/** A refusal as a form shows it: the words, and the field the server named (a JSON path), if it named one. */
export interface FormRefusal {
  message: string;
  field: string | null;
}

/**
 * `within` is where the form's fields sit in the body it sent ("people.0" when one person is sent
 * in a list): the field is then named as the form names it, in the message too.
 */
export function refusalOf(e: unknown, within?: string): FormRefusal {
  const message = errorText(e);
  const field = e instanceof ApiError && e.field ? e.field : null;
  if (!field || !within || !field.startsWith(`${within}.`)) return { message, field };
  const own = field.slice(within.length + 1);
  return { message: message.startsWith(`${field}: `) ? `${own}: ${message.slice(field.length + 2)}` : message, field: own };
}

/**
 * Which of the form's inputs the refusal belongs to: the one the server named, or the one that
 * holds the named part ("channels" for "channels.emails.0"); null when the form has no such input.
 */
export function inputAtFault(refusal: FormRefusal | null, inputs: readonly string[]): string | null {
  const field = refusal?.field;
  if (!field) return null;
  return inputs.find((input) => field === input || field.startsWith(`${input}.`)) ?? null;
}

/** The message as said beside its input: the input already names the field, so "name: " is not said again. */
export function besideText(refusal: FormRefusal): string {
  const prefix = `${refusal.field}: `;
  return refusal.field && refusal.message.startsWith(prefix) ? refusal.message.slice(prefix.length) : refusal.message;
}
