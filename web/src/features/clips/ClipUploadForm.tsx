import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { type Goal, type ObservationSummary, type PartnershipDetail, api } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { focusSoon, useFocusFirstError } from '../../ui/focus';
import { formatDate } from '../../ui/format';
import { type Artifact, type ArtifactFilter, sizeText } from '../artifacts/artifactWords';
import { m as evidenceWords } from '../artifacts/messages';
import { GOAL_ORDER, goalsKey, subjectsOf } from '../goals/goalWords';
import { recordsKey } from '../observations/review/recordWords';
import { SubjectOptions } from '../partnerships/SubjectOptions';
import { useSignedIn } from '../session/session';
import { m } from './messages';
import { CLIP_LOAD_FAILED, useClipUpload } from './useClipUpload';
import './clipUpload.css';

/** What the file input offers: clips from the library; the server reads the bytes and decides. */
export const ACCEPT_CLIP = 'video/*,audio/*';
/** The second input's: a video straight from the back camera on a phone or tablet. */
export const ACCEPT_RECORD = 'video/*';

type FieldName = 'file' | 'note' | 'attach' | 'subjectId';

/** Answers about the clip itself (too large, the quota, not a clip, damaged, nothing in it): shown next to the file field. */
const FILE_CODES = ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'UNPROCESSABLE'];

/** "goal:<id>" or "observation:<id>" in the attach-to choice; "" for nothing in particular. */
function parseTarget(value: string): ArtifactFilter {
  const [kind, id] = value.split(':');
  return kind === 'goal' ? { goalId: id } : kind === 'observation' ? { observationId: id } : {};
}

export interface ClipUploadFormProps {
  p: PartnershipDetail;
  /** Already attached (the observation or goal the list belongs to): the form does not ask. */
  attach: ArtifactFilter;
  onSaved: (saved: Artifact) => void;
  onCancel: () => void;
  /** The element id of the first field, so the caller can move focus there when the form opens. */
  firstFieldId: string;
}

/**
 * "Add a video or audio clip": a clip from the device or recorded with its camera, a note, and
 * optionally what it belongs to, sent in chunks that survive a poor connection (useClipUpload).
 * While it goes: how much has been sent, Pause, Resume and Cancel; choosing the same file again
 * after a reload continues where it stopped, and says so. A refusal (not a clip, too large, the
 * quota, a damaged file) is the server's own words next to the file field, with focus there;
 * nothing typed is lost. Once saved, the caller opens the clip's page.
 */
