/**
 * A partnership's name as the person looking at it would say it: "Coaching
 * with Carmen Diaz" for the coachee, "Coaching Taylor Nguyen" for the coach,
 * "Taylor Nguyen and Carmen Diaz" for a supervisor. This is display only: what
 * the viewer may see or do comes from the partnership's abilities.
 */
import { SUBJECT_ROLES } from '../../../../shared/src/domain';
import type { Language, Values } from '../../../../shared/src/i18n';
import type { Member, PartnershipDetail } from '../../api';
import type { m } from './messages';

type T = (key: keyof typeof m.en, values?: Values) => string;

export function viewerTitle(t: T, language: Language, p: Pick<PartnershipDetail, 'format' | 'members'>, meId: string): string {
  const list = (people: Member[]) => new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(people.map((x) => x.name));
  const inIt = p.members.filter((x) => x.state !== 'declined');
  const subjects = inIt.filter((x) => SUBJECT_ROLES.includes(x.role));
  const me = inIt.find((x) => x.personId === meId);
  const others = inIt.filter((x) => x.personId !== meId);
  const fallback = t('format', { format: p.format });
  if (me) {
    switch (me.role) {
      case 'coachee': {
        const coaches = others.filter((x) => x.role === 'coach');
        const with_ = coaches.length ? coaches : others;
        return with_.length ? t('titleCoachee', { names: list(with_) }) : fallback;
      }
      case 'coach':
        return subjects.length ? t('titleCoach', { names: list(subjects) }) : fallback;
      case 'peer': {
        const peers = others.filter((x) => x.role === 'peer');
        return peers.length ? t('titlePeer', { names: list(peers) }) : fallback;
      }
      case 'mentor':
        return subjects.length ? t('titleMentor', { names: list(subjects) }) : fallback;
      case 'self': {
        const mentors = others.filter((x) => x.role === 'mentor');
        return mentors.length ? t('titleSelfMentor', { names: list(mentors) }) : t('titleSelf');
      }
    }
  }
  // From outside (a supervisor, a program leader): everyone in it, the people being coached first.
  const everyone = [...subjects, ...inIt.filter((x) => !SUBJECT_ROLES.includes(x.role))];
  return everyone.length ? list(everyone) : fallback;
}
