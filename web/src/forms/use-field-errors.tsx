import { useId, useState } from 'react';
import { besideText, inputAtFault, refusalOf, type FormRefusal } from './field-error.js';

/**
 * The one way a form shows the server's refusal. When the server names a field the form has, the
 * message sits beside that input, which is marked `aria-invalid` and described by it (a screen
 * reader reads it with the input); otherwise it is said at the form's end (`general`, for FormEnd).
 * `inputs` are the form's fields as the API names them.
 */
export function useFieldErrors(inputs: readonly string[]) {
  const id = useId();
  const [refusal, setRefusal] = useState<FormRefusal | null>(null);
  const atFault = inputAtFault(refusal, inputs);
  const messageId = (input: string) => `${id}-${input}-error`;
  return {
    fail: (e: unknown) => setRefusal(refusalOf(e)),
    /** The same when the form's fields sit `within` the body sent, as "people.0" (see refusalOf). */
    failWithin: (e: unknown, within: string) => setRefusal(refusalOf(e, within)),
    clear: () => setRefusal(null),
    /** A refusal no input of this form is named by, for the form's end. */
    general: refusal && !atFault ? refusal.message : null,
    /** The props of the input for `input`; `describedBy` keeps the input's own hint. */
    invalid: (input: string, describedBy?: string) =>
      atFault === input ? { 'aria-invalid': true as const, 'aria-describedby': [describedBy, messageId(input)].filter(Boolean).join(' ') } : describedBy ? { 'aria-describedby': describedBy } : {},
    /** The message beside the input for `input`, when the refusal is its. */
    message: (input: string) =>
      refusal && atFault === input ? (
        <p id={messageId(input)} className="field-error" role="alert">
          {besideText(refusal)}
        </p>
      ) : null,
  };
}
