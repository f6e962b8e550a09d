import { Link } from 'react-router';
import { PageTitle } from './Page';

/** A page someone opened by its address that is not for them: said calmly, with the way back Home (all words from the caller's catalog). */
export function NotForYou({ title, lead, next, backHome, className }: { title: string; lead: string; next: string; backHome: string; className?: string }) {
  return (
    <div className={className}>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{lead}</p>
      <p>{next}</p>
      <p>
        <Link to="/">{backHome}</Link>
      </p>
    </div>
  );
}
