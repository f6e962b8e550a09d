import { roleDescriptions } from '../../../../shared/src/visibility';
import { useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Loading, PageTitle, Section } from '../../ui/Page';
import { EnrolmentSection } from './EnrolmentSection';
import { LeaderSections } from './LeaderSections';
import { MyTestimonials } from './MyTestimonials';
import { m } from './messages';
import { type ProgramPageData, useProgram } from './programApi';
import './program.css';

const STEPS = ['step_1', 'step_2', 'step_3', 'step_4', 'step_5'] as const;

/**
 * The program page every signed-in person can open (issue 12, item 8; SPEC §2.1): the leader's
 * welcome, a teacher's one-step answer to "would you like a coach?", how coaching works, the roles
 * and what stays confidential (generated from the who-sees-what map in shared/src/visibility.ts,
 * the same words people acknowledge), that taking part is voluntary, the coaches, and what
 * colleagues agreed to say. What each reader may do comes from the page's abilities.
 */
export function ProgramPage() {
  const t = useT(m);
  const page = useProgram();
  if (page.isPending) return <Loading what={t('loadingPage')} />;
  if (page.error) return <ErrorAlert error={page.error} />;
  const p = page.data;
  return (
    <div className="program-page">
      <PageTitle title={t('pageTitle', { organization: p.organization })}>{t('pageTitle', { organization: p.organization })}</PageTitle>
      <p className="lead">{t('lead')}</p>
      {p.welcome ? (
        <section className="card program-welcome" aria-labelledby="program-welcome">
          <h2 id="program-welcome">{t('welcomeHeading')}</h2>
          <p className="pre-line">{p.welcome}</p>
        </section>
      ) : null}
      {p.abilities.enrol || p.myEnrolment ? <EnrolmentSection page={p} /> : null}
      <HowItWorks />
      <Roles />
      <Section title={t('voluntaryHeading')} id="voluntary">
        <p>{t('voluntaryBody')}</p>
      </Section>
      <Coaches page={p} />
      <Testimonials page={p} />
      {p.abilities.writeTestimonial || p.myTestimonials.length > 0 ? <MyTestimonials page={p} /> : null}
      {p.abilities.editWelcome || p.abilities.reviewEnrolments || p.abilities.reviewTestimonials ? <LeaderSections page={p} /> : null}
    </div>
  );
}

function HowItWorks() {
  const t = useT(m);
  return (
    <Section title={t('howHeading')} id="how">
      <ol className="program-steps">
        {STEPS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ol>
    </Section>
  );
}

/** The roles and what each sees: the who-sees-what map's own descriptions, in the reader's language. */
function Roles() {
  const t = useT(m);
  const { language } = useLanguage();
  const roles = roleDescriptions(language);
  const of = (party: string) => roles.find((r) => r.party === party);
  const supervisor = of('supervisor');
  const leader = of('leader');
  return (
    <>
      <Section title={t('rolesHeading')} id="roles">
        <p>{t('rolesLead')}</p>
        {roles.map((d) => (
          <details key={d.party} className="card role-card role-fold">
            <summary>{d.title}</summary>
            <h3>{t('whatTheyDo')}</h3>
            <ul>
              {d.youDo.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <h3>{t('whatTheySee')}</h3>
            <ul>
              {d.youSee.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </details>
        ))}
      </Section>
      <Section title={t('confidentialHeading')} id="confidential">
        <p>{t('confidentialLead')}</p>
        {supervisor ? (
          <>
            <h3>{t('supervisorSees')}</h3>
            <ul>
              {supervisor.youSee.map((line) => (
                <li key={line}>{line}</li>
              ))}
              <li>{t('privateAnswer')}</li>
            </ul>
          </>
        ) : null}
        {leader ? (
          <>
            <h3>{t('leaderSees')}</h3>
            <ul>
              {leader.youSee.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>
    </>
  );
}

function Coaches({ page }: { page: ProgramPageData }) {
  const t = useT(m);
  return (
    <Section title={t('coachesHeading')} id="coaches">
      {page.coaches.length === 0 ? (
        <p className="muted">{t('noCoaches')}</p>
      ) : (
        <ul className="program-coaches">
          {page.coaches.map((c) => (
            <li key={c.personId}>{t('coachAt', { name: c.name, site: c.site ?? 'none' })}</li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Testimonials({ page }: { page: ProgramPageData }) {
  const t = useT(m);
  return (
    <Section title={t('saysHeading')} id="testimonials">
      {page.testimonials.length === 0 ? (
        <p className="muted">{t('noTestimonials')}</p>
      ) : (
        <ul className="program-testimonials">
          {page.testimonials.map((x) => (
            <li key={x.id}>
              <figure className="card testimonial">
                <blockquote>
                  <p className="pre-line">{x.text}</p>
                </blockquote>
                <figcaption>{t('attribution', { name: x.authorName ?? t('anonymousAuthor', { role: x.authorRole }) })}</figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
