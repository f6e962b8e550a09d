/** Row types of every table, as Kysely sees them. Kept beside the migrations' shape. */
import type { Generated } from 'kysely';
export interface Database {
  organizations: {
    id: string;
    name: string;
    created_at: string;
    time_zone: Generated<string>;
    /** The school year as calendar days (YYYY-MM-DD), both or neither. */
    school_year_start: string | null;
    school_year_end: string | null;
    /** 'en' or 'es'. */
    default_language: Generated<string>;
  };
  /** The one-time set-up of an empty install (one row, id 'install'): only the token's SHA-256. */
  install_setup: { id: string; token_hash: string; created_at: string; completed_at: string | null };
  sites: { id: string; org_id: string; name: string; kind: string; created_at: string };
  teams: { id: string; org_id: string; site_id: string | null; name: string; created_at: string };
  users: { id: string; email: string; password_hash: string | null; created_at: string; disabled_at: string | null };
  people: {
    id: string;
    org_id: string;
    user_id: string | null;
    name: string;
    email: string;
    site_id: string | null;
    team_id: string | null;
    title: string | null;
    active: number;
    created_at: string;
    /** 'en' or 'es' once the person chose; null: the organization's default. */
    language: Generated<string | null>;
  };
  person_roles: { person_id: string; org_id: string; role: string };
  supervision_links: { id: string; org_id: string; supervisor_id: string; supervisee_id: string; created_at: string };
  invitations: {
    token_hash: string;
    org_id: string;
    person_id: string;
    created_by: string;
    created_at: string;
    expires_at: string;
    accepted_at: string | null;
  };
  auth_sessions: {
    token_hash: string;
    user_id: string;
    person_id: string;
    csrf_token: string;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
  };
  password_resets: { token_hash: string; user_id: string; created_at: string; expires_at: string; used_at: string | null };
  role_acknowledgements: { person_id: string; version: number; acknowledged_at: string };
  practices: {
    id: string;
    org_id: string;
    category: string;
    name: string;
    description: string;
    position: number;
    archived: number;
  };
  agreement_templates: { org_id: string; format: string; commitments: string; updated_at: string };
  partnerships: {
    id: string;
    org_id: string;
    format: string;
    status: string;
    origin: string;
    created_by: string;
    created_at: string;
    status_changed_at: string;
    dual_role: number;
    dual_role_acknowledged_at: string | null;
    meeting_cadence: string | null;
    coverage_needs: string | null;
    review_on: string | null;
    current_agreement_version: number;
    agreement_signed_version: number;
  };
  partnership_members: {
    partnership_id: string;
    person_id: string;
    org_id: string;
    role: string;
    state: string;
    responded_at: string | null;
    decline_reason: string | null;
  };
  partnership_status_events: {
    id: string;
    partnership_id: string;
    from_status: string | null;
    to_status: string;
    reason: string | null;
    by_person_id: string;
    at: string;
  };
  partnership_profiles: {
    partnership_id: string;
    subject_id: string;
    org_id: string;
    strengths: string;
    learning_style: string;
    needs: string;
    challenges: string;
    challenge_notes: string;
    updated_at: string;
    updated_by: string;
  };
  agreement_versions: {
    partnership_id: string;
    version: number;
    org_id: string;
    content: string;
    content_hash: string;
    created_by: string;
    created_at: string;
  };
  agreement_signatures: {
    partnership_id: string;
    version: number;
    person_id: string;
    name: string;
    content_hash: string;
    signed_at: string;
  };
  notes: {
    id: string;
    org_id: string;
    partnership_id: string;
    subject_id: string;
    author_id: string;
    body: string;
    created_at: string;
    updated_at: string;
  };
  shares: {
    id: string;
    org_id: string;
    partnership_id: string;
    grantor_id: string;
    grantee_id: string;
    item_type: string | null;
    item_id: string | null;
    category: string | null;
    note: string | null;
    created_at: string;
    expires_at: string | null;
    revoked_at: string | null;
  };
  access_log: {
    id: string;
    org_id: string;
    at: string;
    actor_id: string;
    relation: string;
    subject_id: string;
    partnership_id: string;
    item_type: string;
    item_id: string | null;
    action: string;
    basis: string;
  };
  goals: {
    id: string;
    org_id: string;
    partnership_id: string;
    subject_id: string;
    title: string;
    child_outcome: string;
    success_looks_like: string;
    practice_ids: string;
    status: string;
    proposed_by: string;
    decision_note: string | null;
    decided_at: string | null;
    version: number;
    created_at: string;
    updated_at: string;
  };
  goal_steps: {
    id: string;
    org_id: string;
    goal_id: string;
    position: number;
    description: string;
    responsible: string;
    resources: string;
    due_on: string | null;
    status: string;
    completed_at: string | null;
  };
  meetings: {
    id: string;
    org_id: string;
    partnership_id: string;
    kind: string;
    starts_at: string;
    ends_at: string;
    location: string;
    agenda: string;
    status: string;
    scheduled_by: string;
    cancelled_by: string | null;
    cancel_reason: string | null;
    cancelled_at: string | null;
    late_cancellation: number;
    reschedule_count: number;
    last_reschedule_reason: string | null;
    created_at: string;
  };
  meeting_attendance: {
    meeting_id: string;
    person_id: string;
    org_id: string;
    present: number;
    on_time: number;
    prepared: number;
    note: string;
    recorded_by: string;
    recorded_at: string;
  };
  celebrations: {
    id: string;
    org_id: string;
    partnership_id: string;
    subject_id: string;
    author_id: string;
    goal_id: string | null;
    kind: string;
    text: string;
    happened_on: string;
    created_at: string;
  };
  self_ratings: { id: string; org_id: string; partnership_id: string; subject_id: string; practice_id: string; level: number; comment: string; rated_at: string };
  strength_entries: {
    id: string;
    org_id: string;
    partnership_id: string;
    subject_id: string;
    type: string;
    text: string;
    practice_id: string | null;
    author_id: string;
    created_at: string;
    retired_at: string | null;
  };
  observation_plans: {
    id: string;
    org_id: string;
    partnership_id: string;
    subject_id: string;
    meeting_id: string | null;
    goal_id: string | null;
    focus: string;
    current_picture: string;
    success_looks_like: string;
    look_for: string;
    mode: string;
    when_text: string;
    /** JSON of DataForm. */
    data_form: string;
    status: string;
    confirmed_at: string | null;
    created_by: string;
    version: number;
    created_at: string;
    updated_at: string;
  };
  reflections: {
    id: string;
    org_id: string;
    partnership_id: string;
    subject_id: string;
    author_id: string;
    voice: string;
    /** JSON of [{key, prompt, answer}]. */
    answers: string;
    meeting_id: string | null;
    plan_id: string | null;
    /** The observation it looks back on (the coachee speaks first on each one). */
    observation_id: string | null;
    goal_id: string | null;
    /** JSON array of the step descriptions added to the goal. */
    added_steps: string;
    created_at: string;
  };
  messages: {
    id: string;
    org_id: string;
    partnership_id: string;
    subject_id: string;
    kind: string;
    body: string;
    author_id: string;
    requested_from: string | null;
    fulfilled_at: string | null;
    fulfilled_by: string | null;
    fulfilment_note: string | null;
    created_at: string;
  };
  concerns: {
    id: string;
    org_id: string;
    partnership_id: string;
    subject_id: string;
    author_id: string;
    description: string;
    status: string;
    created_at: string;
    discussion_summary: string | null;
    coachee_view: string | null;
    discussed_on: string | null;
    discussion_recorded_at: string | null;
    escalated_to: string | null;
    escalation_reason: string | null;
    escalated_at: string | null;
    resolved_at: string | null;
    resolution_note: string | null;
  };
  calendar_feeds: { token_hash: string; org_id: string; person_id: string; created_at: string; revoked_at: string | null };
  reminders: {
    id: string;
    org_id: string;
    person_id: string;
    partnership_id: string;
    kind: string;
    key: string;
    text: string;
    due_at: string;
    created_at: string;
    emailed_at: string | null;
    dismissed_at: string | null;
  };
  reminder_preferences: { person_id: string; email: number };
  /** A seating chart or room map of one coachee's classroom; `version` is the current one (classroom_layout_versions). */
  classroom_layouts: {
    id: string;
    org_id: string;
    partnership_id: string;
    subject_id: string;
    /** 'seating_chart' or 'room_map'. */
    kind: string;
    name: string;
    version: number;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  /** Every saved version of a layout, never changed. */
  classroom_layout_versions: {
    layout_id: string;
    version: number;
    org_id: string;
    name: string;
    /** JSON array of {id, type, label, x, y, w, h}. */
    elements: string;
    created_by: string;
    created_at: string;
  };
  /** An observation carried out (coaching content of kind "observation"). */
  observations: {
    id: string;
    org_id: string;
    partnership_id: string;
    subject_id: string;
    plan_id: string | null;
    meeting_id: string | null;
    focus: string;
    /** 'live' or 'recorded'. */
    mode: string;
    /** 'recording' or 'ended'. */
    status: string;
    /** JSON array of the tools in use with their configuration. */
    tools: string;
    started_at: string;
    ended_at: string | null;
    ended_by: string | null;
    /** The clip (artifact) the tools ran on: started_at is its first moment, started_at + clip_duration_ms its last. */
    clip_id: string | null;
    clip_duration_ms: number | null;
    created_by: string;
    created_at: string;
    updated_at: string;
    version: number;
  };
  /** What was recorded, append-only; the id comes from the device. */
  observation_events: {
    id: string;
    org_id: string;
    observation_id: string;
    tool: string;
    type: string;
    /** JSON, as validated for the tool and type. */
    payload: string;
    device_at: string;
    received_at: string;
    author_id: string;
  };
  /** Written feedback on an observation (coaching content of kind "feedback"). */
  feedback: {
    id: string;
    org_id: string;
    partnership_id: string;
    /** The observation it is written on, or null when it is written on a clip (artifact_id). */
    observation_id: string | null;
    artifact_id: string | null;
    subject_id: string;
    author_id: string;
    /** The goal, and optionally its step, the feedback carries over to. */
    goal_id: string | null;
    step_id: string | null;
    /** draft | sent */
    status: string;
    /** JSON array of FeedbackBlock (shared/src/api.ts). */
    blocks: string;
    version: number;
    created_at: string;
    updated_at: string;
    sent_at: string | null;
  };
  /** Photos, documents and student work (coaching content of kind "artifact"); the bytes are in the artifact storage. */
  artifacts: {
    id: string;
    org_id: string;
    partnership_id: string;
    /** The coachee whose content it is. */
    subject_id: string;
    uploaded_by: string;
    observation_id: string | null;
    goal_id: string | null;
    note: string;
    /** As the uploader's device named it (content: it may say whose work it is). */
    file_name: string;
    /** Decided from the bytes, never from the name: image/jpeg, image/png or application/pdf. */
    content_type: string;
    byte_size: number;
    storage_key: string;
    thumb_key: string | null;
    width: number | null;
    height: number | null;
    created_at: string;
    updated_at: string;
    /** A video or audio clip's length as ffprobe read it (null: not a clip, or not read). */
    duration_ms: Generated<number | null>;
    /** 1/0 once ffprobe read the clip's tracks; null otherwise. */
    has_audio: Generated<number | null>;
    has_video: Generated<number | null>;
    /** What could not be read of a clip, as comma-separated codes (MEDIA_NOTES in artifacts/media.ts); null: nothing missing. */
    media_note: Generated<string | null>;
    /** When the coachee it is about said she has watched it (others' comments wait for her until then). */
    coachee_watched_at: Generated<string | null>;
    /** The resumable upload (/api/uploads/:id) it was finished from; unique. */
    upload_id: Generated<string | null>;
  };
  /** Comments at moments of a clip (content of the artifact, kind "artifact"). */
  artifact_comments: {
    id: string;
    org_id: string;
    artifact_id: string;
    partnership_id: string;
    /** The coachee the clip is about. */
    subject_id: string;
    author_id: string;
    /** Where in the clip, in milliseconds from its start. */
    at_ms: number;
    body: string;
    /** JSON array of practice ids of the organization's framework. */
    tags: string;
    goal_id: string | null;
    /** A step of that goal's plan (no foreign key: plans rewrite their steps, see the 0012 migration). */
    step_id: string | null;
    created_at: string;
    updated_at: string;
  };
  /** The administrator–coach partnership meeting (issue 12): who holds it, where it is, and its own version. */
  admin_meetings: {
    id: string;
    org_id: string;
    site_id: string | null;
    title: string;
    /** e.g. 2026–2027. */
    school_year: string;
    scheduled_for: string | null;
    /** draft | live | ended */
    status: string;
    /** 1–9 (shared/src/admin-meetings.ts). */
    current_step: number;
    note_taker_id: string | null;
    created_by: string;
    /** The meeting's own fields (status, step, note-taker): version-checked writes. */
    version: number;
    /** The number of its last event (any change): what Last-Event-ID counts. */
    last_event: number;
    created_at: string;
    updated_at: string;
    started_at: string | null;
    ended_at: string | null;
  };
  admin_meeting_participants: { meeting_id: string; person_id: string; org_id: string; /** principal | assistant_principal | coach | facilitator | other */ role: string; created_at: string };
  /** One interval of one step; a step returned to has several. */
  admin_meeting_steps: { id: string; meeting_id: string; org_id: string; step: number; started_at: string; ended_at: string | null };
  admin_meeting_norms: { id: string; meeting_id: string; org_id: string; text: string; author_id: string; agreed_at: string | null; revised_at: string | null; version: number; created_at: string; updated_at: string };
  /** The note-taker's record. */
  admin_meeting_notes: { id: string; meeting_id: string; org_id: string; step: number; text: string; author_id: string; created_at: string; updated_at: string };
  /** Numbered changes of a meeting, replayed to a screen that reconnects (no content: what changed, and when). */
  admin_meeting_events: { meeting_id: string; seq: number; org_id: string; kind: string; created_at: string };
  /** A participant's own picks among the ten coaching roles (shared/src/admin-meetings.ts). */
  admin_meeting_role_picks: { meeting_id: string; person_id: string; role_key: string; org_id: string; created_at: string };
  /** A settled set of 3–5 roles; scope '' is the whole group, else a team or subject. roles: JSON array of role keys. */
  admin_meeting_role_sets: { id: string; meeting_id: string; org_id: string; scope: string; roles: string; recorded_by: string; version: number; created_at: string; updated_at: string };
  /** challenge | strength | confidentiality: a line any participant adds. */
  admin_meeting_items: { id: string; meeting_id: string; org_id: string; kind: string; text: string; author_id: string; version: number; created_at: string; updated_at: string };
  /** A topic a participant marked as a key concern. */
  admin_meeting_concerns: { meeting_id: string; topic_key: string; person_id: string; org_id: string; created_at: string };
  /** A topic's recorded answer: status agreed | not_relevant; names_may_be_used 1/0 only on the naming question. */
  admin_meeting_answers: { meeting_id: string; topic_key: string; org_id: string; status: string; text: string; names_may_be_used: number | null; answered_by: string; version: number; created_at: string; updated_at: string };
  /** The written agreement's plan and state: who drafts it by when, the latest version (0: none), the version all signed. */
  admin_meeting_agreements: { meeting_id: string; org_id: string; drafter_id: string | null; due_on: string | null; version: number; current_version: number; signed_version: number | null; signed_at: string | null; updated_at: string };
  /** A frozen version of the written agreement (JSON snapshot) and its SHA-256 content hash. */
  admin_meeting_agreement_versions: { meeting_id: string; version: number; org_id: string; content: string; content_hash: string; created_by: string; created_at: string };
  admin_meeting_signatures: { meeting_id: string; version: number; person_id: string; org_id: string; name: string; content_hash: string; signed_at: string };
  /** What the group agreed about its future meetings (step 9). */
  admin_meeting_rules: { meeting_id: string; org_id: string; cancellation_rule: string; absence_rule: string; invitations_by: string | null; version: number; updated_by: string; updated_at: string };
  /** A future meeting: one calendar event, updated in place (sequence) when moved or cancelled. */
  admin_meeting_dates: { id: string; meeting_id: string; org_id: string; starts_at: string; minutes: number; place: string; /** scheduled | cancelled */ status: string; sequence: number; version: number; created_by: string; created_at: string; updated_at: string; cancelled_at: string | null };
  admin_meeting_attendance: { date_id: string; person_id: string; org_id: string; /** present | absent_notice | absent */ status: string; recorded_by: string; recorded_at: string };
  /** The supervisor's own signature on the supervisor's commitments, kept by their hash (issue 12, item 6). */
  supervisor_signatures: { id: string; org_id: string; partnership_id: string; person_id: string; name: string; version: number; commitments_hash: string; signed_at: string };
  /** A check-in the supervisor of a coachee schedules: logistics only. */
  supervisor_checkins: { id: string; org_id: string; partnership_id: string; starts_at: string; minutes: number; place: string; /** scheduled | cancelled */ status: string; scheduled_by: string; reschedule_count: number; created_at: string; updated_at: string; cancelled_at: string | null };
  /** Cover a partner asks the supervisor for; fixed lists, no free text. */
  coverage_requests: { id: string; org_id: string; partnership_id: string; requested_by: string; cover_for: string; on_date: string; from_time: string; to_time: string; purpose: string; /** pending | confirmed | declined */ status: string; decline_reason: string | null; answered_by: string | null; answered_at: string | null; created_at: string };
  /** A coach's own time by activity (issue 12, item 7); note is the coach's alone, never in a total. starts_at/ends_at: HH:MM. */
  work_log_entries: { id: string; org_id: string; coach_id: string; worked_on: string; activity: string; minutes: number; starts_at: string | null; ends_at: string | null; partnership_id: string | null; note: string | null; created_at: string; updated_at: string };
  /** Reads of a coach's totals by an administrator, one row per reader and day ("seen by"). */
  work_log_reads: { org_id: string; coach_id: string; reader_id: string; read_on: string; times: number; last_at: string };
  /** The program leader's welcome on the program page (issue 12, item 8), in the leader's own words. */
  program_pages: { org_id: string; welcome: string; updated_by: string; updated_at: string };
  /** A teacher's answer to "would you like a coach?": one row per person, changed in place. Never shown to a supervisor. */
  enrolments: { id: string; org_id: string; person_id: string; /** volunteered | declined | withdrawn | partnered */ status: string; format: string | null; preferred_coach_id: string | null; /** now | this_term | next_term */ starts: string | null; partnership_id: string | null; created_at: string; updated_at: string };
  /** A participant's words about the program; shown only with consent (named | anonymous) and the leader's approval. */
  testimonials: { id: string; org_id: string; author_id: string; /** coach | teacher */ author_role: string; text: string; /** none | named | anonymous */ consent: string; consented_at: string | null; approved_by: string | null; approved_at: string | null; created_at: string; updated_at: string };
}
