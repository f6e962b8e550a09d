import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { CHALLENGES, type Challenge } from '../../../../shared/src/domain';
import { ApiError, type PartnershipDetail, type Profile, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, FieldSet, TextArea } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/focus';
import { Section } from '../../ui/Page';
import { useLabels } from '../../ui/format';
import { useT } from '../../i18n';
import { WhoHasSeenLink } from '../access-log/WhoHasSeenLink';
import { useSignedIn } from '../session/session';
import { m } from './profile/messages';
import { partnershipKey, usePartnership } from './usePartnership';

/** The getting-to-know-you profile of each coachee: coaching content, editable by members. */
export function ProfileSection() {
  const t = useT(m);
  const p = usePartnership();
  if (!p.profiles) return null;
  const canEdit = p.abilities.editProfile;
  return (
    <Section title={t('title')} id="profile">
      <p className="muted">{t('lead')}</p>
      {p.profiles.map((profile) => (
        <ProfileForm key={profile.subjectId} p={p} profile={profile} canEdit={canEdit} />
      ))}
    </Section>
  );
}

function ProfileForm({ p, profile, canEdit }: { p: PartnershipDetail; profile: Profile; canEdit: boolean }) {
  const t = useT(m);
  const labels = useLabels();
  const client = useQueryClient();
  const me = useSignedIn();
  const subject = p.members.find((m) => m.personId === profile.subjectId);
  // A profile carries no abilities of its own: it is yours when it is about you and the partnership lets you read your access log.
  const mine = p.abilities.readAccessLog && profile.subjectId === me.personId;
  const [draft, setDraft] = useState(profile);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api.put<PartnershipDetail>(`/api/partnerships/${p.id}/profile`, {
        subjectId: profile.subjectId,
        strengths: draft.strengths,
        learningStyle: draft.learningStyle,
        needs: draft.needs,
        challenges: draft.challenges,
        challengeNotes: draft.challengeNotes,
      }),
    onSuccess: (next) => {
      client.setQueryData(partnershipKey(p.id), next);
      setSaved(true);
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, save.error);
  const set = <K extends keyof Profile>(key: K, value: Profile[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const toggle = (c: Challenge, on: boolean) => set('challenges', on ? [...draft.challenges, c] : draft.challenges.filter((x) => x !== c));
  return (
    <form
      ref={formRef}
      className="form card"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h3>{subject?.name ?? t('coachee')}</h3>
      {profile.updatedAt ? <p className="meta">{t('lastSaved', { when: labels.dateTime(profile.updatedAt) })}</p> : null}
      <fieldset disabled={!canEdit} className="plain-fieldset">
        <legend className="visually-hidden">{t('profileOf', { name: subject?.name ?? t('coachee') })}</legend>
        <TextArea label={t('strengths')} value={draft.strengths} onChange={(e) => set('strengths', e.target.value)} error={err?.fieldMessage('strengths')} />
        <TextArea label={t('learningStyle')} value={draft.learningStyle} onChange={(e) => set('learningStyle', e.target.value)} error={err?.fieldMessage('learningStyle')} />
        <TextArea label={t('needs')} value={draft.needs} onChange={(e) => set('needs', e.target.value)} error={err?.fieldMessage('needs')} />
        <FieldSet legend={t('challenges')}>
          <div className="check-grid">
            {CHALLENGES.map((c) => (
              <Checkbox key={c} label={labels.challenge(c)} checked={draft.challenges.includes(c)} onChange={(e) => toggle(c, e.target.checked)} />
            ))}
          </div>
        </FieldSet>
        <TextArea label={t('challengeNotes')} value={draft.challengeNotes} onChange={(e) => set('challengeNotes', e.target.value)} />
      </fieldset>
      <ErrorAlert error={save.error} />
      {saved ? <Alert tone="success">{t('saved')}</Alert> : null}
      {canEdit || mine ? (
        <div className="button-row">
          {canEdit ? (
            <Button type="submit" busy={save.isPending}>
              {t('save')}
            </Button>
          ) : null}
          {/* The access log names a profile by the coachee it is about. */}
          {mine ? <WhoHasSeenLink itemType="profile" itemId={profile.subjectId} title={t('whoHasSeenTitle')} name={t('whoHasSeenName')} /> : null}
        </div>
      ) : null}
    </form>
  );
}
