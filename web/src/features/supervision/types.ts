/** The supervisor's objects as the app receives them (schemas in shared/src/api.ts). */
import type { z } from 'zod';
import type * as Api from '../../../../shared/src/api';

export type Checkin = z.infer<typeof Api.Checkin>;
export type CheckinList = z.infer<typeof Api.CheckinList>;
export type CoverageRequest = z.infer<typeof Api.CoverageRequest>;
export type CoverageList = z.infer<typeof Api.CoverageList>;
export type MyCheckins = z.infer<typeof Api.MyCheckins>;
export type SupervisorPart = z.infer<typeof Api.SupervisorPart>;

export const checkinsKey = (partnershipId: string) => ['checkins', partnershipId] as const;
export const coverageKey = (partnershipId: string) => ['coverage', partnershipId] as const;
export const myCheckinsKey = ['me', 'checkins'] as const;
