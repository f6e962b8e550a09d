import { Link } from 'react-router';
import type { Me, PartnershipSummary } from '../../api';
import { useT } from '../../i18n';
import { Section } from '../../ui/Page';
import { useLabels } from '../../ui/format';
import { useMemberNames } from '../partnerships/PartnershipCard';
import { AgreedTermsNote } from '../agreed-terms/AgreedTermsNote';
import { MyCheckins } from '../supervision/MyCheckins';
import { hasRole } from '../session/session';
import { m } from './messages';

/** Home's views for supervisors (their staff's partnerships) and program leaders (the program): logistics only. */
export function ProgramSections({ me, others, count, hasMore }: { me: Me; others: PartnershipSummary[]; count: number; hasMore: boolean }) {
  const t = useT(m);
  return (
    <>
      {hasRole(me, 'supervisor') ? (
        <Section title={t('staff')} id="staff">
          <p>{t('staffBody')}</p>
          <LogisticsList items={others.filter((p) => p.viewerRelation === 'supervisor')} />
          <AgreedTermsNote />
        </Section>
      ) : null}
      {hasRole(me, 'supervisor') ? <MyCheckins /> : null}
      {hasRole(me, 'leader') ? (
        <Section title={t('program')} id="program">
          <p>{t('partnershipCount', { more: hasMore ? 'yes' : 'no', count })}</p>
          <ul className="link-tiles">
            <li>
              <Link to="/people">{t('tile_people')}</Link>
            </li>
            <li>
              <Link to="/sites">{t('tile_sites')}</Link>
            </li>
            <li>
              <Link to="/practices">{t('tile_practices')}</Link>
            </li>
            <li>
              <Link to="/templates">{t('tile_templates')}</Link>
            </li>
            <li>
              <Link to="/organization">{t('tile_organization')}</Link>
            </li>
            <li>
              <Link to="/program">{t('tile_programPage')}</Link>
            </li>
          </ul>
          <h3>{t('allLogistics')}</h3>
          <LogisticsList items={others.filter((p) => p.viewerRelation !== 'supervisor')} />
        </Section>
      ) : null}
    </>
  );
}

function LogisticsList({ items }: { items: PartnershipSummary[] }) {
  const t = useT(m);
  const labels = useLabels();
  const memberNames = useMemberNames();
  if (items.length === 0) return <p className="muted">{t('noneToShow')}</p>;
  // How each partnership began: the server sends it to program leaders and members, never to a supervisor (null).
  const withOrigin = items.some((p) => p.origin !== null);
  return (
    <div className="table-wrap">
      <table className="responsive-table">
        <caption className="visually-hidden">{t('logisticsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col_partnership')}</th>
            <th scope="col">{t('col_status')}</th>
            <th scope="col">{t('col_meets')}</th>
            <th scope="col">{t('col_coverage')}</th>
            <th scope="col">{t('col_review')}</th>
            {withOrigin ? <th scope="col">{t('col_origin')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <td data-label={t('col_partnership')}>
                <Link to={`/partnerships/${p.id}`}>{memberNames(p)}</Link>
              </td>
              <td data-label={t('col_status')}>{labels.status(p.status)}</td>
              <td data-label={t('col_meets')}>{p.meetingCadence || '—'}</td>
              <td data-label={t('col_coverage')}>{p.coverageNeeds || '—'}</td>
              <td data-label={t('col_review')}>{p.reviewOn ? labels.date(p.reviewOn) : '—'}</td>
              {withOrigin ? <td data-label={t('col_origin')}>{p.origin ? labels.origin(p.origin) : '—'}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
