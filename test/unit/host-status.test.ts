import { describe, expect, it } from 'vitest';
import {
  hostStatusToPrinterStatus,
  isHostStatusComplete,
  parseHostStatus,
} from '../../electron/core/drivers/printer/host-status';

const STX = '\x02';
const ETX = '\x03';
const line = (s: string): string => `${STX}${s}${ETX}\r\n`;
const WHO = "Printer 'Bench Zebra' at 192.168.1.50:9100";

// Shapes as printed in the ZPL II guide: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l / mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www / xxxx,y
function reply(o: { paperOut?: 0 | 1; paused?: 0 | 1; bufferFull?: 0 | 1; headUp?: 0 | 1; ribbonOut?: 0 | 1; thermal?: 0 | 1; overTemp?: 0 | 1 } = {}): string {
  return (
    line(`030,${o.paperOut ?? 0},${o.paused ?? 0},1218,000,${o.bufferFull ?? 0},0,0,000,0,0,${o.overTemp ?? 0}`) +
    line(`001,0,${o.headUp ?? 0},${o.ribbonOut ?? 0},${o.thermal ?? 1},2,6,0,00000000,1,000`) +
    line('1234,0')
  );
}

const codes = (r: string): string[] => hostStatusToPrinterStatus(WHO, r).problems.map((p) => p.code);

describe('parseHostStatus', () => {
  it('reads a healthy printer as ready', () => {
    const parsed = parseHostStatus(reply());
    expect(parsed).toMatchObject({ ok: true, host: { paperOut: false, paused: false, headUp: false, ribbonOut: false, labelLengthDots: 1218, formatsInBuffer: 0 } });
    const status = hostStatusToPrinterStatus(WHO, reply());
    expect(status).toEqual({ ready: true, problems: [], message: `${WHO} is ready.` });
  });

  it('reads each flag from its field', () => {
    expect(codes(reply({ paperOut: 1 }))).toEqual(['paper-out']);
    expect(codes(reply({ paused: 1 }))).toEqual(['paused']);
    expect(codes(reply({ headUp: 1 }))).toEqual(['head-open']);
    expect(codes(reply({ ribbonOut: 1 }))).toEqual(['ribbon-out']);
    expect(codes(reply({ bufferFull: 1 }))).toEqual(['buffer-full']);
    expect(codes(reply({ paperOut: 1, headUp: 1, paused: 1 }))).toEqual(['paper-out', 'head-open', 'paused']);
  });

  it('says what is wrong and what to do, and is not ready when the label cannot come out', () => {
    const status = hostStatusToPrinterStatus(WHO, reply({ paperOut: 1, paused: 1 }));
    expect(status.ready).toBe(false);
    expect(status.message).toBe(
      `${WHO} is not ready. It is out of labels: load a new roll and close the print head. It is paused: press PAUSE on the printer to resume.`,
    );
  });

  it('stays ready when only the buffer is full or the head is hot', () => {
    expect(hostStatusToPrinterStatus(WHO, reply({ bufferFull: 1 })).ready).toBe(true);
    const hot = hostStatusToPrinterStatus(WHO, reply({ overTemp: 1 }));
    expect(hot.ready).toBe(true);
    expect(hot.message).toContain('too hot');
  });

  it('ignores the ribbon flag of a direct-thermal printer', () => {
    expect(codes(reply({ ribbonOut: 1, thermal: 0 }))).toEqual([]);
  });

  it('accepts a reply split by other bytes, with fewer trailing fields, or as bytes', () => {
    const short = `junk${line('030,1,0,1218')}\r\n${line('001,0,1,0')}`;
    expect(codes(short)).toEqual(['paper-out', 'head-open']);
    expect(hostStatusToPrinterStatus(WHO, new Uint8Array(Buffer.from(reply({ paused: 1 }), 'latin1'))).problems.map((p) => p.code)).toEqual(['paused']);
  });

  it('reports string 1 alone, saying head and ribbon were not checked', () => {
    const status = hostStatusToPrinterStatus(WHO, line('030,0,0,1218,000,0,0,0,000,0,0,0'));
    expect(status.ready).toBe(true);
    expect(status.problems).toEqual([{ code: 'unknown', words: expect.stringContaining('print head and ribbon') }]);
  });

  it.each([
    ['empty', ''],
    ['plain text', 'HELLO WORLD'],
    ['no ETX', `${STX}030,0,0,1218`],
    ['letters in flags', line('030,x,y,1218') + line('001,0,0,0')],
    ['a flag that is not 0 or 1', line('030,2,0,1218') + line('001,0,0,0')],
    ['binary noise', String.fromCharCode(...Array.from({ length: 64 }, (_, i) => (i * 37) % 256))],
    ['an SGD reply without STX/ETX', '"030,0,0,1218,000,0,0,0,000,0,0,0"'],
  ])('turns %s into an unknown status without throwing', (_label, text) => {
    expect(parseHostStatus(text).ok).toBe(false);
    const status = hostStatusToPrinterStatus(WHO, text);
    expect(status.ready).toBe(true);
    expect(status.problems).toHaveLength(1);
    expect(status.problems[0]?.code).toBe('unknown');
    expect(status.message).toMatch(/could not be read .*paper and print head could not be checked/);
  });

  it('recovers when a string is cut short and a new one starts', () => {
    const cut = `${STX}030,1,0${STX}030,0,1,1218${ETX}\r\n${line('001,0,0,0,1,2,6,0,00000000,1,000')}`;
    expect(codes(cut)).toEqual(['paused']);
  });

  it('knows when all three strings have arrived', () => {
    const full = reply();
    expect(isHostStatusComplete(full)).toBe(true);
    expect(isHostStatusComplete(full.slice(0, full.lastIndexOf(ETX)))).toBe(false);
    expect(isHostStatusComplete(Buffer.from(full, 'latin1'))).toBe(true);
  });
});
