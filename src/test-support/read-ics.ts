import ICAL from 'ical.js';

/** One VEVENT as an independent parser (ical.js) reads it back. */
export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  allDay: boolean;
  categories: string[];
}

/** Reads an ICS document with ical.js, a parser independent of the generator. */
export function parseIcs(text: string): { calendar: InstanceType<typeof ICAL.Component>; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: (event.description as string | null) ?? '',
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate && event.endDate.isDate,
      categories: component.getAllProperties('categories').flatMap((p) => p.getValues() as string[]),
    };
  });
  return { calendar, events };
}
