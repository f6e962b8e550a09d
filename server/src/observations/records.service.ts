/**
 * Observation records (SPEC §2.6): the tools a visit uses, and the append-only
 * event log a tablet fills during it, offline if need be.
 *
 * Threat: taps lost or counted twice, and evidence that silently changes. Every
 * event carries an id made on the device, so sending a batch again is safe
 * (same id and content: a duplicate, not stored twice; same id, other content:
 * a conflict, nothing changed). Events are checked one by one against the
 * observation's tools and the layout version it used, so one bad event never
 * refuses the others, and the accepted ones of a batch are written in one
 * transaction. An undo is an event naming the event it cancels: nothing
 * recorded is ever deleted.
 */
import type { z } from 'zod';
import { EVENT_PAYLOADS, type EVENT_REJECTIONS, type IngestEventsResponse, LayoutElement, ObservationEventInput, type ToolConfig, type ToolConfigInput, UndoPayload, VISIT_EVENT_PAYLOADS } from '../../../shared/src/api';
import { OBSERVATION_TOOLS, type ObservationTool } from '../../../shared/src/domain';
import type { Language } from '../../../shared/src/i18n';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db';
import { type ErrorText, errorText, unprocessable } from '../platform/errors';
import type { Database } from '../platform/tables';
import { issueText } from '../platform/validation';
import { isSubjectRole, type PartnershipContext } from '../privacy/relations';

export type Tool = z.infer<typeof ToolConfig>;
type Element = z.infer<typeof LayoutElement>;
type Rejection = (typeof EVENT_REJECTIONS)[number];
type Result = z.infer<typeof IngestEventsResponse>['results'][number];

/** How far a device clock may run ahead, and how long after the end a tap still belongs to the visit. */
export const CLOCK_SLACK_MS = 5 * 60_000;
/** Events per request: 10,000 queued taps sync in 10 requests. */
export const MAX_BATCH = 1000;

const emptyTool = (tool: ObservationTool): Tool => ({ tool, categories: [], speakers: [], kinds: [], activities: [], exclusive: null, tracked: [], intervalMinutes: null, layoutId: null, layoutVersion: null });

/**
 * Whose classroom is observed: the coachee asked for, or the only coachee, or in
 * a peer partnership the only other peer. Null when that is not an accepted coachee here.
 */
export function observedSubject(ctx: PartnershipContext, requested?: string): string | null {
  const subjects = ctx.members.filter((m) => isSubjectRole(m.role) && m.state === 'accepted').map((m) => m.personId);
  const others = subjects.filter((id) => id !== ctx.actor.personId);
  const id = requested ?? (subjects.length === 1 ? subjects[0] : others.length === 1 ? others[0] : undefined);
  return id && subjects.includes(id) ? id : null;
}

const unique = (list: readonly string[]) => [...new Set(list)];

/**
 * The tools a visit uses, with their codes: as asked, with anything left out taken
 * from the plan's data form when the tool is the plan's method. Layouts are pinned
 * to their current version, so later edits never change what past taps point at.
 */
