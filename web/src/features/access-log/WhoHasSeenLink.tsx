import { Link } from 'react-router';
import type { ContentKind } from '../../../../shared/src/domain';
import { query } from '../../api';
import { useT } from '../../i18n';
import { m } from './messages';

/** What the access log may show as the item's name while its rows load (kept in browser history, never in the address). */
export interface WhoHasSeenState {
  title?: string;
}

/**
 * "Who has seen this": the access log, filtered to one item. Shown only to the
 * coachee the item is about — callers pass the server's ability for it
 * (`abilities.share`, or `readAccessLog` for what concerns every coachee).
 * The title travels in history state, not in the address, so it never reaches
 * a server log or a referrer.
 */
export function WhoHasSeenLink({ itemType, itemId, title, name }: { itemType: ContentKind; itemId: string; title: string; name: string }) {
  const t = useT(m);
  const state: WhoHasSeenState = { title };
  return (
    <Link className="btn btn-quiet who-has-seen" to={`/access-log${query({ itemType, itemId })}`} state={state}>
      {t('whoHasSeen')}<span className="visually-hidden"> {name}</span>
    </Link>
  );
}
