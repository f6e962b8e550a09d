/**
 * Loading a meeting for the routes of steps 5–7 (roles.routes.ts, topics.routes.ts,
 * agreement.routes.ts): the read is checked first, then the action, each a 404 when refused; and
 * the meeting as the actor sees it after a change (the same answer GET /api/admin-meetings/:id gives).
 */
import type { Actor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { DB } from '../platform/db';
import { AppError } from '../platform/errors';
import { type AdminMeetingAgreementAction, authorizeInMeeting, authorizeOnMeetingAgreement } from '../privacy/policy';
import { meetingDetails, type MeetingRow } from './admin-meetings.queries';
import { presentMeeting } from './admin-meetings.present';
import { type AgreementContext, agreementContext } from './agreement.queries';

export function meetingAccess(db: DB, clock: Clock) {
  async function load(actor: Actor, meetingId: string, action: AdminMeetingAgreementAction): Promise<AgreementContext> {
    const ctx = await agreementContext(db, actor, meetingId);
    authorizeInMeeting(ctx, 'adminMeeting.read');
    authorizeOnMeetingAgreement(ctx, action);
    return ctx as AgreementContext;
  }
  async function read(actor: Actor, meetingId: string) {
    const ctx = await agreementContext(db, actor, meetingId);
    authorizeInMeeting(ctx, 'adminMeeting.read');
    return presentMeeting(ctx!, await meetingDetails(db, ctx!.meeting), clock.now());
  }
  return { load, read };
}

export const notEnded = (m: MeetingRow) => {
  if (m.status === 'ended') throw new AppError('INVALID_TRANSITION', 'adminMeetingEnded');
};
export const isLive = (m: MeetingRow) => {
  notEnded(m);
  if (m.status !== 'live') throw new AppError('INVALID_TRANSITION', 'adminMeetingNotStarted');
};
