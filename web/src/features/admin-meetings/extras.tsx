import type { AdminMeeting } from './live';

/**
 * The parts of the meeting that come with later steps (roles, topics, the written agreement):
 * shown here when the server sends them.
 */
export function MeetingExtras(_: { meeting: AdminMeeting }) {
  return null;
}
