import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError, type Meeting, type PartnershipDetail, api } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, FieldSet, TextField } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/focus';
import { useSignedIn } from '../session/session';
import { useStoreMeeting } from './SessionForms';
import { firstName, meetingsKey, participantsOf, sessionLabel } from './sessionWords';
import { useLanguage, useT } from '../../i18n';
import { m as words } from './messages';

interface Entry {
  personId: string;
  name: string;
  present: boolean;
  onTime: boolean;
  prepared: boolean;
  note: string;
}

/** Follow-through for everyone in the session — both sides, recorded the same way. */
export function AttendanceForm({ meeting, p, onSaved, onCancel }: { meeting: Meeting; p: PartnershipDetail; onSaved: (m: Meeting) => void; onCancel: () => void }) {
  const formId = useId();
  const t = useT(words);
  const { language } = useLanguage();
  const me = useSignedIn();
  const client = useQueryClient();
  const store = useStoreMeeting(p.id);
  const [entries, setEntries] = useState<Entry[]>(() =>
    participantsOf(p).map((m) => {
      const known = meeting.attendance?.find((a) => a.personId === m.personId);
      return known
        ? { personId: m.personId, name: m.name, present: known.present, onTime: known.onTime, prepared: known.prepared, note: known.note ?? '' }
        : { personId: m.personId, name: m.name, present: true, onTime: true, prepared: true, note: '' };
    }),
  );
  useEffect(() => {
    document.getElementById(`${formId}-first`)?.focus();
  }, [formId]);

  const save = useMutation({
    mutationFn: () =>
      api.put<Meeting>(`/api/meetings/${meeting.id}/attendance`, {
        entries: entries.map((e) => ({ personId: e.personId, present: e.present, onTime: e.present && e.onTime, prepared: e.present && e.prepared, note: e.note.trim() })),
      }),
    onSuccess: (saved) => {
      store(saved);
      onSaved(saved);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) client.invalidateQueries({ queryKey: meetingsKey(p.id) });
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, save.error);
  const set = (personId: string, patch: Partial<Entry>) => setEntries((all) => all.map((e) => (e.personId === personId ? { ...e, ...patch } : e)));

  return (
    <form
      ref={formRef}
      className="form session-form inner-form"
      noValidate
      aria-label={t('attendanceFor', { name: sessionLabel(t, language, meeting) })}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <p className="field-hint">{t('attendanceHint')}</p>
      <div className="attendance-grid">
        {entries.map((entry, i) => {
          const who = entry.personId === me.personId ? t('you', { name: entry.name }) : entry.name;
          const first = firstName(entry.name);
          return (
            <FieldSet key={entry.personId} legend={who} className="attendance-person" error={err?.fieldMessage(`entries.${i}.personId`)}>
              <Checkbox
                {...(i === 0 ? { id: `${formId}-first` } : {})}
                label={t('present')}
                checked={entry.present}
                onChange={(e) => set(entry.personId, e.target.checked ? { present: true } : { present: false, onTime: false, prepared: false })}
              />
              <Checkbox label={t('onTime')} checked={entry.present && entry.onTime} disabled={!entry.present} onChange={(e) => set(entry.personId, { onTime: e.target.checked })} />
              <Checkbox label={t('prepared')} checked={entry.present && entry.prepared} disabled={!entry.present} onChange={(e) => set(entry.personId, { prepared: e.target.checked })} />
              <TextField
                label={t('noteAbout', { name: first })}
                value={entry.note}
                onChange={(e) => set(entry.personId, { note: e.target.value })}
                error={err?.fieldMessage(`entries.${i}.note`)}
                maxLength={500}
              />
            </FieldSet>
          );
        })}
      </div>
      <ErrorAlert error={save.error} />
      <div className="button-row">
        <Button type="submit" busy={save.isPending}>
          {t('saveAttendance')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
