import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, type PartnershipDetail } from '../../api';
import { useLanguage, useT } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextArea } from '../../ui/Field';
import { focusSaved, focusSoon, useFocusFirstError } from '../../ui/focus';
import { firstWords, formatDate } from '../../ui/format';
import { WhoHasSeenLink } from '../access-log/WhoHasSeenLink';
import { useSignedIn } from '../session/session';
import { ShareForm } from '../sharing/ShareForm';
import { type Artifact, type ArtifactKind, artifactHref, fileUrl, kindOf, shownUrl, sizeText, thumbnailUrl } from './artifactWords';
import { m } from './messages';
import { useRemoveArtifact, useUpdateNote } from './useArtifacts';

/** What an artifact is attached to, in words the list already has (a goal's title, an observation's focus). */
export interface Attachment {
  kind: 'goal' | 'observation';
  title: string;
}

export interface ArtifactCardProps {
  a: Artifact;
  /** The partnership, when loaded: its members are left out of the people one can share with. */
  p?: PartnershipDetail;
  /** The element id of the card, where focus goes after it is saved. */
  domId: string;
  /** Seen on its own page: the picture large (or the document's download), without a link to itself. */
  large?: boolean;
  attachment?: Attachment;
  /** When given, an "Insert" button hands the artifact to the caller (the feedback composer). */
  onPick?: (a: Artifact) => void;
  /** After it was removed: the caller says so and moves focus. */
  onRemoved: (a: Artifact) => void;
}

/**
 * One photo, document or piece of student work: a thumbnail (or an icon for a document or a
 * kind of file the app does not show), its note, who added it and when, and what the viewer
 * may do with it — as the server decided in `abilities`, never worked out here.
 */
export function ArtifactCard({ a, p, domId, large = false, attachment, onPick, onRemoved }: ArtifactCardProps) {
  const t = useT(m);
  const me = useSignedIn();
  const { language } = useLanguage();
  const id = useId();
  const kind = kindOf(a.contentType);
  const date = formatDate(a.createdAt, language);
  const title = t('itemTitle', { kind, date });
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [notice, setNotice] = useState('');
  const remove = useRemoveArtifact(a);

  return (
    <article id={domId} className={['artifact-card', 'card', large ? 'artifact-card-large' : ''].filter(Boolean).join(' ')} aria-labelledby={`${id}-title`}>
      {large ? <LargeView a={a} kind={kind} /> : <Thumbnail a={a} kind={kind} title={title} />}
      <div className="artifact-body">
        {/* On its own page the page's heading says this already: here it only names the card for screen readers. */}
        <p id={`${id}-title`} className={large ? 'visually-hidden' : 'artifact-title'}>
          {title}
        </p>
        {editing ? null : a.note ? <p className="artifact-note note-body">{a.note}</p> : null}
        {a.media?.note ? <p className="meta">{a.media.note}</p> : null}
        {large ? <p className="meta artifact-file">{t('fileSize', { name: a.fileName, size: sizeText(a.byteSize, language) })}</p> : null}
        <p className="meta">
          {a.uploadedBy === me.personId ? t('addedByYou') : t('addedBy', { name: a.uploaderName })}
          {attachment ? <span> · {attachment.kind === 'goal' ? t('attachedGoal', { title: attachment.title }) : t('attachedObservation', { title: attachment.title })}</span> : null}
        </p>
      </div>
      <div className="artifact-more">
        {editing ? (
          <NoteForm
            a={a}
            fieldId={`${id}-note`}
            onDone={(saved) => {
              setEditing(false);
              if (saved) setNotice(t('noteSaved'));
              focusSaved(saved ? domId : `${id}-edit`);
            }}
          />
        ) : null}
        <div className="artifact-notice" role="status">
          {notice ? <p className="success-text">{notice}</p> : null}
        </div>
        {confirming ? (
          <div className="confirm">
            <Alert tone="warning">
              <p>{t('confirmRemove', { kind })}</p>
            </Alert>
            <div className="button-row">
              <Button variant="danger" busy={remove.isPending} onClick={() => remove.mutate(undefined, { onSuccess: () => onRemoved(a) })}>
                {t('yesRemove')}
              </Button>
              <Button
                id={`${id}-keep`}
                variant="secondary"
                onClick={() => {
                  setConfirming(false);
                  remove.reset();
                  focusSaved(`${id}-remove`);
                }}
              >
                {t('keep')}
              </Button>
            </div>
            <ErrorAlert error={remove.error} />
          </div>
        ) : null}
        {editing || confirming ? null : (
          <div className="button-row artifact-actions">
            {onPick ? (
              <Button onClick={() => onPick(a)}>
                {t('insert')}
                <span className="visually-hidden"> {t('downloadHidden', { kind, date })}</span>
              </Button>
            ) : null}
            <a className="btn btn-secondary" href={fileUrl(a.id)} download={a.fileName}>
              {t('download')}
              <span className="visually-hidden"> {t('downloadHidden', { kind, date })}</span>
            </a>
            {a.abilities.edit ? (
              <Button
                id={`${id}-edit`}
                variant="secondary"
                onClick={() => {
                  setNotice('');
                  setEditing(true);
                  focusSoon(`${id}-note`);
                }}
              >
                {a.note ? t('editNote') : t('addNote')}
                <span className="visually-hidden"> {t('downloadHidden', { kind, date })}</span>
              </Button>
            ) : null}
            {a.abilities.delete ? (
              <Button
                id={`${id}-remove`}
                variant="secondary"
                onClick={() => {
                  setConfirming(true);
                  // The button gives way to the question: focus goes to its safe answer.
                  focusSoon(`${id}-keep`);
                }}
              >
                {t('remove')}
                <span className="visually-hidden"> {t('downloadHidden', { kind, date })}</span>
              </Button>
            ) : null}
            {a.abilities.share && !sharing ? (
              <Button variant="secondary" onClick={() => setSharing(true)}>
                {t('share')}
                <span className="visually-hidden"> {t('downloadHidden', { kind, date })}</span>
              </Button>
            ) : null}
            {a.abilities.share ? <WhoHasSeenLink itemType="artifact" itemId={a.id} title={a.note ? firstWords(a.note) : title} name={t('whoHasSeenName', { kind, date })} /> : null}
          </div>
        )}
        {sharing ? <ShareForm partnershipId={a.partnershipId} target={{ itemType: 'artifact', itemId: a.id }} exclude={p?.members.map((x) => x.personId) ?? []} onDone={() => setSharing(false)} /> : null}
      </div>
    </article>
  );
}

