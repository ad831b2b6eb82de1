/** A character `toLowerCase` may change: an ASCII capital, or anything past ASCII. */
const MAY_CHANGE = /[A-Z\u0080-\uffff]/;

/**
 * `text.toLowerCase()`, without a copy when nothing would change. V8 gives a string of one byte a
 * character back as it is when it holds no capital, but copies one of two bytes a character whole,
 * and every cell of a file holding one character past Latin-1 is such a string (a LinkedIn export
 * with a few names in Cyrillic or Chinese): its links and emails, already lower case, were copied
 * each time they were keyed or folded, and the copy a profile link's key is cut from was kept to
 * the end of the import (issue 15).
 */
export function lowerCase(text: string): string {
  return MAY_CHANGE.test(text) ? text.toLowerCase() : text;
}