export async function buildTools(
  db: DB,
  ctx: PartnershipContext,
  subjectId: string,
  plan: { method: string; fields: string[]; intervalMinutes: number | null } | null,
  inputs: Array<z.infer<typeof ToolConfigInput>> | undefined,
): Promise<Tool[]> {
  const asked = inputs ?? ((OBSERVATION_TOOLS as readonly string[]).includes(plan?.method ?? '') ? [{ tool: plan!.method as ObservationTool }] : null);
  if (!asked) throw unprocessable('toolsNeeded', 'tools');
  const tools: Tool[] = [];
  for (const [i, input] of asked.entries()) {
    const { tool } = input;
    if (tools.some((t) => t.tool === tool)) throw unprocessable({ key: 'toolTwice', values: { tool } }, `tools.${i}.tool`);
    const fromPlan = plan?.method === tool ? plan.fields : [];
    const needs = (list: string[], what: 'categories' | 'kinds' | 'activities') => {
      if (list.length === 0) throw unprocessable({ key: 'toolNeedsCodes', values: { tool, what } }, `tools.${i}.${what}`);
      return unique(list);
    };
    const layout = async (seats: boolean) => {
      if (!input.layoutId) throw unprocessable({ key: 'toolNeedsLayout', values: { tool } }, `tools.${i}.layoutId`);
      const row = await db
        .selectFrom('classroom_layouts as l')
        .innerJoin('classroom_layout_versions as v', (j) => j.onRef('v.layout_id', '=', 'l.id').onRef('v.version', '=', 'l.version'))
        .select(['l.id', 'l.version', 'l.subject_id', 'v.elements'])
        .where('l.org_id', '=', ctx.actor.orgId)
        .where('l.partnership_id', '=', ctx.partnership.id)
        .where('l.id', '=', input.layoutId)
        .executeTakeFirst();
      if (!row || row.subject_id !== subjectId) throw unprocessable('layoutOfClassroom', `tools.${i}.layoutId`);
      // A visit started offline from the tablet's copy of the layout keeps that version, so its
      // taps point at the seats the observer saw, even if the layout was edited meanwhile.
      let pinned = { version: row.version, elements: row.elements };
      if (input.layoutVersion !== undefined && input.layoutVersion !== row.version) {
        const kept = await db.selectFrom('classroom_layout_versions').select(['version', 'elements']).where('org_id', '=', ctx.actor.orgId).where('layout_id', '=', row.id).where('version', '=', input.layoutVersion).executeTakeFirst();
        if (!kept) throw unprocessable({ key: 'layoutVersionUnknown', values: { version: input.layoutVersion, current: row.version } }, `tools.${i}.layoutVersion`);
        pinned = kept;
      }
      if (seats && !(JSON.parse(pinned.elements) as Element[]).some((e) => e.type === 'seat')) throw unprocessable('layoutNoSeats', `tools.${i}.layoutId`);
      return { layoutId: row.id, layoutVersion: pinned.version };
    };
    const base = emptyTool(tool);
    switch (tool) {
      case 'selective_verbatim':
        tools.push({ ...base, categories: unique(input.categories ?? fromPlan), speakers: unique(input.speakers ?? []) });
        break;
      case 'verbal_flow':
        tools.push({ ...base, kinds: needs(input.kinds ?? fromPlan, 'kinds'), ...(await layout(true)) });
        break;
      case 'event_count':
        tools.push({ ...base, categories: needs(input.categories ?? fromPlan, 'categories') });
        break;
      case 'duration':
        tools.push({ ...base, activities: needs(input.activities ?? fromPlan, 'activities'), exclusive: input.exclusive ?? true });
        break;
      case 'physical_map':
        tools.push({ ...base, tracked: unique(input.tracked ?? fromPlan), ...(await layout(false)) });
        break;
      case 'time_sample':
        tools.push({ ...base, categories: needs(input.categories ?? fromPlan, 'categories'), intervalMinutes: input.intervalMinutes ?? (plan?.method === tool ? plan.intervalMinutes : null) ?? 5 });
        break;
    }
  }
  return tools;
}

/** The elements of the layout versions an observation's tools use, by "layoutId:version". */
export async function layoutVersionsOf(db: DB, orgId: string, tools: Tool[]) {
  const wanted = tools.filter((t) => t.layoutId && t.layoutVersion);
  const out = new Map<string, { layoutId: string; version: number; name: string; kind: string; elements: Element[] }>();
  for (const t of wanted) {
    const key = `${t.layoutId}:${t.layoutVersion}`;
    if (out.has(key)) continue;
    const row = await db
      .selectFrom('classroom_layout_versions as v')
      .innerJoin('classroom_layouts as l', 'l.id', 'v.layout_id')
      .select(['v.layout_id', 'v.version', 'v.name', 'v.elements', 'l.kind'])
      .where('v.org_id', '=', orgId)
      .where('v.layout_id', '=', t.layoutId!)
      .where('v.version', '=', t.layoutVersion!)
      .executeTakeFirst();
    if (row) out.set(key, { layoutId: row.layout_id, version: row.version, name: row.name, kind: row.kind, elements: JSON.parse(row.elements) });
  }
  return out;
}

type ObservationRow = Database['observations'];
type EventRow = Database['observation_events'];
/** What identifies an event's content: two sends of one tap compare equal. */
const contentOf = (e: Pick<EventRow, 'tool' | 'type' | 'payload' | 'device_at'>) => `${e.tool}\u0000${e.type}\u0000${e.payload}\u0000${e.device_at}`;
const stamp = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

interface Checked {
  index: number;
  id: string | null;
  row?: EventRow;
  /** For an undo: the event it cancels. */
  target?: string;
  rejection?: { reason: Rejection; text: ErrorText };
}

/**
 * Checks one event against the observation: shape, tool, type, payload, codes,
 * places on the layout version, and the device clock. Pure: no database.
 */