export function ClipUploadForm({ p, attach, onSaved, onCancel, firstFieldId }: ClipUploadFormProps) {
  const t = useT(m);
  const ev = useT(evidenceWords);
  const me = useSignedIn();
  const { language } = useLanguage();
  const formId = useId().replace(/:/g, '');
  const fixed = !!(attach.observationId || attach.goalId);
  const subjects = subjectsOf(p);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [target, setTarget] = useState('');
  const [subjectId, setSubjectId] = useState(() => (subjects.some((s) => s.personId === me.personId) ? me.personId : (subjects[0]?.personId ?? '')));
  const [missing, setMissing] = useState(false);
  const [refused, setRefused] = useState(0);
  const noteNow = useRef(note);
  noteNow.current = note;
  const cameraId = `${formId}-camera`;
  const pauseId = `${formId}-pause`;
  const resumeId = `${formId}-resume`;
  const submitId = `${formId}-submit`;
  const input = (id: string) => document.getElementById(id) as HTMLInputElement | null;
  const { state, start, pause, resume, cancel, reset } = useClipUpload({ personId: me.personId, currentNote: () => noteNow.current, onSaved });
  /** An upload exists (on its way, paused or waiting for the network): its file and place are fixed until it ends or is cancelled. */
  const underway = state.phase === 'sending' || state.phase === 'paused' || state.phase === 'offline';
  /** Every byte is with the server, which is reading the clip: nothing left to pause or cancel. */
  const reading = state.phase === 'sending' && state.sent >= 1;

  const goals = useQuery({ queryKey: goalsKey(p.id), queryFn: () => api.get<{ items: Goal[] }>(`/api/partnerships/${p.id}/goals`), enabled: !fixed });
  const records = useQuery({ queryKey: recordsKey(p.id), queryFn: () => api.get<{ items: ObservationSummary[] }>(`/api/partnerships/${p.id}/observations`), enabled: !fixed });
  const goalChoices = [...(goals.data?.items ?? [])].filter((g) => g.status !== 'set_aside' || `goal:${g.id}` === target).sort((a, b) => GOAL_ORDER[a.status] - GOAL_ORDER[b.status]);
  const observationChoices = [...(records.data?.items ?? [])].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  const chosen = fixed ? attach : parseTarget(target);
  const askWhose = !fixed && !chosen.goalId && !chosen.observationId && subjects.length > 1;

  const err = state.phase === 'failed' ? state.error : null;
  const serverField = (name: FieldName): string | undefined => {
    if (!err || err.status === 0) return undefined;
    if (name === 'file') {
      const own = err.fieldMessage('filename') ?? (err.details.length === 0 && FILE_CODES.includes(err.code) ? err.message || t('refusedFallback') : undefined);
      return own;
    }
    if (name === 'attach') return fixed ? undefined : (err.fieldMessage('goalId') ?? err.fieldMessage('observationId'));
    return err.fieldMessage(name);
  };
  const fieldError = (name: FieldName) => (name === 'file' && missing ? t('fileMissing') : serverField(name));
  const shown: readonly FieldName[] = ['file', 'note', ...(fixed ? [] : (['attach'] as const)), ...(askWhose ? (['subjectId'] as const) : [])];
  const general = err && !shown.some((f) => serverField(f)) ? err : null;

  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, err, refused);

  /** A file chosen in either input; the other is emptied so only one file is ever in play. */
  const pick = (el: HTMLInputElement, other: HTMLInputElement | null) => {
    const next = el.files?.[0] ?? null;
    if (next && other) other.value = '';
    setFile(next);
    setMissing(false);
    reset();
  };

  const generalText = (e: NonNullable<typeof general>) => {
    if (e.code === CLIP_LOAD_FAILED) return t('loadFailed');
    return e.message ? `${e.message} ${t('failedKept')}` : t('somethingWrong');
  };

  return (
    <form
      ref={formRef}
      className="form clip-upload-form card"
      noValidate
      aria-labelledby={`${formId}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        if (underway || state.phase === 'saved') return;
        if (!file) {
          setMissing(true);
          setRefused((n) => n + 1);
          return;
        }
        setMissing(false);
        void start({ partnershipId: p.id, file, note: note.trim(), ...chosen, subjectId: askWhose ? subjectId || undefined : undefined });
      }}
    >
      <h3 id={`${formId}-heading`}>{t('uploadHeading')}</h3>
      {fixed ? <p className="field-hint">{attach.observationId ? ev('attachedToObservation') : ev('attachedToGoal')}</p> : null}
      <TextField
        id={firstFieldId}
        className="file-field"
        type="file"
        accept={ACCEPT_CLIP}
        label={t('fileLabel')}
        hint={underway ? t('fileLocked') : t('fileHint')}
        error={fieldError('file')}
        disabled={underway}
        onChange={(e) => pick(e.currentTarget, input(cameraId))}
      />
      <TextField
        id={cameraId}
        className="file-field"
        type="file"
        accept={ACCEPT_RECORD}
        capture="environment"
        label={t('recordLabel')}
        hint={t('recordHint')}
        disabled={underway}
        onChange={(e) => pick(e.currentTarget, input(firstFieldId))}
      />
      <p className="artifact-chosen" aria-live="polite">
        {file ? t('chosen', { name: file.name, size: sizeText(file.size, language) }) : null}
      </p>
      <TextArea
        id={`${formId}-note`}
        label={t('noteLabel')}
        hint={t('noteHint')}
        rows={3}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={fieldError('note')}
      />
      {fixed ? null : (
        <SelectField
          id={`${formId}-attach`}
          label={ev('attachLabel')}
          value={target}
          disabled={underway}
          onChange={(e) => setTarget(e.target.value)}
          error={fieldError('attach')}
          hint={goals.isError || records.isError ? ev('attachListsFailed') : undefined}
        >
          <option value="">{ev('attachNothing')}</option>
          {goalChoices.length ? (
            <optgroup label={ev('attachGoals')}>
              {goalChoices.map((g) => (
                <option key={g.id} value={`goal:${g.id}`}>
                  {g.title}
                </option>
              ))}
            </optgroup>
          ) : null}
          {observationChoices.length ? (
            <optgroup label={ev('attachObservations')}>
              {observationChoices.map((o) => (
                <option key={o.id} value={`observation:${o.id}`}>
                  {ev('observationOption', { title: o.focus.trim() || ev('untitledObservation'), date: formatDate(o.startedAt, language) })}
                </option>
              ))}
            </optgroup>
          ) : null}
        </SelectField>
      )}
      {askWhose ? (
        <SelectField id={`${formId}-subjectId`} label={ev('whose')} value={subjectId} disabled={underway} onChange={(e) => setSubjectId(e.target.value)} error={fieldError('subjectId')}>
          <SubjectOptions subjects={subjects} meId={me.personId} />
        </SelectField>
      ) : null}

      {underway || state.phase === 'saved' ? (
        <div className="upload-progress">
          <p>{reading || state.phase === 'saved' ? t('reading') : state.phase === 'paused' ? t('pausedAt', { sent: state.sent }) : t('sending', { sent: state.sent })}</p>
          <progress max={1} value={state.sent} aria-label={t('progressLabel')} />
        </div>
      ) : null}
      {/* What changes while it goes, said once: continuing, paused, a dropped connection. */}
      <div className="clip-upload-status" role="status">
        {state.continuingFrom !== null && state.phase === 'sending' ? <p>{t('continuing', { from: state.continuingFrom })}</p> : null}
        {state.reconnecting && state.phase === 'sending' ? <p>{t('reconnecting')}</p> : null}
        {state.phase === 'paused' ? <p>{t('paused')}</p> : null}
        {state.phase === 'offline' ? <p>{t('offline', { sent: state.sent })}</p> : null}
        {state.cancelled ? <p>{t('cancelled')}</p> : null}
      </div>
      {general ? <Alert tone="error">{generalText(general)}</Alert> : null}

      <div className="button-row">
        {underway ? (
          <>
            {state.phase === 'sending' ? (
              <Button
                id={pauseId}
                variant="secondary"
                disabled={reading}
                onClick={() => {
                  pause();
                  focusSoon(resumeId);
                }}
              >
                {t('pause')}
              </Button>
            ) : (
              <Button
                id={resumeId}
                onClick={() => {
                  resume();
                  focusSoon(pauseId);
                }}
              >
                {t('resume')}
              </Button>
            )}
            <Button
              variant="secondary"
              disabled={reading}
              onClick={() => {
                void cancel();
                focusSoon(submitId);
              }}
            >
              {t('cancelUpload')}
            </Button>
          </>
        ) : (
          <>
            <Button id={submitId} type="submit" busy={state.phase === 'saved'}>
              {t('upload')}
            </Button>
            <Button variant="secondary" onClick={onCancel}>
              {t('cancel')}
            </Button>
          </>
        )}
      </div>
    </form>
  );
}
