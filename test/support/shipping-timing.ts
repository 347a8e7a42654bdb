/** Short waits so a test sees several retries; the timeout must stay above the emulators' latency. */
export const QUICK = { retryDelaysMs: [50, 100, 200, 300], carrierTimeoutMs: 1500, trackEveryMs: 0, trackPollMs: 3_600_000 };
// trackEveryMs 0: every parcel is due at each pass; the passes are run by the tests (trackPollMs keeps the timer out of the way)
