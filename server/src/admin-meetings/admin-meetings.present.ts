/** What a participant sees of a partnership meeting: an allow-list, with abilities from the policy. */
import type { z } from 'zod';
import { ADMIN_MEETING_STEPS, stepTimer } from '../../../shared/src/admin-meetings';
import type { AdminMeeting } from '../../../shared/src/api';
import { type AdminMeetingContext, canInMeeting } from '../privacy/policy';
import type { MeetingDetails, MeetingRow } from './admin-meetings.queries';
import { presentAgreementParts } from './agreement.present';

type Status = z.infer<typeof AdminMeeting>['status'];
type Role = z.infer<typeof AdminMeeting>['participants'][number]['role'];

export function presentMeeting(ctx: AdminMeetingContext & { meeting: MeetingRow }, d: MeetingDetails, now: Date): z.infer<typeof AdminMeeting> {
  const m = ctx.meeting;
  const open = m.status !== 'ended';
  // Steps 5–7 (roles, topics, the written agreement): agreement.present.ts.
  const { abilities: agreementAbilities, ...agreement } = presentAgreementParts(ctx, d.agreement, d.participants);
  return {
    id: m.id,
    title: m.title,
    schoolYear: m.school_year,
    siteId: m.site_id,
    siteName: d.siteName,
    scheduledFor: m.scheduled_for,
    status: m.status as Status,
    currentStep: Number(m.current_step),
    noteTakerId: m.note_taker_id,
    createdBy: m.created_by,
    version: Number(m.version),
    lastEvent: Number(m.last_event),
    createdAt: m.created_at,
    updatedAt: m.updated_at,
    startedAt: m.started_at,
    endedAt: m.ended_at,
    serverNow: now.toISOString(),
    participants: d.participants.map((p) => ({ personId: p.person_id, name: p.name, role: p.role as Role })),
    steps: ADMIN_MEETING_STEPS.map((s) => {
      const intervals = d.steps.filter((i) => Number(i.step) === s.step).map((i) => ({ startedAt: i.started_at, endedAt: i.ended_at }));
      const timer = stepTimer(s.step, intervals, now);
      return { step: s.step, key: s.key, minutes: s.minutes, elapsedMs: timer.elapsedMs, overrunMs: timer.overrunMs, running: timer.running, runningSince: intervals.find((i) => !i.endedAt)?.startedAt ?? null };
    }),
    norms: d.norms.map((n) => ({ id: n.id, text: n.text, authorId: n.author_id, authorName: n.author_name, agreedAt: n.agreed_at, revisedAt: n.revised_at, version: Number(n.version), createdAt: n.created_at, updatedAt: n.updated_at })),
    notes: d.notes.map((n) => ({ id: n.id, step: Number(n.step), text: n.text, authorId: n.author_id, authorName: n.author_name, createdAt: n.created_at, updatedAt: n.updated_at })),
    ...agreement,
    abilities: {
      ...agreementAbilities,
      run: open && canInMeeting(ctx, 'adminMeeting.run'),
      chooseNoteTaker: open && canInMeeting(ctx, 'adminMeeting.chooseNoteTaker'),
      editNorms: open && canInMeeting(ctx, 'adminMeeting.norms'),
      takeNotes: open && canInMeeting(ctx, 'adminMeeting.notes'),
    },
  };
}
