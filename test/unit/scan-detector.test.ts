import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScan } from '../../shared/codes';
import {
  createScanDetector,
  decodeKey,
  keyStrokesFor,
  layoutCharacters,
  type LayoutId,
  type PushResult,
  type ScanDetectorOptions,
  type ScanKeyEvent,
} from '../../shared/scan';

const LAYOUT_IDS: LayoutId[] = ['us', 'de', 'fr'];
const GS = '\u001d';

const key = (code: string, keyValue: string, timeStamp: number, mods: Partial<ScanKeyEvent> = {}): ScanKeyEvent => ({
  code,
  key: keyValue,
  timeStamp,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});
const enter = (t: number) => key('Enter', 'Enter', t);
const ctrlBracket = (t: number, osKey = ']') => key('BracketRight', osKey, t, { ctrlKey: true });

/**
 * Key events for `text` as a wedge scanner set to `scannerLayout` types it, seen by an OS set to
 * `osLayout`. `pick` chooses among the strokes that type a character; AltGr comes as Ctrl+Alt
 * (Windows) unless `altGraphFlag`.
 */
function typeText(
  text: string,
  times: number[],
  scannerLayout: LayoutId,
  osLayout: LayoutId = scannerLayout,
  pick: (n: number, i: number) => number = () => 0,
  altGraphFlag = false,
): ScanKeyEvent[] {
  return [...text].map((ch, i) => {
    const t = times[i] ?? 0;
    if (ch === GS) return ctrlBracket(t);
    const strokes = keyStrokesFor(scannerLayout, ch);
    const s = strokes[pick(strokes.length, i) % strokes.length];
    if (!s) throw new Error(`no key types ${ch} on ${scannerLayout}`);
    const osKey = decodeKey(osLayout, s.code, s.shift, s.altGr) ?? 'Dead';
    const altGrMods = altGraphFlag ? { altGraphKey: true } : { ctrlKey: true, altKey: true };
    return key(s.code, osKey, t, { shiftKey: s.shift, ...(s.altGr ? altGrMods : {}) });
  });
}

function cumulative(start: number, gaps: number[]): number[] {
  let t = start;
  return gaps.map((g, i) => (i === 0 ? t : (t += g)));
}

const scanCase = (layout: LayoutId, maxGapMs: number) =>
  fc
    .record({
      chars: fc.array(fc.constantFrom(...layoutCharacters(layout)), { minLength: 1, maxLength: 40 }),
      minLength: fc.integer({ min: 1, max: 8 }),
      gaps: fc.array(fc.integer({ min: 0, max: maxGapMs - 1 }), { minLength: 41, maxLength: 41 }),
      picks: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
      start: fc.integer({ min: 0, max: 1e9 }),
      altGraphFlag: fc.boolean(),
    })
    .filter((c) => c.chars.length >= c.minLength);

function runAll(options: ScanDetectorOptions, events: ScanKeyEvent[]): PushResult[] {
  const d = createScanDetector(options);
  return events.map((e) => d.push(e));
}

describe('layouts', () => {
  it.each(LAYOUT_IDS)('%s: every stroke for a character decodes back to it', (layout) => {
    for (const ch of layoutCharacters(layout)) {
      for (const s of keyStrokesFor(layout, ch)) expect(decodeKey(layout, s.code, s.shift, s.altGr)).toBe(ch);
    }
  });

  it('covers the GS1 character set on every layout', () => {
    const cset82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;
    for (const layout of LAYOUT_IDS) for (const ch of cset82) expect(keyStrokesFor(layout, ch), `${layout} ${ch}`).not.toEqual([]);
  });

  it('knows the positions that differ', () => {
    expect(decodeKey('de', 'KeyY', false)).toBe('z');
    expect(decodeKey('fr', 'KeyQ', true)).toBe('A');
    expect(decodeKey('fr', 'Digit1', false)).toBe('&');
    expect(decodeKey('fr', 'Digit1', true)).toBe('1');
    expect(decodeKey('de', 'KeyQ', false, true)).toBe('@');
    expect(decodeKey('de', 'Equal', false)).toBeUndefined(); // dead key
  });
});