function checkEvent(raw: unknown, index: number, obs: ObservationRow, tools: Tool[], layouts: Map<string, { version: number; elements: Element[] }>, now: Date, actor: Actor, language: Language): Checked {
  const rawId = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? ((raw as { id: string }).id.slice(0, 100) as string) : null;
  const envelope = ObservationEventInput.safeParse(raw);
  const malformed = (issues: z.core.$ZodIssue[], prefix: string[] = []): Checked => ({
    index,
    id: rawId,
    rejection: { reason: 'malformed', text: { key: 'eventMalformed', values: { problems: issues.slice(0, 5).map((i) => issueText(language, { ...i, path: [...prefix, ...i.path] })).join('; ') } } },
  });
  if (!envelope.success) return malformed(envelope.error.issues);
  const e = envelope.data;
  const reject = (reason: Rejection, text: ErrorText): Checked => ({ index, id: e.id, rejection: { reason, text } });
  const tool = tools.find((t) => t.tool === e.tool);
  if (!tool) return reject('unknown_tool', { key: 'eventToolUnknown', values: { name: e.tool, tools: { list: tools.map((t) => t.tool), each: 'toolItem' } } });
  const types = EVENT_PAYLOADS[tool.tool] as Record<string, z.ZodType<Record<string, unknown>>>;
  // pause/resume are the visit's, recorded under whichever of its tools the screen shows.
  const visitWide = Object.hasOwn(VISIT_EVENT_PAYLOADS, e.type);
  const schema = e.type === 'undo' ? UndoPayload : visitWide ? VISIT_EVENT_PAYLOADS[e.type as keyof typeof VISIT_EVENT_PAYLOADS] : Object.hasOwn(types, e.type) ? types[e.type] : undefined;
  if (!schema) return reject('unknown_type', { key: 'eventTypeUnknown', values: { type: e.type, tool: tool.tool, types: { list: [...Object.keys(types), 'undo', ...Object.keys(VISIT_EVENT_PAYLOADS)] } } });
  const parsed = schema.safeParse(e.payload);
  if (!parsed.success) return malformed(parsed.error.issues, ['payload']);
  const p = parsed.data as Record<string, unknown>;

  const code = (value: unknown, allowed: string[], what: 'categories' | 'kinds' | 'activities' | 'codes') =>
    typeof value === 'string' && !allowed.includes(value) ? reject('unknown_code', { key: 'eventCodeUnknown', values: { code: value, what, tool: tool.tool, allowed: { list: allowed } } }) : null;
  const layout = tool.layoutId ? layouts.get(`${tool.layoutId}:${tool.layoutVersion}`) : undefined;
  const place = (value: unknown, seatsOnly: boolean) =>
    typeof value === 'string' && !layout?.elements.some((el) => el.id === value && (!seatsOnly || el.type === 'seat'))
      ? reject('unknown_place', { key: 'eventPlaceUnknown', values: { place: value, version: tool.layoutVersion ?? 0 } })
      : null;
  const problem =
    e.type === 'undo' || visitWide
      ? null
      : tool.tool === 'selective_verbatim'
        ? code(p.category, tool.categories, 'categories')
        : tool.tool === 'verbal_flow'
          ? (code(p.kind, tool.kinds, 'kinds') ?? place(p.seatId, true) ?? place(p.toSeatId, true))
          : tool.tool === 'event_count' || tool.tool === 'time_sample'
            ? code(p.category, tool.categories, 'categories')
            : tool.tool === 'duration'
              ? code(p.activity, tool.activities, 'activities')
              : ((tool.tracked.length ? code(p.who, tool.tracked, 'codes') : null) ?? place(p.elementId, false));
  if (problem) return problem;

  const deviceAt = new Date(e.deviceAt);
  const at = deviceAt.toISOString();
  if (deviceAt.getTime() > now.getTime() + CLOCK_SLACK_MS) return reject('in_future', { key: 'eventInFuture', values: { at: stamp(at) } });
  if (deviceAt.getTime() < new Date(obs.started_at).getTime() - CLOCK_SLACK_MS) return reject('before_start', { key: 'eventBeforeStart', values: { at: stamp(at), started: stamp(obs.started_at) } });
  if (obs.ended_at && deviceAt.getTime() > new Date(obs.ended_at).getTime() + CLOCK_SLACK_MS) return reject('after_end', { key: 'eventAfterEnd', values: { at: stamp(at), ended: stamp(obs.ended_at) } });
  // A time sample records what was seen in an interval: never one that had not begun (missed ones stay missing, never invented).
  if (e.type === 'interval_record' && tool.intervalMinutes) {
    const begins = new Date(obs.started_at).getTime() + ((p.interval as number) - 1) * tool.intervalMinutes * 60_000;
    if (begins > deviceAt.getTime() + CLOCK_SLACK_MS) return reject('interval_ahead', { key: 'eventIntervalAhead', values: { interval: p.interval as number, at: stamp(at) } });
  }

  return {
    index,
    id: e.id,
    target: e.type === 'undo' ? (p.eventId as string) : undefined,
    row: { id: e.id, org_id: obs.org_id, observation_id: obs.id, tool: tool.tool, type: e.type, payload: JSON.stringify(p), device_at: at, received_at: now.toISOString(), author_id: actor.personId },
  };
}

