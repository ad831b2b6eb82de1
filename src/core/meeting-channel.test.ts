import { describe, expect, it } from 'vitest';
import { meetingChannel, type MeetingFacts } from './meeting-channel.js';

const facts = (given: Partial<MeetingFacts>): MeetingFacts => ({ location: null, description: null, title: null, conference: [], others: 1, ...given });

describe('the channel of a calendar event', () => {
  it('a physical place and no conference link is a meeting in person: a coffee, a meal, or an event with five or more others', () => {
    expect(meetingChannel(facts({ location: 'Café Lisboa, Rua das Flores 12, Porto' }))).toEqual({ channel: 'coffee', reason: 'in person at Café Lisboa, Rua das Flores 12, Porto', place: 'Café Lisboa, Rua das Flores 12, Porto' });
    expect(meetingChannel(facts({ location: 'Room 4.12, Northbridge Clinic', title: 'Lunch with Ana' }))).toMatchObject({ channel: 'lunch', place: 'Room 4.12, Northbridge Clinic' });
    expect(meetingChannel(facts({ location: 'Main hall', others: 7 }))).toMatchObject({ channel: 'event', reason: 'in person with 7 others at Main hall' });
  });

  it('a conference link anywhere wins over a place', () => {
    expect(meetingChannel(facts({ location: 'Café Lisboa', conference: [{ property: 'x-google-conference', value: 'https://meet.google.com/abc-defg-hij' }] }))).toEqual({ channel: 'video', reason: 'a conference link (meet.google.com)', place: null });
    expect(meetingChannel(facts({ location: 'Board room', description: 'Join: https://us02web.zoom.us/j/123' }))).toMatchObject({ channel: 'video', reason: 'a conference link (zoom.us)' });
    expect(meetingChannel(facts({ conference: [{ property: 'conference', value: 'https://video.example.org/room' }] }))).toMatchObject({ channel: 'video', reason: 'a conference link (CONFERENCE)' });
    // A plain URL property is a link to anything, not a conference.
    expect(meetingChannel(facts({ location: 'Café Lisboa', conference: [{ property: 'url', value: 'https://cafe.example.org' }] }))).toMatchObject({ channel: 'coffee' });
  });

  it('a place that names an online service or says online is video, not a place; one that says phone is a call', () => {
    for (const location of ['Microsoft Teams Meeting', 'Zoom', 'Online', 'Virtual', 'Google Meet', 'FaceTime']) expect(meetingChannel(facts({ location })), location).toEqual({ channel: 'video', reason: `online (${location})`, place: null });
    expect(meetingChannel(facts({ location: 'Phone' }))).toMatchObject({ channel: 'call', place: null });
    expect(meetingChannel(facts({ location: '+44 113 000 0000' }))).toMatchObject({ channel: 'call', reason: 'a phone number (+44 113 000 0000)' });
    expect(meetingChannel(facts({ conference: [{ property: 'conference', value: 'tel:+351910000000' }] }))).toMatchObject({ channel: 'call', reason: 'a phone number (+351910000000)' });
    // Words inside other words are not services: "Zoomorphic Gallery" is a place.
    expect(meetingChannel(facts({ location: 'Zoomorphic Gallery' }))).toMatchObject({ channel: 'coffee', place: 'Zoomorphic Gallery' });
  });

  it('no place, no link and no phone is still in person, and says that nothing was given', () => {
    expect(meetingChannel(facts({ location: '   ' }))).toEqual({ channel: 'coffee', reason: 'in person (no link, phone or place given)', place: null });
  });

  // No clock here: work that grows with the square of 2,000,000 characters (a backtracking
  // pattern) does not end within the test's time-out at all, while a linear read takes milliseconds.
  it('reads an enormous description in linear time', () => {
    const description = 'a'.repeat(2_000_000);
    expect(meetingChannel(facts({ description, location: 'Somewhere' })).channel).toBe('coffee');
  }, 30_000);
});
