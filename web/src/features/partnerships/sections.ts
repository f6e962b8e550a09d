/**
 * The sections of a partnership's page, in groups a person can hold in their
 * head (plan, meet, reflect, talk, about us), and which of them a viewer sees.
 *
 * Which sections show is read from the partnership's abilities, as the server
 * decided them; nothing here works out membership again.
 */
import type { PartnershipDetail } from '../../api';
import { seesSessions } from '../sessions/SessionsSection';

export const GROUPS = ['overview', 'plan', 'meet', 'reflect', 'talk', 'about'] as const;
export type GroupKey = (typeof GROUPS)[number];

export type SectionKey =
  | 'overview'
  | 'goals'
  | 'strengths'
  | 'observations'
  | 'sessions'
  | 'agreement'
  | 'reflections'
  | 'celebrations'
  | 'notes'
  | 'evidence'
  | 'messages'
  | 'concerns'
  | 'profile'
  | 'sharing'
  | 'status';

export interface SectionDef {
  key: SectionKey;
  group: GroupKey;
  /** Where it lives, after /partnerships/:id (the routes in main.tsx; status is the overview's address with ?view=status). */
  to: string;
  /** False when the section's own component has no heading of its name: the page then gives it one. */
  titled: boolean;
  visible(p: PartnershipDetail, meId: string): boolean;
}

const always = () => true;
const members = (p: PartnershipDetail) => p.abilities.readContent;

/** In order: the groups' order, then each group's. */
export const SECTIONS: readonly SectionDef[] = [
  { key: 'overview', group: 'overview', to: '', titled: true, visible: always },
  { key: 'goals', group: 'plan', to: 'goals', titled: true, visible: members },
  { key: 'strengths', group: 'plan', to: 'strengths', titled: true, visible: members },
  { key: 'observations', group: 'plan', to: 'observations', titled: true, visible: members },
  // Sessions are logistics: supervisors and leaders see their dates too (not yet someone still answering an invitation).
  { key: 'sessions', group: 'meet', to: 'sessions', titled: false, visible: (p, meId) => seesSessions(p, meId) },
  { key: 'agreement', group: 'meet', to: 'agreement', titled: true, visible: always },
  { key: 'reflections', group: 'reflect', to: 'reflections', titled: true, visible: members },
  { key: 'celebrations', group: 'reflect', to: 'celebrations', titled: true, visible: members },
  { key: 'notes', group: 'reflect', to: 'notes', titled: true, visible: members },
  // Photos, documents and student work: coaching content, for members (a colleague the coachee shared one with opens it by its address).
  { key: 'evidence', group: 'reflect', to: 'evidence', titled: true, visible: members },
  { key: 'messages', group: 'talk', to: 'messages', titled: true, visible: members },
  { key: 'concerns', group: 'talk', to: 'concerns', titled: true, visible: members },
  { key: 'profile', group: 'about', to: 'profile', titled: true, visible: members },
  { key: 'sharing', group: 'about', to: 'sharing', titled: true, visible: (p) => p.abilities.share },
  { key: 'status', group: 'about', to: '?view=status', titled: true, visible: always },
];

export interface SectionGroup {
  key: GroupKey;
  sections: SectionDef[];
}

/** The groups with at least one section this viewer may see, each with those sections. */
export function visibleGroups(p: PartnershipDetail, meId: string): SectionGroup[] {
  return GROUPS.map((key) => ({ key, sections: SECTIONS.filter((s) => s.group === key && s.visible(p, meId)) })).filter((g) => g.sections.length > 0);
}

/** The section an address inside a partnership shows ("/partnerships/1/agreement/versions/2" → agreement). */
export function sectionAt(pathname: string, search: string): SectionDef {
  const rest = pathname.replace(/^\/partnerships\/[^/]+\/?/, '');
  const first = rest.split('/')[0];
  if (!first) return bySection(new URLSearchParams(search).get('view') === 'status' ? 'status' : 'overview');
  return SECTIONS.find((s) => s.to === first) ?? bySection('overview');
}

function bySection(key: SectionKey): SectionDef {
  return SECTIONS.find((s) => s.key === key)!;
}

/** The address of a section of one partnership. */
export function sectionHref(partnershipId: string, s: SectionDef): string {
  const base = `/partnerships/${partnershipId}`;
  return s.to.startsWith('?') ? `${base}${s.to}` : s.to ? `${base}/${s.to}` : base;
}
