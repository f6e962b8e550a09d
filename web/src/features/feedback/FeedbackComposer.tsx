import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import type { FeedbackBlock } from '../../../../shared/src/api';
import { type LanguageFlag, type LanguageRuleSet, checkLanguage, compileLanguageRules } from '../../../../shared/src/language-check';
import { quoteLines } from '../../../../shared/src/observations/quotes';
import { type Feedback, api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/focus';
import { GoalStepSelect, linkBody, linkOf } from '../goals/GoalStepSelect';
import { ArtifactList } from '../artifacts/ArtifactList';
import { toolName } from '../observations/review/recordWords';
import { clockText } from '../observations/tools/useRecording';
import { FeedbackBlocks, type FeedbackTarget, feedbackUrl } from './FeedbackSection';
import { ListeningMoves } from './ListeningMoves';
import { m } from './messages';

/** A block being written, with a key that survives inserting and removing parts around it. */
type Part = FeedbackBlock & { key: number };

const STARTERS = ['starter_saw', 'starter_heard', 'starter_data', 'starter_noticed', 'starter_learned', 'starter_wonder'] as const;

/**
 * Writing feedback on one observation: the agreed focus on top, then parts — the writer's words
 * and evidence inserted from the data (a tool's graphic, a line of its table) — with sentence
 * starters and the descriptive-language check under each part of words as it is typed. The check
 * runs in the browser with the same code and rules as the server (GET /api/language-check/rules)
 * and never stops a save or a send: the writer decides.
 */
export function FeedbackComposer({
  target,
  focus,
  draft,
  subjectFirst,
  onDone,
  onCancel,
}: {
  target: FeedbackTarget;
  focus: string | null;
  draft: Feedback | null;
  subjectFirst: string;
  onDone: (message: string, saved: Feedback | null) => void;
  onCancel: () => void;
}) {
  const t = useT(m);
  const { language } = useLanguage();
  const views = target.views;
  const nextKey = useRef(0);
  const keyed = (b: FeedbackBlock): Part => ({ ...b, key: nextKey.current++ });
  const [parts, setParts] = useState<Part[]>(() => (draft ? draft.blocks.map(keyed) : [keyed({ kind: 'text', text: '' })]));
  const [current, setCurrent] = useState(0);
  const [lineChoice, setLineChoice] = useState('');
  const [momentChoice, setMomentChoice] = useState('');
  const [filesOpen, setFilesOpen] = useState(false);
  const [empty, setEmpty] = useState(0);
  /** "goal:<id>" or "step:<id>": what the feedback carries over to, chosen in one control. */
  const [link, setLink] = useState(() => linkOf(draft));
  const ref = useRef<HTMLDivElement>(null);

  const rules = useQuery({
    queryKey: ['language-check-rules', language],
    queryFn: () => api.get<{ sets: LanguageRuleSet[] }>(`/api/language-check/rules?language=${language}`),
    staleTime: Infinity,
  });
  const compiled = useMemo(() => (rules.data ? compileLanguageRules(rules.data.sets) : null), [rules.data]);

  const blocks = (): FeedbackBlock[] =>
    parts
      .map(({ key: _key, ...b }) => b as FeedbackBlock)
      .filter((b) => b.kind !== 'text' || b.text.trim());
  const save = useMutation({
    mutationFn: async (send: boolean) => {
      const body = { blocks: blocks(), language, ...linkBody(link) };
      let saved = draft
        ? await api.put<Feedback>(`/api/feedback/${encodeURIComponent(draft.id)}`, { ...body, baseVersion: draft.version })
        : await api.post<Feedback>(feedbackUrl(target), body);
      if (send) saved = await api.post<Feedback>(`/api/feedback/${encodeURIComponent(saved.id)}/sending`, { baseVersion: saved.version });
      return saved;
    },
    onSuccess: (saved) => onDone(saved.status === 'sent' ? t('sent', { name: subjectFirst }) : t('saved'), saved),
  });
  useFocusFirstError(ref, save.error, empty);

  const submit = (send: boolean) => {
    if (blocks().length === 0) {
      setEmpty((n) => n + 1);
      return;
    }
    save.mutate(send);
  };
  const setText = (index: number, text: string) => setParts((ps) => ps.map((p, i) => (i === index && p.kind === 'text' ? { ...p, text } : p)));
  /** Adds after the part being written, followed by a new part of words when evidence lands at the end. */
  const insert = (block: FeedbackBlock) =>
    setParts((ps) => {
      const at = Math.min(current + 1, ps.length);
      const next = [...ps.slice(0, at), keyed(block), ...ps.slice(at)];
      if (block.kind !== 'text' && at === ps.length) next.push(keyed({ kind: 'text', text: '' }));
      return next;
    });
  const addStarter = (starter: string) =>
    setParts((ps) => {
      const index = ps[current]?.kind === 'text' ? current : ps.findLastIndex((p) => p.kind === 'text');
      if (index < 0) return [...ps, keyed({ kind: 'text', text: starter })];
      return ps.map((p, i) => (i === index && p.kind === 'text' ? { ...p, text: p.text.trim() ? `${p.text.trimEnd()}\n\n${starter} ` : `${starter} ` } : p));
    });
  const remove = (index: number) => setParts((ps) => (ps.length > 1 ? ps.filter((_, i) => i !== index) : [keyed({ kind: 'text', text: '' })]));
  const lines = views.flatMap((view) => quoteLines(view, language).map((line) => ({ ...line, tool: view.tool })));

  let textNo = 0;
  return (
    <div ref={ref} className="card feedback-composer" role="group" aria-labelledby="feedback-composer-title">
      <h4 id="feedback-composer-title" tabIndex={-1}>
        {t(target.kind === 'clip' ? 'composerTitleClip' : 'composerTitle')}
      </h4>
      <div className="feedback-focus">
        {focus?.trim() ? (
          <>
            <p className="meta">{t('focusFrame')}</p>
            <p className="feedback-focus-text">{focus}</p>
          </>
        ) : (
          <p className="meta">{t('noFocus')}</p>
        )}
      </div>

      <div className="feedback-starters" role="group" aria-label={t('starters')}>
        <p className="meta" aria-hidden="true">
          {t('starters')}
        </p>
        <div className="chip-row">
          {STARTERS.map((key) => (
            <button key={key} type="button" className="chip" onClick={() => addStarter(t(key))}>
              {t(key)}
            </button>
          ))}
        </div>
      </div>

      <ListeningMoves />

      <ol className="plain-list feedback-parts">
        {parts.map((part, i) => {
          if (part.kind === 'text') {
            textNo += 1;
            const flags = compiled ? checkLanguage(part.text, language, compiled) : [];
            const id = `feedback-part-${part.key}`;
            return (
              <li key={part.key} className="feedback-part">
                <TextArea
                  id={id}
                  label={t('partLabel', { n: textNo })}
                  hint={textNo === 1 ? t('partHint') : undefined}
                  rows={4}
                  maxLength={20_000}
                  value={part.text}
                  onFocus={() => setCurrent(i)}
                  onChange={(e) => setText(i, e.target.value)}
                />
                {part.text.trim() ? <LanguageFlags flags={flags} ready={!!compiled} fieldId={id} /> : null}
                {parts.length > 1 ? (
                  <Button variant="secondary" className="feedback-remove" onClick={() => remove(i)}>
                    {t('remove')}
                    <span className="visually-hidden"> {t('removeHidden', { n: i + 1 })}</span>
                  </Button>
                ) : null}
              </li>
            );
          }
          return (
            <li key={part.key} className="feedback-part feedback-evidence">
              <FeedbackBlocks blocks={[part]} views={views} partnershipId={target.partnershipId} />
              <Button variant="secondary" className="feedback-remove" onClick={() => remove(i)}>
                {t('remove')}
                <span className="visually-hidden"> {t('removeHidden', { n: i + 1 })}</span>
              </Button>
            </li>
          );
        })}
      </ol>

      <fieldset className="feedback-insert">
        <legend>{t('insert')}</legend>
        {target.kind === 'clip' ? (
          <div className="feedback-moment-pick">
            <div className="chip-row">
              <button type="button" className="chip" onClick={() => insert({ kind: 'moment', artifactId: target.id, atMs: target.position })}>
                {t('insertMomentNow', { time: clockText(target.position) })}
              </button>
            </div>
            {target.moments.length ? (
              <div className="feedback-line-pick">
                <SelectField label={t('chooseMoment')} value={momentChoice} onChange={(e) => setMomentChoice(e.target.value)}>
                  <option value="">{t('chooseMomentPlaceholder')}</option>
                  {target.moments.map((x) => (
                    <option key={x.commentId} value={x.commentId}>
                      {clockText(x.atMs)} · {x.text.slice(0, 80)}
                    </option>
                  ))}
                </SelectField>
                <Button
                  variant="secondary"
                  disabled={!momentChoice}
                  onClick={() => {
                    const x = target.moments.find((y) => y.commentId === momentChoice);
                    if (!x) return;
                    insert({ kind: 'moment', artifactId: target.id, atMs: x.atMs, commentId: x.commentId, text: x.text });
                    setMomentChoice('');
                  }}
                >
                  {t('insertIt')}
                </Button>
              </div>
            ) : null}
          </div>
        ) : null}
        <div className="chip-row">
          {views.map((view) => (
            <button key={view.tool} type="button" className="chip" onClick={() => insert({ kind: 'graphic', tool: view.tool })}>
              {t('insertGraphic', { tool: toolName(language, view.tool) })}
            </button>
          ))}
        </div>
        {lines.length ? (
          <div className="feedback-line-pick">
            <SelectField label={t('chooseLine')} value={lineChoice} onChange={(e) => setLineChoice(e.target.value)}>
              <option value="">{t('chooseLinePlaceholder')}</option>
              {views.map((view) => (
                <optgroup key={view.tool} label={toolName(language, view.tool)}>
                  {lines
                    .filter((l) => l.tool === view.tool)
                    .map((l) => (
                      <option key={l.id} value={l.id}>
                        {l.text}
                      </option>
                    ))}
                </optgroup>
              ))}
            </SelectField>
            <Button
              variant="secondary"
              disabled={!lineChoice}
              onClick={() => {
                const line = lines.find((l) => l.id === lineChoice);
                if (!line) return;
                insert({ kind: 'data', tool: line.tool, lineId: line.id, text: line.text });
                setLineChoice('');
              }}
            >
              {t('insertIt')}
            </Button>
          </div>
        ) : views.length ? (
          <p className="field-hint">{views.map((v) => t('noLines', { tool: toolName(language, v.tool) })).join(' ')}</p>
        ) : null}
        {/* The list is fetched (and each file's read logged) only once the writer opens it. */}
        <details className="feedback-file-pick" onToggle={(e) => setFilesOpen((e.currentTarget as HTMLDetailsElement).open)}>
          <summary>{t('insertFile')}</summary>
          {filesOpen ? <ArtifactList partnershipId={target.partnershipId} canAdd={false} onPick={(a) => insert({ kind: 'artifact', artifactId: a.id })} /> : null}
        </details>
      </fieldset>

      <GoalStepSelect partnershipId={target.partnershipId} subjectId={target.subjectId} value={link} onChange={setLink} hint={t('carryOverHint')} />

      {empty > 0 && blocks().length === 0 ? (
        <div role="alert" data-error-summary tabIndex={-1}>
          <Alert tone="error">{t('emptyWarning')}</Alert>
        </div>
      ) : null}
      <ErrorAlert error={save.error} />
      <p className="field-hint">{t('sendHint', { name: subjectFirst })}</p>
      <div className="button-row">
        <Button variant="secondary" busy={save.isPending && save.variables === false} onClick={() => submit(false)}>
          {t('saveDraft')}
        </Button>
        {target.ended ? (
          <Button busy={save.isPending && save.variables === true} onClick={() => submit(true)}>
            {t('send', { name: subjectFirst })}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </div>
  );
}

/** The language check's answer for one part: each flagged phrase, why, and a descriptive way to say it; never a block on saving. */
function LanguageFlags({ flags, ready, fieldId }: { flags: LanguageFlag[]; ready: boolean; fieldId: string }) {
  const t = useT(m);
  if (!ready) return null;
  return (
    <div className="language-flags" aria-live="polite" id={`${fieldId}-check`}>
      <p className="meta">
        {t('checkTitle')}: {flags.length ? t('checkCount', { count: flags.length }) : t('checkClear')}
      </p>
      {flags.length ? (
        <ul className="plain-list">
          {flags.map((f) => (
            <li key={`${f.start}-${f.ruleId}`} className={`language-flag flag-${f.kind}`}>
              <strong>{t(`kind_${f.kind}`)}</strong> {t('flagged', { text: f.text })} — {f.explanation} <span className="language-rewrite">{t('tryInstead', { rewrite: f.rewrite })}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
