/** The one clock the server reads; tests move it instead of sleeping. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests: starts at a fixed date and ticks 1 ms per reading, so events keep their order. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-09-01T12:00:00.000Z')) {}
  now(): Date {
    this.current = new Date(this.current.getTime() + 1);
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date | string): void {
    this.current = new Date(date);
  }
}