describe('scan detector', () => {
  it.each(LAYOUT_IDS)('(a) detects any code a %s scanner types within the gap', (layout) => {
    fc.assert(
      fc.property(scanCase(layout, 40), (c) => {
        const text = c.chars.join('');
        const times = cumulative(c.start, c.gaps);
        const events = typeText(text, times, layout, layout, (n, i) => c.picks[i] ?? 0, c.altGraphFlag);
        const endAt = (times[c.chars.length - 1] ?? 0) + (c.gaps[40] ?? 0);
        const results = runAll({ layout, minLength: c.minLength }, [...events, enter(endAt)]);
        expect(results.slice(0, -1).every((r) => r.action === 'buffer' && !r.scan && !r.released)).toBe(true);
        expect(results.at(-1)).toEqual({ action: 'scan', scan: { text, firstKeyAt: c.start, lastKeyAt: endAt } });
      }),
      { numRuns: 300 },
    );
  });

  it('(a) honours maxGapMs and the Tab suffix', () => {
    fc.assert(
      fc.property(scanCase('us', 15), (c) => {
        const text = c.chars.join('');
        const times = cumulative(c.start, c.gaps);
        const last = times[c.chars.length - 1] ?? 0;
        const d = createScanDetector({ minLength: c.minLength, maxGapMs: 15, suffix: 'Tab' });
        for (const e of typeText(text, times, 'us')) d.push(e);
        expect(d.push(key('Tab', 'Tab', last + 15)).scan?.text).toBe(text);
      }),
    );
  });

  it('(b) never reports human typing as a scan', () => {
    const human = fc.record({
      layout: fc.constantFrom(...LAYOUT_IDS),
      chars: fc.array(fc.constantFrom(...layoutCharacters('us').filter((ch) => /[a-z0-9]/.test(ch))), { minLength: 1, maxLength: 30 }),
      gaps: fc.array(fc.integer({ min: 41, max: 2000 }), { minLength: 32, maxLength: 32 }),
      enters: fc.array(fc.boolean(), { minLength: 32, maxLength: 32 }),
      suffix: fc.constantFrom('Enter', 'Tab', 'none' as const),
      minLength: fc.integer({ min: 2, max: 8 }),
    });
    fc.assert(
      fc.property(human, (c) => {
        const d = createScanDetector({ layout: 'us', suffix: c.suffix, minLength: c.minLength });
        const times = cumulative(1000, c.gaps);
        const typed = typeText(c.chars.join(''), times, 'us', c.layout);
        const events = typed.flatMap((e, i) => (c.enters[i] ? [e, enter((times[i] ?? 0) + (c.gaps[i + 1] ?? 41) / 2 + 41)] : [e]));
        events.sort((a, b) => a.timeStamp - b.timeStamp);
        for (const e of events) {
          expect(d.flush(e.timeStamp).scan).toBeUndefined();
          expect(d.push(e).scan).toBeUndefined();
        }
        expect(d.flush(1e12).scan).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('(c) decodes a US scanner on an AZERTY system from key positions, not OS characters', () => {
    const events = typeText('1234', [0, 5, 10, 15], 'us', 'fr');
    expect(events.map((e) => e.key)).toEqual(['&', 'é', '"', "'"]);
    expect(runAll({ layout: 'us' }, [...events, enter(20)]).at(-1)?.scan?.text).toBe('1234');

    fc.assert(
      fc.property(scanCase('us', 40), fc.constantFrom<LayoutId>('fr', 'de'), (c, os) => {
        const text = c.chars.join('');
        const times = cumulative(c.start, c.gaps);
        const events = typeText(text, times, 'us', os, (n, i) => c.picks[i] ?? 0);
        const last = times[c.chars.length - 1] ?? 0;
        expect(runAll({ layout: 'us', minLength: c.minLength }, [...events, enter(last + 1)]).at(-1)?.scan?.text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('(c) decodes an AZERTY-programmed scanner on a US system', () => {
    fc.assert(
      fc.property(scanCase('fr', 40), (c) => {
        const text = c.chars.join('');
        const times = cumulative(c.start, c.gaps);
        const events = typeText(text, times, 'fr', 'us', (n, i) => c.picks[i] ?? 0);
        const last = times[c.chars.length - 1] ?? 0;
        expect(runAll({ layout: 'fr', minLength: c.minLength }, [...events, enter(last + 1)]).at(-1)?.scan?.text).toBe(text);
      }),
    );
  });

  it('(d) skips modifier-only keys inside a burst', () => {
    const modifiers = [
      ['ShiftLeft', 'Shift'],
      ['ShiftRight', 'Shift'],
      ['ControlLeft', 'Control'],
      ['AltRight', 'AltGraph'],
      ['AltLeft', 'Alt'],
      ['MetaLeft', 'Meta'],
      ['CapsLock', 'CapsLock'],
    ] as const;
    fc.assert(
      fc.property(
        scanCase('de', 40),
        fc.array(fc.tuple(fc.nat(39), fc.constantFrom(...modifiers)), { maxLength: 20 }),
        (c, inserts) => {
          const text = c.chars.join('');
          const times = cumulative(c.start, c.gaps);
          const events = typeText(text, times, 'de', 'de', (n, i) => c.picks[i] ?? 0);
          const withMods = [...events];
          for (const [at, [code, k]] of inserts.sort((a, b) => b[0] - a[0])) {
            const pos = Math.min(at, events.length - 1);
            const t = events[pos]?.timeStamp ?? 0;
            withMods.splice(pos + 1, 0, key(code, k, t + 1, { shiftKey: k === 'Shift', ctrlKey: k === 'Control', altKey: k === 'Alt' }));
          }
          const last = times[c.chars.length - 1] ?? 0;
          const results = runAll({ layout: 'de', minLength: c.minLength }, [...withMods, enter(last + 1)]);
          expect(results.slice(0, -1).every((r) => r.action === 'buffer')).toBe(true);
          expect(results.at(-1)?.scan?.text).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('(d) does not let an auto-repeating Shift stretch slow typing into a scan', () => {
    const d = createScanDetector({ minLength: 2 });
    const results: PushResult[] = [];
    for (let t = 0; t <= 1000; t += 30) results.push(d.push(key('ShiftLeft', 'Shift', t, { shiftKey: true })));
    results.push(d.push(key('KeyA', 'A', 100, { shiftKey: true })));
    results.push(d.push(key('KeyB', 'B', 300, { shiftKey: true })));
    results.push(d.push(key('KeyC', 'C', 500, { shiftKey: true })));
    results.push(d.push(enter(700)));
    expect(results.some((r) => r.scan)).toBe(false);
  });

  it('(e) turns Ctrl+] into GS, on any OS layout', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'0123456789ABCXYZ'.split(''), GS), { minLength: 4, maxLength: 40 }),
        fc.constantFrom<LayoutId>('us', 'de', 'fr'),
        (chars, os) => {
          const text = chars.join('');
          const times = chars.map((_, i) => i * 3);
          const events = typeText(text, times, 'us', os).map((e) => (e.code === 'BracketRight' && e.ctrlKey ? { ...e, key: decodeKey(os, 'BracketRight', false) ?? 'Dead' } : e));
          expect(runAll({ layout: 'us' }, [...events, enter(chars.length * 3)]).at(-1)?.scan?.text).toBe(text);
        },
      ),
    );
  });

  it('(e) turns the GS replacement character into GS, and the result parses as GS1', () => {
    const code = '0109506000134352' + '10LOT7|21SN42|17201225';
    const events = typeText(code, [...code].map((_, i) => i * 2), 'us');
    const r = runAll({ layout: 'us', gsReplacement: '|' }, [...events, enter(code.length * 2)]).at(-1);
    expect(r?.scan?.text).toBe(code.replaceAll('|', GS));
    expect(parseScan(r?.scan?.text ?? '')).toMatchObject({ kind: 'gs1', lot: 'LOT7', serial: 'SN42', expiry: '2020-12-25' });

    const viaCtrl = [...typeText('0109506000134352' + '10LOT7', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21], 'us'), ctrlBracket(22), ...typeText('21SN42', [23, 24, 25, 26, 27, 28], 'us'), enter(29)];
    const text = runAll({ layout: 'us' }, viaCtrl).at(-1)?.scan?.text ?? '';
    expect(parseScan(text)).toMatchObject({ kind: 'gs1', lot: 'LOT7', serial: 'SN42' });
  });

  it('(f) with suffix none, ends a scan after maxGapMs of silence', () => {
    fc.assert(
      fc.property(scanCase('us', 40), fc.integer({ min: 1, max: 5000 }), (c, silence) => {
        const text = c.chars.join('');
        const times = cumulative(c.start, c.gaps);
        const last = times[c.chars.length - 1] ?? 0;
        const d = createScanDetector({ suffix: 'none', minLength: c.minLength });
        for (const e of typeText(text, times, 'us')) expect(d.push(e).action).toBe('buffer');
        expect(d.flush(last + 40)).toEqual({});
        expect(d.flush(last + 40 + silence)).toEqual({ scan: { text, firstKeyAt: c.start, lastKeyAt: last } });
        expect(d.flush(last + 1e6)).toEqual({});
      }),
    );
  });

  it('(f) with suffix none, reports the scan on the next key if flush was not called', () => {
    const d = createScanDetector({ suffix: 'none' });
    for (const e of typeText('ABC123', [0, 5, 10, 15, 20, 25], 'us')) d.push(e);
    expect(d.push(key('KeyX', 'x', 500))).toEqual({ action: 'buffer', scan: { text: 'ABC123', firstKeyAt: 0, lastKeyAt: 25 } });
    expect(d.flush(1000)).toEqual({ released: 'x' });
    // Enter is an ordinary key without a suffix: it ends the burst, which is long enough to be a scan.
    for (const e of typeText('XYZ789', [2000, 2001, 2002, 2003, 2004, 2005], 'us')) d.push(e);
    expect(d.push(enter(2006))).toMatchObject({ action: 'pass', scan: { text: 'XYZ789' } });
  });

  it('passes a suffix after a burst too short, releasing the held keys', () => {
    const d = createScanDetector({ minLength: 4 });
    for (const e of typeText('abc', [0, 5, 10], 'us')) expect(d.push(e).action).toBe('buffer');
    expect(d.push(enter(15))).toEqual({ action: 'pass', released: 'abc' });
    expect(d.push(enter(20))).toEqual({ action: 'pass' });
  });

  it('breaks the burst on a gap, on chords and on non-character keys', () => {
    const d = createScanDetector({ minLength: 2 });
    d.push(key('KeyA', 'a', 0));
    expect(d.push(key('KeyB', 'b', 41))).toEqual({ action: 'buffer', released: 'a' });
    expect(d.push(key('KeyC', 'c', 50, { ctrlKey: true }))).toEqual({ action: 'pass', released: 'b' });
    d.push(key('KeyD', 'd', 60));
    expect(d.push(key('ArrowLeft', 'ArrowLeft', 61))).toEqual({ action: 'pass', released: 'd' });
    d.push(key('KeyE', 'e', 70));
    expect(d.push(key('KeyV', 'v', 71, { metaKey: true }))).toEqual({ action: 'pass', released: 'e' });
    expect(d.push(enter(72))).toEqual({ action: 'pass' });
  });

  it('releases a stale partial burst of typing on flush', () => {
    const d = createScanDetector();
    for (const e of typeText('AB', [0, 1], 'us')) d.push(e);
    expect(d.dueAt()).toBe(42);
    expect(d.flush(41)).toEqual({});
    expect(d.flush(42)).toEqual({ released: 'AB' });
    expect(d.push(enter(46))).toEqual({ action: 'pass' });
  });

  it('refuses a scanner-speed burst that never got its end key, and swallows the end key if it comes late', () => {
    const d = createScanDetector();
    for (const e of typeText('ABCDE', [0, 1, 2, 3, 4], 'us')) d.push(e);
    expect(d.flush(45)).toEqual({}); // a busy computer may still deliver the rest
    expect(d.dueAt()).toBe(305);
    expect(d.flush(305)).toEqual({ refused: { reason: 'no_suffix', text: 'ABCDE', before: '', firstKeyAt: 0, lastKeyAt: 4 } });
    expect(d.push(enter(600))).toEqual({ action: 'swallow' });
    expect(d.push(enter(610))).toEqual({ action: 'pass' });
  });

  it('keeps a scan whole across a pause a busy computer puts inside it', () => {
    const code = '4006381333931';
    const times = [...code].map((_, i) => (i < 6 ? i * 2 : 250 + i * 2));
    const d = createScanDetector();
    const results = [...typeText(code, times, 'us'), enter(300)].map((e) => d.push(e));
    expect(results.slice(0, -1).every((r) => r.action === 'buffer' && !r.released && !r.refused)).toBe(true);
    expect(results.at(-1)).toEqual({ action: 'scan', scan: { text: code, firstKeyAt: 0, lastKeyAt: 300 } });
    // the end key itself late
    const e = createScanDetector();
    for (const k of typeText(code, [...code].map((_, i) => i * 2), 'us')) e.push(k);
    expect(e.push(enter(24 + 280))).toMatchObject({ action: 'scan', scan: { text: code } });
  });

  it('never cuts a scan: with a pause of up to 800 ms inside it, the code is counted whole or refused whole', () => {
    const code = '4006381333931';
    fc.assert(
      fc.property(fc.integer({ min: 1, max: code.length - 1 }), fc.integer({ min: 0, max: 790 }), fc.boolean(), (cut, pause, flushBetween) => {
        const d = createScanDetector();
        const times = [...code].map((_, i) => i * 3 + (i >= cut ? pause : 0));
        const out: Array<ReturnType<typeof d.push>> = [];
        typeText(code, times, 'us').forEach((k, i) => {
          if (flushBetween && i === cut) out.push({ action: 'pass', ...d.flush(k.timeStamp - 1) });
          out.push(d.push(k));
        });
        out.push(d.push(enter(times.at(-1)! + 3)));
        out.push({ action: 'pass', ...d.flush(1e9) });
        const scans = out.flatMap((r) => (r.scan ? [r.scan.text] : []));
        const refused = out.flatMap((r) => (r.refused ? [r.refused.text] : []));
        for (const s of scans) expect(s).toBe(code);
        if (scans.length === 0) expect(refused.at(-1)).toBe(code);
        expect(scans.length + refused.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a scan that starts right after short typing: it may be the scan with its first key cut off', () => {
    const d = createScanDetector();
    expect(d.push(key('Digit4', '4', 0))).toEqual({ action: 'buffer' });
    expect(d.flush(41)).toEqual({ released: '4' });
    for (const k of typeText('006381333931', [...'006381333931'].map((_, i) => 120 + i * 2), 'us')) d.push(k);
    expect(d.push(enter(150))).toEqual({ action: 'scan', refused: { reason: 'uneven', text: '4006381333931', before: '4', firstKeyAt: 120, lastKeyAt: 150 } });
    // a key no scanner sends in between (Backspace, Ctrl+A): the typing was not the scan's start
    const b = createScanDetector();
    b.push(key('Slash', '/', 0));
    b.flush(41);
    b.push(key('Backspace', 'Backspace', 60));
    for (const k of typeText('ABCD', [120, 122, 124, 126], 'us')) b.push(k);
    expect(b.push(enter(128))).toMatchObject({ action: 'scan', scan: { text: 'ABCD' } });
    // typing well before a scan is just typing
    const e = createScanDetector();
    e.push(key('KeyX', 'x', 0));
    e.flush(41);
    for (const k of typeText('ABCD', [1000, 1002, 1004, 1006], 'us')) e.push(k);
    expect(e.push(enter(1008))).toMatchObject({ action: 'scan', scan: { text: 'ABCD' } });
    // nor after a person's Enter
    const f = createScanDetector();
    f.push(key('KeyX', 'x', 0));
    f.flush(41);
    f.push(key('Digit2', '2', 150));
    f.flush(191);
    expect(f.push(enter(300))).toEqual({ action: 'pass' });
    for (const k of typeText('ABCD', [400, 402, 404, 406], 'us')) f.push(k);
    expect(f.push(enter(408))).toMatchObject({ action: 'scan', scan: { text: 'ABCD' } });
  });

  it('takes a burst up again when keys that reached a busy page late prove, by their time stamps, to belong to it', () => {
    // the Enter typed 2 ms after the code reached the page after the silence had already refused it
    const code = '4006381333931';
    const d = createScanDetector();
    const times = [...code].map((_, i) => i * 2);
    for (const k of typeText(code, times, 'us')) d.push(k);
    expect(d.flush(400)).toMatchObject({ refused: { reason: 'no_suffix', text: code } });
    expect(d.push(enter(26))).toEqual({ action: 'scan', scan: { text: code, firstKeyAt: 0, lastKeyAt: 26 } });
    // the first key let out as typing, the rest typed 2 ms after it
    const e = createScanDetector();
    e.push(key('Digit4', '4', 0));
    expect(e.flush(300)).toEqual({ released: '4' });
    for (const k of typeText(code.slice(1), times.slice(1), 'us')) expect(e.push(k).action).toBe('buffer');
    expect(e.push(enter(26))).toEqual({ action: 'scan', scan: { text: code, firstKeyAt: 0, lastKeyAt: 26, retracted: '4' } });
  });

  it('never cuts a scan broken in several places, whether the page saw the silences or the keys came late together', () => {
    const code = '5012378003311';
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: code.length - 1 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        (cuts, pauses, flushes) => {
          const sorted = [...cuts].sort((a, b) => a - b);
          // all pauses together stay within what the detector promises to bridge
          fc.pre(pauses.reduce((a, b) => a + b, 0) <= 790);
          const d = createScanDetector();
          const out: Array<{ scan?: { text: string; retracted?: string }; refused?: { text: string; before: string }; released?: string }> = [];
          let t = 0;
          const keys = typeText(code, [...code].map(() => 0), 'us');
          keys.forEach((k, i) => {
            const cutIndex = sorted.indexOf(i);
            if (cutIndex >= 0) {
              t += pauses[cutIndex]!;
              // the page saw the silence before the next key arrived
              if (flushes[cutIndex]) out.push(d.flush(t));
            }
            out.push(d.push({ ...k, timeStamp: t }));
            t += 2;
          });
          out.push(d.push(enter(t)));
          out.push(d.flush(1e9));
          const scans = out.flatMap((r) => (r.scan ? [r.scan] : []));
          const refused = out.flatMap((r) => (r.refused ? [r.refused] : []));
          const released = out.map((r) => r.released ?? '').join('');
          for (const s of scans) expect(s.text).toBe(code);
          if (scans.length === 0) expect(refused.at(-1)?.text).toBe(code);
          // whatever went out as typing is named, to be taken back
          const final = scans.at(-1) ?? refused.at(-1);
          const takenBack = scans.length ? (scans.at(-1)!.retracted ?? '') : refused.at(-1)!.before;
          expect(final).toBeDefined();
          expect(takenBack).toBe(released);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('treats an auto-repeating key as a person', () => {
    const d = createScanDetector();
    expect(d.push(key('KeyA', 'a', 0))).toEqual({ action: 'buffer' });
    const held = [1, 2, 3, 4, 5].map((i) => d.push(key('KeyA', 'a', 30 * i, { repeat: true })));
    expect(held[0]).toEqual({ action: 'pass', released: 'a' });
    expect(held.slice(1).every((r) => r.action === 'pass' && !r.scan)).toBe(true);
    expect(d.push(enter(200))).toEqual({ action: 'pass' });
  });

  it('requires and strips a configured prefix', () => {
    const d = createScanDetector({ prefix: '$$' });
    expect(d.push(key('KeyA', 'a', 0))).toEqual({ action: 'pass' });
    const events = typeText('$$ABCD', [10, 11, 12, 13, 14, 15], 'us');
    expect(events.map((e) => d.push(e).action)).toEqual(Array(6).fill('buffer'));
    expect(d.push(enter(16))).toEqual({ action: 'scan', scan: { text: 'ABCD', firstKeyAt: 10, lastKeyAt: 16 } });
    // A broken prefix is typing; its keys are released.
    for (const e of typeText('$', [100], 'us')) d.push(e);
    expect(d.push(key('KeyX', 'x', 101))).toEqual({ action: 'pass', released: '$' });
    // minLength counts the code without the prefix
    for (const e of typeText('$$ABC', [200, 201, 202, 203, 204], 'us')) d.push(e);
    expect(d.push(enter(205))).toEqual({ action: 'pass', released: '$$ABC' });
  });

  it('falls back to the OS character for keys the layout does not map', () => {
    const d = createScanDetector();
    for (const [i, ch] of [...'ü€ab'].entries()) d.push(key('', ch, i));
    expect(d.push(enter(4)).scan?.text).toBe('ü€ab');
  });

  it('starts over after reset', () => {
    const d = createScanDetector();
    for (const e of typeText('ABCDE', [0, 1, 2, 3, 4], 'us')) d.push(e);
    d.reset();
    expect(d.push(enter(5))).toEqual({ action: 'pass' });
  });
});
