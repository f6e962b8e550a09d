import { useQuery } from '@tanstack/react-query';
import { useOutletContext } from 'react-router';
import { type PartnershipDetail, api } from '../../api';

export const partnershipKey = (id: string) => ['partnership', id] as const;

export function usePartnershipQuery(id: string) {
  return useQuery({ queryKey: partnershipKey(id), queryFn: () => api.get<PartnershipDetail>(`/api/partnerships/${id}`) });
}

/** The partnership loaded by <PartnershipPage>, for its tab sections. */
export function usePartnership(): PartnershipDetail {
  return useOutletContext<PartnershipDetail>();
}
