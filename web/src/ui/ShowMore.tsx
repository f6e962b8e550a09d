import { Button } from './Button';

/** The "Show more" control under a paginated list. */
export function ShowMore({ hasMore, loading, onMore, what }: { hasMore: boolean; loading: boolean; onMore: () => void; what: string }) {
  if (!hasMore) return null;
  return (
    <p className="show-more">
      <Button variant="secondary" busy={loading} onClick={onMore}>
        {loading ? 'Loading…' : `Show more ${what}`}
      </Button>
    </p>
  );
}
