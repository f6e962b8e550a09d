import { useT } from '../../i18n';
import { m } from './messages';

/** The options of a "whose is this?" select in a peer partnership: each coachee by name, the reader's own marked "Mine". */
export function SubjectOptions({ subjects, meId }: { subjects: Array<{ personId: string; name: string }>; meId: string }) {
  const t = useT(m);
  return subjects.map((s) => (
    <option key={s.personId} value={s.personId}>
      {s.personId === meId ? t('subjectMine', { name: s.name }) : s.name}
    </option>
  ));
}
