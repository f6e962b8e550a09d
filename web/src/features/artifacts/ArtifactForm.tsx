import { useId, useRef, useState } from 'react';
import { ApiError, type PartnershipDetail } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextArea, TextField } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/focus';
import { ACCEPT, ACCEPT_CAMERA, type Artifact, type ArtifactFilter, sizeText } from './artifactWords';
import { m } from './messages';
import { UPLOAD_NETWORK, UPLOAD_STOPPED, useUpload } from './useArtifacts';
import { AttachFields, useAttachChoice } from './AttachFields';

/** The fields in the order they are shown, so focus goes to the first one with a problem. */
const FIELDS = ['file', 'note', 'attach', 'subjectId'] as const;
type FieldName = (typeof FIELDS)[number];

/** Answers about the file itself (too large, not a type Tandem keeps, a damaged picture): shown next to the file field. */
const FILE_CODES = ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'UNPROCESSABLE', 'RANGE_NOT_SATISFIABLE'];

export interface ArtifactFormProps {
  p: PartnershipDetail;
  /** Already attached (the observation or goal the list belongs to): the form does not ask. */
  attach: ArtifactFilter;
  onSaved: (saved: Artifact) => void;
  onCancel: () => void;
  /** The element id of the first field, so the caller can move focus there when the form opens. */
  firstFieldId: string;
}

/**
 * "Add evidence": a file (on a phone: a photo from the library or, with the second input, the
 * camera), a note, and optionally what it belongs to. While it goes, how much has been sent
 * and a way to stop; if the server refuses it, its message sits next to the field it is about
 * and focus goes there. Nothing typed is lost when an upload fails.
 */
export function ArtifactForm({ p, attach, onSaved, onCancel, firstFieldId }: ArtifactFormProps) {
  const t = useT(m);
  const { language } = useLanguage();
  const formId = useId();
  const choice = useAttachChoice(p, attach);
  const { fixed, chosen } = choice;
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<Partial<Record<FieldName, string>>>({});
  const [refused, setRefused] = useState(0);
  const cameraId = `${formId}-camera`;
  /** The two file inputs, found by id (the field components keep their <input> to themselves). */
  const input = (id: string) => document.getElementById(id) as HTMLInputElement | null;
  const { mutation: upload, progress, stop } = useUpload(p.id);

  const err = upload.error instanceof ApiError ? upload.error : null;
  const serverField = (name: FieldName): string | undefined => {
    if (!err) return undefined;
    if (name === 'file') return err.fieldMessage('file') ?? (err.details.length === 0 && FILE_CODES.includes(err.code) ? err.message : undefined);
    if (name === 'attach') return choice.attachError(err);
    return err.fieldMessage(name);
  };
  const fieldError = (name: FieldName) => missing[name] ?? serverField(name);
  /** The fields on screen: a problem with one that is not (who it is about, when the form does not ask) goes in the message. */
  const shown: readonly FieldName[] = ['file', 'note', ...choice.shown];
  const shownOnAField = shown.some((f) => serverField(f));
  const general = err && !shownOnAField ? err : null;

  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, upload.error, refused);

  const clear = (name: FieldName) => setMissing((was) => (was[name] ? { ...was, [name]: undefined } : was));
  /** A file chosen in either input; the other input is emptied so only one file is ever in play. */
  const pick = (input: HTMLInputElement, other: HTMLInputElement | null) => {
    const next = input.files?.[0] ?? null;
    if (next && other) other.value = '';
    setFile(next);
    clear('file');
    if (upload.isError) upload.reset();
  };

  return (
    <form
      ref={formRef}
      className="form artifact-form card"
      noValidate
      aria-labelledby={`${formId}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        if (upload.isPending) return;
        if (!file) {
          setMissing({ file: t('fileMissing') });
          upload.reset();
          setRefused((n) => n + 1);
          return;
        }
        setMissing({});
        upload.mutate(
          { file, note: note.trim(), ...chosen, subjectId: choice.whose },
          {
            onSuccess: (saved) => {
              setFile(null);
              setNote('');
              choice.setTarget('');
              for (const id of [firstFieldId, cameraId]) {
                const el = input(id);
                if (el) el.value = '';
              }
              onSaved(saved);
            },
          },
        );
      }}
    >
      <h3 id={`${formId}-heading`}>{t('formHeading')}</h3>
      {fixed ? <p className="field-hint">{attach.observationId ? t('attachedToObservation') : t('attachedToGoal')}</p> : null}
      <TextField
        id={firstFieldId}
        className="file-field"
        type="file"
        accept={ACCEPT}
        label={t('fileLabelChoose')}
        hint={t('fileHint')}
        error={fieldError('file')}
        onChange={(e) => pick(e.currentTarget, input(cameraId))}
      />
      <TextField
        id={cameraId}
        className="file-field"
        type="file"
        accept={ACCEPT_CAMERA}
        capture="environment"
        label={t('cameraLabel')}
        hint={t('cameraHint')}
        onChange={(e) => pick(e.currentTarget, input(firstFieldId))}
      />
      <p className="artifact-chosen" aria-live="polite">
        {file ? t('chosen', { name: file.name, size: sizeText(file.size, language) }) : null}
      </p>
      <TextArea
        id={`${formId}-note`}
        label={t('noteAddLabel')}
        hint={t('noteAddHint')}
        rows={3}
        maxLength={2000}
        value={note}
        onChange={(e) => {
          setNote(e.target.value);
          clear('note');
        }}
        error={fieldError('note')}
      />
      <AttachFields choice={choice} formId={formId} error={fieldError} />

      {upload.isPending ? (
        <div className="upload-progress">
          <p id={`${formId}-progress`}>{t('sending', { sent: progress ?? 0 })}</p>
          <progress max={1} value={progress ?? 0} aria-label={t('sendingLabel')} />
        </div>
      ) : null}
      {general ? (
        general.code === UPLOAD_STOPPED ? (
          <div data-error-summary tabIndex={-1}>
            <Alert tone="warning">{t('stopped')}</Alert>
          </div>
        ) : (
          <Alert tone="error">{general.code === UPLOAD_NETWORK ? t('network') : general.message ? `${general.message} ${t('failedKept')}` : t('somethingWrong')}</Alert>
        )
      ) : null}
      <div className="button-row">
        <Button type="submit" busy={upload.isPending}>
          {t('send')}
        </Button>
        {upload.isPending ? (
          <Button variant="secondary" onClick={stop}>
            {t('stop')}
          </Button>
        ) : (
          <Button variant="secondary" onClick={onCancel}>
            {t('cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
