/**
 * A simple classroom layout editor, usable on a phone: start from a preset (rows, tables of four,
 * a circle, a rug, learning centres), tap an element to choose it, move and resize it with big
 * buttons, the arrow keys or a drag, give seats codes (never names), and save. Saving an existing
 * layout is version-checked: if a partner saved first, nothing is overwritten and the coach
 * chooses between their version and saving this one over it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { LAYOUT_ELEMENT_TYPES, type LayoutElementType, type LayoutKind } from '../../../../../shared/src/domain';
import { ApiError, type ClassroomLayout, api } from '../../../api';
import { useLanguage, useT } from '../../../i18n';
import { Alert, ConflictAlert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { FieldSet, Radio, SelectField, TextField } from '../../../ui/Field';
import { Loading, Section } from '../../../ui/Page';
import { usePartnership } from '../../partnerships/usePartnership';
import { chartWords } from '../charts/kit';
import { layoutsKey } from '../review/recordWords';
import { LayoutSurface, boxOf, roomExtent } from '../tools/LayoutSurface';
import { m } from './messages';
import { type DraftElement, PRESETS, type Preset, SIZES, nextId, preset, renumberSeats } from './presets';

/** One press of a move or size button, in layout units (a 1000-unit room: 2 %). */
const STEP = 20;
const clamp = (v: number, lo: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, v)));
const BACKGROUND = new Set(['rug', 'zone', 'centre']);

export function LayoutEditorPage() {
  const p = usePartnership();
  const t = useT(m);
  const { layoutId } = useParams();
  const list = useQuery({ queryKey: layoutsKey(p.id), queryFn: () => api.get<{ items: ClassroomLayout[] }>(`/api/partnerships/${p.id}/classroom-layouts`), enabled: !!layoutId });
  if (layoutId && list.isPending) return <Loading what={t('loading')} />;
  if (layoutId && list.error) return <ErrorAlert error={list.error} />;
  const existing = layoutId ? list.data?.items.find((l) => l.id === layoutId) : undefined;
  if (layoutId && !existing) return <Alert tone="error">{t('notFound')}</Alert>;
  return <Editor key={existing ? `${existing.id}` : 'new'} existing={existing} />;
}

