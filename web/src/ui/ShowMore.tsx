import { useT } from '../i18n';
import { Button } from './Button';
import { m } from './messages';

/** The "Show more" control under a paginated list. */
export function ShowMore({ hasMore, loading, onMore, what }: { hasMore: boolean; loading: boolean; onMore: () => void; what: string }) {
  const t = useT(m);
  if (!hasMore) return null;
  return (
    <p className="show-more">
      <Button variant="secondary" busy={loading} onClick={onMore}>
        {loading ? t('loadingShort') : t('showMore', { what })}
      </Button>
    </p>
  );
}
