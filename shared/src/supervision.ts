/**
 * The fixed lists of coverage requests (issue 12, item 6): what cover makes possible, and why a
 * supervisor may decline. Fixed so that no free text about the partners reaches the supervisor.
 */
export const COVERAGE_PURPOSES = ['coaching_meeting', 'observation_visit', 'peer_visit'] as const;
export const COVERAGE_DECLINE_REASONS = ['no_cover_available', 'date_conflict', 'too_short_notice', 'other_arrangement'] as const;
