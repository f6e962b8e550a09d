import { useId, useRef, useState } from 'react';
import type { PartnershipDetail } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextArea, TextField } from '../../ui/Field';
import { focusSoon, useFocusFirstError } from '../../ui/focus';
import { type Artifact, type ArtifactFilter, sizeText } from '../artifacts/artifactWords';
import { m as evidenceWords } from '../artifacts/messages';
import { useSignedIn } from '../session/session';
import { m } from './messages';
import { CLIP_LOAD_FAILED, useClipUpload } from './useClipUpload';
import './clipUpload.css';
import { AttachFields, useAttachChoice } from '../artifacts/AttachFields';

/** What the file input offers: clips from the library; the server reads the bytes and decides. */
export const ACCEPT_CLIP = 'video/*,audio/*';
/** The second input's: a video straight from the back camera on a phone or tablet. */
export const ACCEPT_RECORD = 'video/*';

type FieldName = 'file' | 'note' | 'attach' | 'subjectId';

/** Answers about the clip itself (too large, the quota, not a clip, damaged, nothing in it): shown next to the file field. */
const FILE_CODES = ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'UNPROCESSABLE'];

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
  const choice = useAttachChoice(p, attach);
  const { fixed, chosen } = choice;
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
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

  const err = state.phase === 'failed' ? state.error : null;
  const serverField = (name: FieldName): string | undefined => {
    if (!err || err.status === 0) return undefined;
    if (name === 'file') {
      const own = err.fieldMessage('filename') ?? (err.details.length === 0 && FILE_CODES.includes(err.code) ? err.message || t('refusedFallback') : undefined);
      return own;
    }
    if (name === 'attach') return choice.attachError(err);
    return err.fieldMessage(name);
  };
  const fieldError = (name: FieldName) => (name === 'file' && missing ? t('fileMissing') : serverField(name));
  const shown: readonly FieldName[] = ['file', 'note', ...choice.shown];
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
        void start({ partnershipId: p.id, file, note: note.trim(), ...chosen, subjectId: choice.whose });
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
      <AttachFields choice={choice} formId={formId} error={fieldError} disabled={underway} />

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
