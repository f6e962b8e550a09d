import { useId } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { m } from './messages';
import { type SectionDef, type SectionGroup, sectionHref } from './sections';

/**
 * The sections of a partnership, grouped. On a phone: a bar of the groups
 * (each goes to its first section) and, under it, the sections of the current
 * group — every section is one or two taps away and nothing scrolls sideways.
 * On a wide screen the same nav is a sidebar with every group open. The
 * current group and section are marked with aria-current.
 */
export function SectionNav({ partnershipId, groups, current }: { partnershipId: string; groups: SectionGroup[]; current: SectionDef }) {
  const t = useT(m);
  const id = useId();
  const href = (s: SectionDef) => sectionHref(partnershipId, s);
  return (
    <nav aria-label={t('navLabel')} className="section-nav">
      <ul className="group-bar">
        {groups.map((g) => {
          const here = g.key === current.group;
          return (
            <li key={g.key}>
              {/* The overview is a group of one: its tile is the page itself. */}
              <Link to={href(g.sections[0])} data-group={g.key} aria-current={here ? (g.key === 'overview' ? 'page' : 'true') : undefined}>
                {t(`group_${g.key}`)}
              </Link>
            </li>
          );
        })}
      </ul>
      <div className="section-groups">
        {groups.map((g) => (
          <div key={g.key} className={['section-group', `section-group-${g.key}`, g.key === current.group ? 'is-current' : ''].filter(Boolean).join(' ')}>
            {g.key === 'overview' ? null : (
              <p className="group-label" id={`${id}-${g.key}`}>
                {t(`group_${g.key}`)}
              </p>
            )}
            <ul className="section-list" aria-labelledby={g.key === 'overview' ? undefined : `${id}-${g.key}`}>
              {g.sections.map((s) => (
                <li key={s.key}>
                  <Link to={href(s)} data-group={g.key} aria-current={s.key === current.key ? 'page' : undefined}>
                    {t(`section_${s.key}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </nav>
  );
}
