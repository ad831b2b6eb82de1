import { useState, type FormEvent } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useFieldErrors } from './use-field-errors.js';

/**
 * The one shape of an edit form: its values as typed, a change handler per field, and a save
 * that clears the last refusal and, when the server refuses, marks the input it names (see
 * useFieldErrors; `inputs` are the form's fields as the API names them).
 */
export function useEditForm<Values extends object>(initial: () => Values, inputs: readonly string[]) {
  const [values, setValues] = useState(initial);
  const errors = useFieldErrors(inputs);
  return {
    values,
    setValues,
    errors,
    /** The onChange of the text input or select for `key`: the field takes what was typed. */
    set: (key: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })),
    /** Sends `body` through `mutation`; `onSaved` has the server's answer, a refusal is shown by `errors`. */
    save: <Saved, Body>(mutation: UseMutationResult<Saved, Error, Body>, body: Body, onSaved: (saved: Saved) => void) => {
      errors.clear();
      mutation.mutate(body, { onSuccess: onSaved, onError: errors.fail });
    },
    /** The form's onSubmit: the page does not reload; `submit` runs instead. */
    onSubmit: (submit: () => void) => (e: FormEvent) => {
      e.preventDefault();
      submit();
    },
  };
}
