// A LinkedIn "Connections.csv" as LinkedIn writes it: the notes preamble, a blank
// line, then the header and one row per connection. Every row carries `company`, so
// a check can count exactly the people one import brought in.
const FIRST = ['Ana', 'Ben', 'Chiara', 'Dmitri', 'Émile', 'Fatima', 'Gustavo', 'Hye-jin', 'Ingrid', 'José', 'Kwame', 'Léa', 'Mohammed', 'Nguyễn', 'Olu', 'Priya', 'Quentin', 'Rosa', 'Søren', 'Tomasz'];
const LAST = ['Silva', 'Okafor', 'Rossi', 'Ivanov', 'Dubois', 'Haddad', 'Pereira', 'Park', 'Johansson', 'García', 'Mensah', 'Martin', 'Al-Farsi', 'Văn An', 'Adeyemi', 'Sharma', 'Lefèvre', 'Díaz', 'Nielsen', 'Nowak'];
const POSITIONS = ['Engineer', 'Physiotherapist', 'Research Fellow', 'Head of Product, EMEA', 'Nurse "charge"', 'Founder & CEO'];

function csvField(value) {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** `rows` distinct connections of the company `company`; `tag` keeps names and addresses unique across files. */
export function linkedInCsv(rng, { rows, company, tag }) {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < rows; i++) {
    const first = rng.pick(FIRST);
    const last = `${rng.pick(LAST)} ${tag}-${i}`;
    const slug = `${tag}-${i}`.toLowerCase().replace(/[^a-z0-9-]/g, '');
    const email = rng.next() < 0.6 ? `${slug}@example.org` : '';
    const day = String(rng.int(1, 28)).padStart(2, '0');
    const month = rng.pick(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    lines.push([first, last, `https://www.linkedin.com/in/${slug}`, email, company, rng.pick(POSITIONS), `${day} ${month} ${rng.int(2010, 2025)}`].map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}
