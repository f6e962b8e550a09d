/** The device-side record of a visit: write taps first, sync after, show what waits. */
export { type LocalEnding, type LocalEvent, type LocalLayout, type LocalStart, type EventState, type RecordDb, DATABASE_NAME, openRecordDb } from './store';
export { type Answer, type Transport, type Locks, type SyncOptions, BATCH_SIZE, SyncLoop, sendableBy } from './sync';
export { type RecorderOptions, type EventType, TAP_MEASURE, ObservationRecorder, apiTransport, endObservation, recordEvent, recorder, startObservation, startSync, undoEvent, validatePayload } from './recorder';
export { type SyncState, readLocalEvents, readSyncState, useLocalEnding, useLocalEvents, useOnline, useSyncState } from './hooks';
export { DEVICE_COPY_PREFIX, PERSON_KEY, forgetOnSignOut, unsentOnDevice } from './device';
export { type LayoutLike, deviceLayout, keepLayouts } from './layouts';
