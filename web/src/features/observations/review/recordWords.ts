/** Plain words and query keys for observation records. */
import type { DataMethod, ObservationMode, ObservationTool } from '../../../../../shared/src/domain';
import type { Language, Values } from '../../../../../shared/src/i18n';
import { DATA_METHOD_INFO } from '../../../../../shared/src/prompts';
import type { Key } from './messages';

export type T = (key: Key, values?: Values) => string;

export const recordsKey = (partnershipId: string) => ['observations', partnershipId] as const;
export const observationKey = (id: string) => ['observation', id] as const;
export const layoutsKey = (partnershipId: string) => ['classroom-layouts', partnershipId] as const;

/** "Event count": a tool's name, as the plan form names the data method. */
export const toolName = (language: Language, tool: DataMethod) => DATA_METHOD_INFO[language][tool].label;

/** "Event count, Duration": the tools of one observation, in the reader's list style. */
export function toolNames(language: Language, tools: readonly ObservationTool[]): string {
  return new Intl.ListFormat(language, { style: 'short', type: 'unit' }).format(tools.map((tool) => toolName(language, tool)));
}

export const modeText = (t: T, mode: ObservationMode) => t(`mode_${mode}`);

/** Where one observation is reviewed. */
export const reviewHref = (partnershipId: string, observationId: string) => `/partnerships/${partnershipId}/observations/${observationId}`;

/** Where one observation is recorded (while it is recording). */
export const recordHref = (partnershipId: string, observationId: string) => `/partnerships/${partnershipId}/observations/${observationId}/record`;
