import { useQuery } from '@tanstack/react-query';
import { type AgreementResponse, type Practice, api } from '../../api';

export const agreementKey = (id: string) => ['agreement', id] as const;

export function useAgreement(id: string) {
  return useQuery({ queryKey: agreementKey(id), queryFn: () => api.get<AgreementResponse>(`/api/partnerships/${id}/agreement`) });
}

export function usePractices() {
  return useQuery({ queryKey: ['practices'], queryFn: () => api.get<{ items: Practice[] }>('/api/practices'), staleTime: 5 * 60_000 });
}
