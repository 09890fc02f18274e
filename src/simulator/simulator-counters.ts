/** What the simulator did, for tests and benchmarks to assert on. */
export interface SimulatorCounters {
  /** WebSocket connections accepted. */
  connections: number;
  identifies: number;
  resumes: number;
  /** RESUMEs answered with op 9 (unknown, invalidated or too old session). */
  failedResumes: number;
  heartbeats: number;
  /** Calls to `dispatch` (one per event pushed, whatever the number of sessions). */
  dispatched: number;
  /** Dispatch frames written to sockets, replays included. */
  framesSent: number;
  /** Dispatch frames written again on RESUME. */
  framesReplayed: number;
  /** Frames written per event name, replays included. */
  sentByEvent: Record<string, number>;
  /** Dispatches a session did not get because it lacked the intent. */
  filteredByIntent: number;
  /** Dispatches that found no session to go to. */
  undelivered: number;
  /** Close codes the simulator sent. */
  closesByCode: Record<string, number>;
  memberRequests: number;
  memberRequestsRateLimited: number;
  /** REST requests served. */
  restRequests: number;
}

/** A zeroed set of counters. */
export const createCounters = (): SimulatorCounters => ({
  connections: 0,
  identifies: 0,
  resumes: 0,
  failedResumes: 0,
  heartbeats: 0,
  dispatched: 0,
  framesSent: 0,
  framesReplayed: 0,
  sentByEvent: {},
  filteredByIntent: 0,
  undelivered: 0,
  closesByCode: {},
  memberRequests: 0,
  memberRequestsRateLimited: 0,
  restRequests: 0,
});
