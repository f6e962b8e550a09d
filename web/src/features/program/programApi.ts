/** The program page's data through hooks (issue 12, item 8): one query key, writes that answer with the refreshed page. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as Api from '../../../../shared/src/api';
import { api } from '../../api';

export type ProgramPageData = z.infer<typeof Api.ProgramPage>;
export type MyEnrolment = z.infer<typeof Api.MyEnrolment>;
export type MyTestimonial = z.infer<typeof Api.MyTestimonial>;
export type Volunteer = z.infer<typeof Api.Volunteer>;
export type TestimonialForReview = z.infer<typeof Api.TestimonialForReview>;
export type EnrolmentBody = z.input<typeof Api.EnrolmentBody>;
export type PartnerEnrolmentBody = z.input<typeof Api.PartnerEnrolmentBody>;

export const programKey = ['program'] as const;
export const volunteersKey = ['program', 'enrolments'] as const;
export const reviewKey = ['program', 'testimonials-review'] as const;

export function useProgram() {
  return useQuery({ queryKey: programKey, queryFn: () => api.get<ProgramPageData>('/api/program') });
}

/** A write whose answer is the whole program page: the cache takes it as it is. */
export function useProgramWrite<V>(send: (vars: V) => Promise<ProgramPageData>, onDone?: (page: ProgramPageData, vars: V) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (page, vars) => {
      client.setQueryData(programKey, page);
      onDone?.(page, vars);
    },
  });
}

export function useVolunteers(enabled: boolean) {
  return useQuery({ queryKey: volunteersKey, queryFn: () => api.get<{ items: Volunteer[] }>('/api/program/enrolments'), enabled });
}

export function useTestimonialsForReview(enabled: boolean) {
  return useQuery({ queryKey: reviewKey, queryFn: () => api.get<{ items: TestimonialForReview[] }>('/api/program/testimonials'), enabled });
}