/** The words a picture is described by: the start of its note, or the neutral word for its kind. */
function altOf(a: Artifact, kindWord: string): string {
  return a.note.trim() ? firstWords(a.note.trim()) : kindWord;
}

/** The small picture (lazy-loaded) or an icon, as the link that opens the artifact on its own page. */
function Thumbnail({ a, kind, title }: { a: Artifact; kind: ArtifactKind; title: string }) {
  const t = useT(m);
  const [broken, setBroken] = useState(false);
  // A photo's small copy, or a clip's poster frame when the server made one; else the icon.
  const showPicture = a.hasThumbnail && kind !== 'pdf' && !broken;
  return (
    <Link className={`artifact-thumb artifact-thumb-${kind}`} to={artifactHref(a.partnershipId, a.id)}>
      {showPicture ? (
        <img
          src={thumbnailUrl(a.id)}
          alt={altOf(a, t('kind', { kind }))}
          loading="lazy"
          decoding="async"
          width={a.width && a.height ? 320 : undefined}
          height={a.width && a.height ? Math.max(1, Math.round((320 * a.height) / a.width)) : undefined}
          onError={() => setBroken(true)}
        />
      ) : (
        <>
          <FileIcon kind={kind} />
          <span className="visually-hidden">{t('open', { title })}</span>
        </>
      )}
    </Link>
  );
}

/** On its own page: the picture at full size, or, for a document or another kind of file, why it is downloaded instead. */
function LargeView({ a, kind }: { a: Artifact; kind: ArtifactKind }) {
  const t = useT(m);
  const [broken, setBroken] = useState(false);
  if (kind === 'image' && !broken) {
    return (
      <div className="artifact-large">
        <img src={shownUrl(a.id)} alt={altOf(a, t('kind', { kind }))} width={a.width ?? undefined} height={a.height ?? undefined} onError={() => setBroken(true)} />
      </div>
    );
  }
  return (
    <div className="artifact-large artifact-large-file">
      <FileIcon kind={kind} />
      <p>{broken ? t('brokenImage') : kind === 'pdf' ? t('notShownPdf') : t('notShownOther')}</p>
    </div>
  );
}

/** A drawn page: a document (a PDF shows its name on it) or any other file. Decorative: the link or text beside it names it. */
export function FileIcon({ kind }: { kind: ArtifactKind }) {
  return (
    <svg className={`artifact-icon artifact-icon-${kind}`} viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">
      <path d="M12 4h17l11 11v27a2 2 0 0 1-2 2H12a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" fill="#fff" stroke="currentColor" strokeWidth="2.5" strokeLinejoin="round" />
      <path d="M29 4v11h11" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinejoin="round" />
      {kind === 'pdf' ? (
        <>
          <path d="M16 24h16M16 30h16M16 36h10" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
        </>
      ) : kind === 'video' ? (
        <path d="M20 24v12l10-6z" fill="currentColor" />
      ) : kind === 'audio' ? (
        <path d="M18 27v6h4l6 5V22l-6 5z" fill="currentColor" />
      ) : kind === 'image' ? (
        <path d="M15 37l7-9 5 6 3-4 5 7z" fill="currentColor" />
      ) : (
        <path d="M17 26h14M17 32h14" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
      )}
    </svg>
  );
}

/** Changing the note, in place. The words typed stay when saving fails, and focus goes to what needs another look. */
function NoteForm({ a, fieldId, onDone }: { a: Artifact; fieldId: string; onDone: (saved: boolean) => void }) {
  const t = useT(m);
  const [note, setNote] = useState(a.note);
  const update = useUpdateNote(a);
  const err = update.error instanceof ApiError ? update.error : null;
  const fieldError = err?.fieldMessage('note');
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, update.error);
  return (
    <form
      ref={formRef}
      className="form artifact-note-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate(note.trim(), { onSuccess: () => onDone(true) });
      }}
    >
      <TextArea id={fieldId} label={t('noteLabel')} hint={t('noteEditHint')} rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} error={fieldError} />
      {fieldError ? null : <ErrorAlert error={update.error} />}
      <div className="button-row">
        <Button type="submit" busy={update.isPending}>
          {t('saveNote')}
        </Button>
        <Button variant="secondary" onClick={() => onDone(false)}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
