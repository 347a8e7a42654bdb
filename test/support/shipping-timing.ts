/** Short waits so a test sees several retries; the timeout must stay above the emulators' latency. */
export const QUICK = { retryDelaysMs: [50, 100, 200, 300], carrierTimeoutMs: 1500 };
