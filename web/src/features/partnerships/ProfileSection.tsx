import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CHALLENGES, type Challenge } from '../../../../shared/src/domain';
import { ApiError, type PartnershipDetail, type Profile, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, FieldSet, TextArea } from '../../ui/Field';
import { Section } from '../../ui/Page';
import { CHALLENGE_LABEL, formatDateTime } from '../../ui/format';
import { WhoHasSeenLink } from '../access-log/WhoHasSeenLink';
import { useSignedIn } from '../session/session';
import { partnershipKey, usePartnership } from './usePartnership';

/** The getting-to-know-you profile of each coachee: coaching content, editable by members. */
export function ProfileSection() {
  const p = usePartnership();
  if (!p.profiles) return null;
  const canEdit = p.abilities.editProfile;
  return (
    <Section title="Getting to know you" id="profile">
      <p className="muted">
        What helps coaching fit this person: their strengths, how they like to learn, what they need and what gets in the way. Only members of the
        partnership can read it.
      </p>
      {p.profiles.map((profile) => (
        <ProfileForm key={profile.subjectId} p={p} profile={profile} canEdit={canEdit} />
      ))}
    </Section>
  );
}

function ProfileForm({ p, profile, canEdit }: { p: PartnershipDetail; profile: Profile; canEdit: boolean }) {
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
  const set = <K extends keyof Profile>(key: K, value: Profile[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const toggle = (c: Challenge, on: boolean) => set('challenges', on ? [...draft.challenges, c] : draft.challenges.filter((x) => x !== c));
  return (
    <form
      className="form card"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h3>{subject?.name ?? 'Coachee'}</h3>
      {profile.updatedAt ? <p className="meta">Last saved {formatDateTime(profile.updatedAt)}</p> : null}
      <fieldset disabled={!canEdit} className="plain-fieldset">
        <legend className="visually-hidden">Profile of {subject?.name}</legend>
        <TextArea label="Strengths" value={draft.strengths} onChange={(e) => set('strengths', e.target.value)} error={err?.fieldMessage('strengths')} />
        <TextArea label="How I like to learn" value={draft.learningStyle} onChange={(e) => set('learningStyle', e.target.value)} error={err?.fieldMessage('learningStyle')} />
        <TextArea label="What I need from coaching" value={draft.needs} onChange={(e) => set('needs', e.target.value)} error={err?.fieldMessage('needs')} />
        <FieldSet legend="What gets in the way">
          <div className="check-grid">
            {CHALLENGES.map((c) => (
              <Checkbox key={c} label={CHALLENGE_LABEL[c]} checked={draft.challenges.includes(c)} onChange={(e) => toggle(c, e.target.checked)} />
            ))}
          </div>
        </FieldSet>
        <TextArea label="More about those challenges" value={draft.challengeNotes} onChange={(e) => set('challengeNotes', e.target.value)} />
      </fieldset>
      <ErrorAlert error={save.error} />
      {saved ? <Alert tone="success">Saved.</Alert> : null}
      {canEdit || mine ? (
        <div className="button-row">
          {canEdit ? (
            <Button type="submit" busy={save.isPending}>
              Save profile
            </Button>
          ) : null}
          {/* The access log names a profile by the coachee it is about. */}
          {mine ? <WhoHasSeenLink itemType="profile" itemId={profile.subjectId} title="Your getting-to-know-you profile" name="getting-to-know-you profile" /> : null}
        </div>
      ) : null}
    </form>
  );
}
