import { useQuery } from '@tanstack/react-query';
import { Suspense, lazy } from 'react';
import { type Concern, api } from '../../api';
import { ErrorAlert } from '../../ui/Alert';
import { RAISED_WITH_ME_KEY } from '../concerns/concernWords';

/** The list and its words (the concerns catalog) download only for the few who have a concern raised with them. */
const RaisedWithYou = lazy(() => import('../concerns/RaisedWithYou').then((file) => ({ default: file.RaisedWithYou })));

/** Home's place for concerns raised with the reader: empty, and nothing downloaded, unless there are some. */
export function RaisedWithYouSlot({ showErrors }: { showErrors: boolean }) {
  const raised = useQuery({ queryKey: RAISED_WITH_ME_KEY, queryFn: () => api.get<{ items: Concern[] }>('/api/me/escalated-concerns') });
  if (raised.error) return showErrors ? <ErrorAlert error={raised.error} /> : null;
  if (!raised.data?.items.length) return null;
  return (
    <Suspense fallback={null}>
      <RaisedWithYou items={raised.data.items} />
    </Suspense>
  );
}
