/**
 * Step 6 of the partnership meeting (issue 12, item 3): the topics list. Before the meeting (and
 * during it) each participant marks the topics that are key concerns for them; everyone sees who.
 * In the meeting the note-taker, or whoever runs it, records each topic's agreement or marks it
 * not relevant, version-checked, until the meeting ends. The question about naming teachers also
 * records yes or no (namesMayBeUsed), which the written agreement carries to the rest of Tandem
 * (terms.ts).
 */
import { NAMING_TOPIC } from '../../../shared/src/admin-meetings';
import { AdminMeeting, AdminMeetingAnswerBody, AdminMeetingConcernBody, AdminMeetingTopicParams } from '../../../shared/src/api';
import { AppError, unprocessable } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { isLive, meetingAccess, notEnded } from './agreement.access';
import type { meetingChanges } from './admin-meetings.service';

type Change = ReturnType<typeof meetingChanges>['change'];

export default async function topicRoutes(app: App, s: Services, change: Change) {
  const { db, clock } = s;
  const { load, read } = meetingAccess(db, clock);

  app.put(
    '/api/admin-meetings/:id/topics/:key/concern',
    {
      config: { matrix: 'adminMeeting.contribute' },
      schema: { tags: ['admin meetings'], summary: 'Mark a topic as a key concern of yours, or unmark it; everyone sees who in `topics[].concernedBy` (any participant, before and during the meeting)', params: AdminMeetingTopicParams, body: AdminMeetingConcernBody, response: { 200: AdminMeeting } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { meeting: m } = await load(actor, request.params.id, 'adminMeeting.contribute');
      notEnded(m);
      const { key } = request.params;
      const mine = await db.selectFrom('admin_meeting_concerns').select('person_id').where('meeting_id', '=', m.id).where('topic_key', '=', key).where('person_id', '=', actor.personId).executeTakeFirst();
      // Already as asked: nothing changes, so no event.
      if (!!mine === request.body.concerned) return read(actor, m.id);
      await change(m.id, m.org_id, 'concern', async (trx, now) => {
        if (request.body.concerned) {
          await trx
            .insertInto('admin_meeting_concerns')
            .values({ meeting_id: m.id, topic_key: key, person_id: actor.personId, org_id: m.org_id, created_at: now })
            .onConflict((oc) => oc.columns(['meeting_id', 'topic_key', 'person_id']).doNothing())
            .execute();
        } else {
          await trx.deleteFrom('admin_meeting_concerns').where('meeting_id', '=', m.id).where('topic_key', '=', key).where('person_id', '=', actor.personId).execute();
        }
      });
      return read(actor, m.id);
    },
  );

  app.put(
    '/api/admin-meetings/:id/topics/:key/answer',
    {
      config: { matrix: 'adminMeeting.answerTopics' },
      schema: {
        tags: ['admin meetings'],
        summary:
          'Record what was agreed on a topic (status "agreed" with text), or mark it "not_relevant"; on naming_teachers an agreed answer also says namesMayBeUsed (true/false). The note-taker or whoever runs the meeting, while it is live; baseVersion is the answer’s version you saw (0: none), 409 when someone answered since',
        params: AdminMeetingTopicParams,
        body: AdminMeetingAnswerBody,
        response: { 200: AdminMeeting },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { meeting: m } = await load(actor, request.params.id, 'adminMeeting.answerTopics');
      isLive(m);
      const { key } = request.params;
      const { status, text, namesMayBeUsed, baseVersion } = request.body;
      if (status === 'agreed' && !text) throw unprocessable('adminMeetingAnswerText', 'text');
      if (key !== NAMING_TOPIC && namesMayBeUsed !== undefined) throw unprocessable('adminMeetingNamesOnlyThere', 'namesMayBeUsed');
      if (key === NAMING_TOPIC && status === 'agreed' && namesMayBeUsed === undefined) throw unprocessable('adminMeetingNamesAnswer', 'namesMayBeUsed');
      const names = key === NAMING_TOPIC && status === 'agreed' ? (namesMayBeUsed ? 1 : 0) : null;
      await change(m.id, m.org_id, 'answer', async (trx, now) => {
        const current = await trx.selectFrom('admin_meeting_answers').select('version').where('meeting_id', '=', m.id).where('topic_key', '=', key).executeTakeFirst();
        if ((current ? Number(current.version) : 0) !== baseVersion) throw new AppError('VERSION_CONFLICT', 'adminMeetingAnswerChanged');
        const values = { status, text, names_may_be_used: names, answered_by: actor.personId, version: baseVersion + 1, updated_at: now };
        if (!current) {
          await trx.insertInto('admin_meeting_answers').values({ meeting_id: m.id, topic_key: key, org_id: m.org_id, created_at: now, ...values }).execute();
        } else {
          const res = await trx.updateTable('admin_meeting_answers').set(values).where('meeting_id', '=', m.id).where('topic_key', '=', key).where('version', '=', baseVersion).executeTakeFirst();
          if (Number(res.numUpdatedRows) === 0) throw new AppError('VERSION_CONFLICT', 'adminMeetingAnswerChanged');
        }
      });
      return read(actor, m.id);
    },
  );
}