function Editor({ existing }: { existing?: ClassroomLayout }) {
  const p = usePartnership();
  const t = useT(m);
  const { language } = useLanguage();
  const words = chartWords(language);
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const askedKind = params.get('kind') === 'room_map' ? 'room_map' : 'seating_chart';
  const [kind, setKind] = useState<LayoutKind>(existing?.kind ?? askedKind);
  const [name, setName] = useState(existing?.name ?? '');
  const [elements, setElements] = useState<DraftElement[]>(() => (existing?.elements ?? []).map((e) => ({ ...e, label: e.label ?? '' })));
  const [version, setVersion] = useState(existing?.version ?? 0);
  const [selected, setSelected] = useState<string | null>(null);
  const [adding, setAdding] = useState<LayoutElementType>('seat');
  const [problems, setProblems] = useState<{ name?: string; elements?: string }>({});
  // A layout saved for the first time opens again at its own address; what was said goes with it.
  const location = useLocation();
  const [said, setSaid] = useState(() => (location.state as { said?: string } | null)?.said ?? '');
  const [conflict, setConflict] = useState<ClassroomLayout | null>(null);
  const drag = useRef<{ id: string; x: number; y: number; startX: number; startY: number; moved: boolean } | null>(null);

  const drawn = elements.map((e) => ({ ...e, label: e.label || null }));
  const extent = roomExtent(drawn);
  const chosen = elements.find((e) => e.id === selected);
  const nameOf = (e: DraftElement) => e.label || words.element(e.type);
  const seats = elements.filter((e) => e.type === 'seat').length;

  const change = (id: string, f: (e: DraftElement) => Partial<DraftElement>) =>
    setElements((all) =>
      all.map((e) => {
        if (e.id !== id) return e;
        const next = { ...e, ...f(e) };
        const w = clamp(next.w, 20, 2000);
        const h = clamp(next.h, 20, 2000);
        return { ...next, w, h, x: clamp(next.x, 0, 2000 - w), y: clamp(next.y, 0, 2000 - h) };
      }),
    );
  const move = (dx: number, dy: number) => chosen && change(chosen.id, (e) => ({ x: e.x + dx, y: e.y + dy }));
  const resize = (dw: number, dh: number) => chosen && change(chosen.id, (e) => ({ w: e.w + dw, h: e.h + dh }));

  const start = (which: Preset) => {
    const made = preset(which, [t('centreBlocks'), t('centreLibrary'), t('centreArt'), t('centreSensory'), t('centreDramatic')]);
    setElements(made);
    setSelected(null);
    if (!name.trim()) setName(t(`presetName_${which}`));
    setSaid(t('presetApplied', { seats: made.filter((e) => e.type === 'seat').length }));
  };
  const add = () => {
    const id = nextId(elements, adding);
    const size = SIZES[adding];
    const label = adding === 'seat' ? id : '';
    setElements((all) => [...all, { id, type: adding, label, x: 500 - size.w / 2, y: 500 - size.h / 2, ...size }]);
    setSelected(id);
    setSaid(t('added', { what: label || words.element(adding) }));
  };

  const save = useMutation({
    mutationFn: async (base?: number) => {
      const body = { name: name.trim(), elements: elements.map(({ id, type, label, x, y, w, h }) => ({ id, type, label: label.trim(), x, y, w, h })) };
      if (existing) return api.put<ClassroomLayout>(`/api/classroom-layouts/${existing.id}`, { ...body, baseVersion: base ?? version });
      const subjectId = params.get('subject') ?? undefined;
      return api.post<ClassroomLayout>(`/api/partnerships/${p.id}/classroom-layouts`, { ...body, kind, subjectId });
    },
    onSuccess: (saved) => {
      setVersion(saved.version);
      setConflict(null);
      const words = t('saved', { name: saved.name, version: saved.version });
      setSaid(words);
      client.setQueryData<{ items: ClassroomLayout[] }>(layoutsKey(p.id), (old) => (old ? { items: [...old.items.filter((l) => l.id !== saved.id), saved] } : old));
      void client.invalidateQueries({ queryKey: layoutsKey(p.id) });
      if (!existing) navigate(`/partnerships/${p.id}/observations/layouts/${saved.id}`, { replace: true, state: { said: words } });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409 && existing) {
        const fresh = await api.get<{ items: ClassroomLayout[] }>(`/api/partnerships/${p.id}/classroom-layouts`);
        setConflict(fresh.items.find((l) => l.id === existing.id) ?? null);
      }
    },
  });

  const submit = () => {
    const found: typeof problems = {};
    if (!name.trim()) found.name = t('nameMissing');
    if (kind === 'seating_chart' && seats === 0) found.elements = t('seatsMissing');
    else if (elements.length === 0) found.elements = t('elementsMissing');
    setProblems(found);
    if (found.name || found.elements) {
      setSaid(found.name ?? found.elements ?? '');
      return;
    }
    save.mutate(undefined);
  };

  return (
    <Section title={existing ? t('editTitle', { name: existing.name }) : t('newTitle')} id="layout-editor" className="layout-editor">
      <p className="no-print">
        <Link to={`/partnerships/${p.id}/observations`}>{t('back')}</Link>
      </p>
      <p className="field-hint">{t('intro')}</p>
      {existing ? null : (
        <FieldSet legend={t('kindLegend')}>
          <Radio name="layout-kind" label={t('kind_seating_chart')} checked={kind === 'seating_chart'} onChange={() => setKind('seating_chart')} />
          <Radio name="layout-kind" label={t('kind_room_map')} checked={kind === 'room_map'} onChange={() => setKind('room_map')} />
        </FieldSet>
      )}
      <TextField label={t('nameLabel')} hint={t('nameHint')} required value={name} maxLength={120} onChange={(e) => setName(e.target.value)} error={problems.name} />

      <FieldSet legend={t('presetsLegend')} hint={t('presetsHint')}>
        <div className="tap-grid preset-grid">
          {PRESETS.map((which) => (
            <button key={which} type="button" className="tap-button preset-button" data-preset={which} onClick={() => start(which)}>
              <span className="tap-label">{t(`preset_${which}`)}</span>
            </button>
          ))}
        </div>
      </FieldSet>

      <h3>{t('roomTitle')}</h3>
      <p className="field-hint">{t('roomHint')}</p>
      <p className="layout-counts">{t('counts', { seats, others: elements.length - seats })}</p>
      {problems.elements ? <p className="field-error">{problems.elements}</p> : null}
      <LayoutSurface elements={drawn} bare label={t('roomLabel')} className="editor-surface">
        {/* The room's own drawing is the buttons: each element is one, larger areas first so seats sit on top. */}
        {[...elements]
          .sort((a, b) => Number(BACKGROUND.has(b.type)) - Number(BACKGROUND.has(a.type)))
          .map((e) => (
            <button
              key={e.id}
              type="button"
              className={`editor-element editor-${e.type}`}
              data-element={e.id}
              aria-pressed={selected === e.id}
              aria-label={t('elementButton', { name: nameOf(e), kind: words.element(e.type) })}
              style={boxOf(e, extent)}
              onClick={() => {
                if (drag.current?.moved) return;
                setSelected(e.id);
              }}
              onKeyDown={(k) => {
                const d = { ArrowLeft: [-STEP, 0], ArrowRight: [STEP, 0], ArrowUp: [0, -STEP], ArrowDown: [0, STEP] }[k.key];
                if (!d || selected !== e.id) return;
                k.preventDefault();
                change(e.id, (el) => ({ x: el.x + d[0], y: el.y + d[1] }));
              }}
              onPointerDown={(p) => {
                if (selected !== e.id) return;
                p.currentTarget.setPointerCapture(p.pointerId);
                drag.current = { id: e.id, x: e.x, y: e.y, startX: p.clientX, startY: p.clientY, moved: false };
              }}
              onPointerMove={(p) => {
                const d = drag.current;
                if (!d || d.id !== e.id) return;
                const box = p.currentTarget.parentElement!.getBoundingClientRect();
                const dx = ((p.clientX - d.startX) / box.width) * extent.x;
                const dy = ((p.clientY - d.startY) / box.height) * extent.y;
                if (Math.abs(dx) + Math.abs(dy) > 5) d.moved = true;
                if (d.moved) change(e.id, () => ({ x: d.x + dx, y: d.y + dy }));
              }}
              onPointerUp={() => {
                setTimeout(() => {
                  drag.current = null;
                });
              }}
            >
              <span className="editor-label">{e.type === 'seat' ? e.label || e.id : nameOf(e)}</span>
            </button>
          ))}
      </LayoutSurface>

      {chosen ? (
        <section className="editor-chosen" aria-labelledby="editor-chosen-title">
          <h3 id="editor-chosen-title">{t('chosenTitle', { name: nameOf(chosen) })}</h3>
          <TextField label={t('labelLabel')} hint={chosen.type === 'seat' ? t('seatLabelHint') : t('labelHint')} value={chosen.label} maxLength={60} onChange={(ev) => change(chosen.id, () => ({ label: ev.target.value }))} />
          <div className="editor-pad" role="group" aria-label={t('moveGroup')}>
            <Button variant="secondary" onClick={() => move(0, -STEP)}>{t('moveUp')}</Button>
            <Button variant="secondary" onClick={() => move(-STEP, 0)}>{t('moveLeft')}</Button>
            <Button variant="secondary" onClick={() => move(STEP, 0)}>{t('moveRight')}</Button>
            <Button variant="secondary" onClick={() => move(0, STEP)}>{t('moveDown')}</Button>
          </div>
          <div className="editor-pad" role="group" aria-label={t('sizeGroup')}>
            <Button variant="secondary" onClick={() => resize(STEP, 0)}>{t('wider')}</Button>
            <Button variant="secondary" onClick={() => resize(-STEP, 0)}>{t('narrower')}</Button>
            <Button variant="secondary" onClick={() => resize(0, STEP)}>{t('taller')}</Button>
            <Button variant="secondary" onClick={() => resize(0, -STEP)}>{t('shorter')}</Button>
          </div>
          <p>
            <Button
              variant="secondary"
              onClick={() => {
                setElements((all) => all.filter((e) => e.id !== chosen.id));
                setSelected(null);
                setSaid(t('removed', { name: nameOf(chosen) }));
              }}
            >
              {t('remove')}
            </Button>
          </p>
        </section>
      ) : null}

      <div className="editor-add">
        <SelectField label={t('addLabel')} value={adding} onChange={(e) => setAdding(e.target.value as LayoutElementType)}>
          {LAYOUT_ELEMENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {words.element(type)}
            </option>
          ))}
        </SelectField>
        <Button variant="secondary" onClick={add}>
          {t('add')}
        </Button>
        <Button variant="secondary" disabled={seats === 0} onClick={() => (setElements(renumberSeats(elements)), setSaid(t('renumbered')))}>
          {t('renumber')}
        </Button>
      </div>

      {conflict ? (
        <ConflictAlert
          message={t('conflict', { version: conflict.version })}
          onReload={() => {
            setElements(conflict.elements.map((e) => ({ ...e, label: e.label ?? '' })));
            setName(conflict.name);
            setVersion(conflict.version);
            setConflict(null);
            setSelected(null);
          }}
        />
      ) : null}
      {conflict ? (
        <p>
          <Button variant="secondary" onClick={() => save.mutate(conflict.version)}>
            {t('saveMineOver')}
          </Button>
        </p>
      ) : null}
      {save.error && !(save.error instanceof ApiError && save.error.status === 409) ? <ErrorAlert error={save.error} /> : null}
      <p>
        <Button busy={save.isPending} onClick={submit}>
          {t('save')}
        </Button>
      </p>
      <p className="recording-said" role="status">
        {said}
      </p>
    </Section>
  );
}
