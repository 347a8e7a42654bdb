/**
 * Beeps and buzzes from an oscillator (no audio files to ship or load). A packer reacts to sound before
 * they look at the screen, so the two sounds differ in every way at once: pitch, length, loudness, timbre.
 */

type Tone = { frequency: number; ms: number; type: OscillatorType; gain: number; startMs?: number };

let context: AudioContext | null = null;
let muted = false;

function audio(): AudioContext | null {
  if (muted) return null;
  if (!context) {
    try {
      context = new AudioContext({ latencyHint: 'interactive' });
    } catch {
      muted = true; // no audio device: the colours still tell the story
      return null;
    }
  }
  return context;
}

/**
 * Creating the audio context takes tens of milliseconds; done while the station starts, not on the
 * first key of the first scan, where the pause would split the scan in two.
 */
export function warmUpAudio(): void {
  audio();
}

/**
 * Browsers start audio suspended until the page has had a key press or a click; call this from one
 * (every key the scanner types is one) so the first beep is not lost.
 */
export function primeAudio(): void {
  const ctx = audio();
  if (ctx && ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
}

function play(tones: Tone[]): void {
  const ctx = audio();
  if (!ctx) return;
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  const now = ctx.currentTime;
  for (const t of tones) {
    const start = now + (t.startMs ?? 0) / 1000;
    const end = start + t.ms / 1000;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = t.type;
    osc.frequency.setValueAtTime(t.frequency, start);
    // short ramps: a hard start or stop clicks, and a click reads as a fault
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(t.gain, start + 0.005);
    gain.gain.setValueAtTime(t.gain, end - 0.01);
    gain.gain.linearRampToValueAtTime(0, end);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start);
    osc.stop(end + 0.02);
  }
}

/** A right item: one short, high, soft beep. */
export function playAccepted(): void {
  play([{ frequency: 1760, ms: 70, type: 'sine', gain: 0.25 }]);
}

/** Anything refused: a long, low, loud, rough buzz in two pulses that cannot be mistaken for the beep. */
export function playBlocked(): void {
  play([
    { frequency: 140, ms: 260, type: 'sawtooth', gain: 0.8 },
    { frequency: 110, ms: 320, type: 'square', gain: 0.6, startMs: 300 },
  ]);
}

/** The parcel is closed: a rising pair. */
export function playCompleted(): void {
  play([
    { frequency: 1046, ms: 90, type: 'sine', gain: 0.25 },
    { frequency: 1568, ms: 140, type: 'sine', gain: 0.25, startMs: 110 },
  ]);
}