/** Stored events of this observation among some ids (scoped: organization and observation). */
async function storedAmong(db: DB, obs: ObservationRow, ids: string[]) {
  const out = new Map<string, Pick<EventRow, 'id' | 'tool' | 'type' | 'payload' | 'device_at'>>();
  const list = unique(ids);
  for (let i = 0; i < list.length; i += 500) {
    const rows = await db
      .selectFrom('observation_events')
      .select(['id', 'tool', 'type', 'payload', 'device_at'])
      .where('org_id', '=', obs.org_id)
      .where('observation_id', '=', obs.id)
      .where('id', 'in', list.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/**
 * Takes a batch of events for one observation (the caller has authorized the
 * actor to record it) and answers for each: accepted, duplicate, conflict or
 * rejected with a reason in the reader's language.
 */
export async function ingestEvents(db: DB, now: Date, actor: Actor, obs: ObservationRow, rawEvents: unknown[], language: Language): Promise<z.infer<typeof IngestEventsResponse>> {
  const tools = JSON.parse(obs.tools) as Tool[];
  const layouts = await layoutVersionsOf(db, obs.org_id, tools);
  const checked = rawEvents.map((raw, i) => checkEvent(raw, i, obs, tools, layouts, now, actor, language));
  const stored = await storedAmong(db, obs, checked.flatMap((c) => [c.row?.id ?? c.id ?? '', c.target ?? '']).filter((id) => /^[0-9a-f-]{36}$/i.test(id)));

  const results: Result[] = new Array(checked.length);
  const answer = (c: Checked, status: Result['status'], rejection?: { reason: Rejection; text: ErrorText }) => {
    results[c.index] = { index: c.index, id: c.id, status, reason: rejection?.reason ?? null, message: rejection ? errorText(language, rejection.text) : null };
  };
  const conflict = { reason: 'conflict' as const, text: 'eventConflict' as const };
  const accepted = new Map<string, EventRow>();
  const pending: Checked[] = [];

  // Events sent before (in an earlier batch, or earlier in this one) are duplicates or conflicts, whatever they hold now.
  for (const c of checked) {
    const earlier = c.id ? (stored.get(c.id) ?? accepted.get(c.id)) : undefined;
    if (earlier) {
      if (c.row && contentOf(c.row) === contentOf(earlier)) answer(c, 'duplicate');
      else answer(c, 'conflict', conflict);
    } else if (c.rejection) {
      answer(c, 'rejected', c.rejection);
    } else if (c.target) {
      pending.push(c);
    } else {
      accepted.set(c.row!.id, c.row!);
      answer(c, 'accepted');
    }
  }
  // Undos last, so one may cancel an event sent in the same batch, in any order.
  for (const c of pending) {
    const tap = stored.get(c.target!) ?? accepted.get(c.target!);
    const earlier = accepted.get(c.row!.id);
    if (earlier) {
      if (contentOf(c.row!) === contentOf(earlier)) answer(c, 'duplicate');
      else answer(c, 'conflict', conflict);
    } else if (!tap || tap.type === 'undo' || Object.hasOwn(VISIT_EVENT_PAYLOADS, tap.type) || tap.tool !== c.row!.tool) {
      answer(c, 'rejected', { reason: 'undo_target', text: { key: 'eventUndoTarget', values: { tool: c.row!.tool } } });
    } else {
      accepted.set(c.row!.id, c.row!);
      answer(c, 'accepted');
    }
  }

  // One transaction for the batch. An id taken meanwhile (another request, another observation) is not overwritten.
  const rows = [...accepted.values()];
  const inserted = new Set<string>();
  if (rows.length) {
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 100) {
        const done = await trx.insertInto('observation_events').values(rows.slice(i, i + 100)).onConflict((oc) => oc.column('id').doNothing()).returning('id').execute();
        for (const d of done) inserted.add(d.id);
      }
    });
  }
  const raced = rows.filter((r) => !inserted.has(r.id));
  if (raced.length) {
    const now = await storedAmong(db, obs, raced.map((r) => r.id));
    for (const r of raced) {
      const c = checked.find((x) => x.row?.id === r.id && results[x.index].status === 'accepted')!;
      const there = now.get(r.id);
      if (there && contentOf(there) === contentOf(r)) answer(c, 'duplicate');
      else answer(c, 'conflict', conflict);
    }
  }
  const count = (s: Result['status']) => results.filter((r) => r.status === s).length;
  return { results, accepted: count('accepted'), duplicates: count('duplicate'), conflicts: count('conflict'), rejected: count('rejected') };
}
