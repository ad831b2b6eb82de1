/**
 * A quick add: one person a line, "Name, Organisation, email". The email is whichever
 * field holds an @, wherever it stands; the first other field is the name and the rest
 * is the organisation (which may itself hold commas: "Hospital Norte, Lisbon").
 */

export interface QuickAddPerson {
  /** 1-based, as the user sees the lines. */
  line: number;
  name: string;
  organisation: string | null;
  email: string | null;
}

export interface QuickAddProblem {
  line: number;
  message: string;
}

const MAX_NAME = 200;
const MAX_ORGANISATION = 200;
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

export function parseQuickAddLines(text: string): { people: QuickAddPerson[]; problems: QuickAddProblem[] } {
  const people: QuickAddPerson[] = [];
  const problems: QuickAddProblem[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const fields = raw.split(',').map((f) => f.trim());
    const emails = fields.filter((f) => f.includes('@'));
    if (emails.length > 1) return void problems.push({ line, message: `line ${line}: two email addresses; put one person a line` });
    const email = emails[0] ?? null;
    if (email !== null && !EMAIL.test(email)) return void problems.push({ line, message: `line ${line}: "${email}" is not an email address` });
    const rest = fields.filter((f) => !f.includes('@'));
    const name = rest[0] ?? '';
    if (name === '') return void problems.push({ line, message: `line ${line}: the name is missing (write "Name, Organisation, email")` });
    if (name.length > MAX_NAME) return void problems.push({ line, message: `line ${line}: the name is longer than ${MAX_NAME} characters` });
    const organisation = rest.slice(1).filter((f) => f !== '').join(', ') || null;
    if (organisation && organisation.length > MAX_ORGANISATION) return void problems.push({ line, message: `line ${line}: the organisation is longer than ${MAX_ORGANISATION} characters` });
    people.push({ line, name, organisation, email });
  });
  return { people, problems };
}
