/**
 * A visit started offline on a classroom layout (issue 10): the layouts the app loaded are kept on
 * the device, a visit started here records on the version the device holds and names it, and the
 * server keeps that same version even when the layout was edited meanwhile. Signing out forgets
 * the copies unless a visit not yet sent needs one.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, ObservationRecorder, deviceLayout, forgetOnSignOut, keepLayouts, openRecordDb } from '../../web/src/features/observations/record';
import { type Client, type World, createWorld } from '../support/world';

let w: World;
let partnership: string;
let coach: Client;
let n = 0;
const open: ObservationRecorder[] = [];
const noStorage = { length: 0, key: () => null, removeItem: () => undefined };

beforeAll(async () => {
  w = await createWorld();
  const scene = await w.given.expertPartnership();
  partnership = scene.partnership;
  coach = await w.as(scene.coach);
});
afterEach(() => {
  for (const r of open.splice(0)) r.close();
});
afterAll(() => w?.close());

function recorder() {
  const net = { up: false };
  const send = async (url: string, body: unknown): Promise<Answer> => {
    if (!net.up) throw new TypeError('Failed to fetch');
    const res = await coach.post(url, body);
    return { status: res.statusCode, body: res.json() };
  };
  const r = new ObservationRecorder({ db: openRecordDb(`layout-offline-${++n}`), send, now: () => w.clock.now(), locks: null, retry: { firstMs: 60_000, maxMs: 60_000 } });
  open.push(r);
  return { r, net };
}

describe('a layout needed offline', () => {
  it('records a visit started offline on the version the device holds, and the server keeps that version', async () => {
    const created = await coach.post(`/api/partnerships/${partnership}/classroom-layouts`, {
      name: 'Room 12, rows',
      kind: 'seating_chart',
      elements: ['S01', 'S02', 'S03'].map((id, i) => ({ id, type: 'seat', label: id, x: 100 * i, y: 100, w: 80, h: 80 })),
    });
    const layout = created.json();
    const { r, net } = recorder();
    // The start form loaded the partnership's layouts: the device keeps a copy.
    const list = (await coach.get(`/api/partnerships/${partnership}/classroom-layouts`)).json().items;
    await keepLayouts(list, partnership, r.db);
    expect(await deviceLayout(layout.id, null, r.db)).toMatchObject({ layoutId: layout.id, version: 1, partnershipId: partnership });

    // Offline: the visit starts on the device, on version 1, and S03 is tapped.
    const id = await r.startObservation(partnership, { tools: [{ tool: 'verbal_flow', kinds: ['Student response'], layoutId: layout.id }] });
    expect((await r.db.starts.get(id))?.body.tools?.[0]).toMatchObject({ layoutId: layout.id, layoutVersion: 1 });
    await r.recordEvent(id, 'verbal_flow', 'interaction', { seatId: 'S03', kind: 'Student response' });
    // Meanwhile S03 is taken out of the layout (version 2).
    expect((await coach.put(`/api/classroom-layouts/${layout.id}`, { name: 'Room 12, pods', elements: layout.elements.slice(0, 2), baseVersion: 1 })).statusCode).toBe(200);

    net.up = true;
    await r.sync.flush();
    const saved = (await coach.get(`/api/observations/${id}`)).json();
    expect(saved.tools[0]).toMatchObject({ layoutId: layout.id, layoutVersion: 1 });
    expect(saved.layouts[0].elements.map((e: { id: string }) => e.id)).toEqual(['S01', 'S02', 'S03']);
    expect(saved.events).toHaveLength(1);
    expect((await r.db.events.toArray())[0].state).toBe('sent');
  });

  it('forgets kept layouts on sign-out, except one a visit not yet sent records on', async () => {
    const { r } = recorder();
    const elements = [{ id: 'S01', type: 'seat' as const, label: 'S01', x: 0, y: 0, w: 80, h: 80 }];
    const needed = crypto.randomUUID();
    const other = crypto.randomUUID();
    await keepLayouts([{ id: needed, version: 1, kind: 'seating_chart', name: 'A', elements }, { id: other, version: 3, kind: 'seating_chart', name: 'B', elements }], partnership, r.db);
    await r.startObservation(partnership, { tools: [{ tool: 'verbal_flow', kinds: ['Student response'], layoutId: needed }] });
    await forgetOnSignOut(r.db, noStorage);
    expect((await r.db.layouts.toArray()).map((l) => l.layoutId)).toEqual([needed]);
  });
});
