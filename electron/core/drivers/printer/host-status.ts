// Parser for the Zebra ~HS (host status) reply. Field layout per the ZPL II Programming
// Guide, ~HS: three <STX>…<ETX><CR><LF> strings.
//   1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l  b paper out, c pause, dddd label length (dots),
//      eee formats in receive buffer, f buffer full, g comms diagnostic mode,
//      h partial format, iii unused, j corrupt RAM, k under temperature, l over temperature
//   2: mmm,n,o,p,q,r,…                   o head up, p ribbon out, q thermal transfer mode,
//      r print mode, then fields this parser does not need
//   3: xxxx,y                            password, static RAM installed
// Printers differ in how many trailing fields they send, so only the fields we act on
// are required. Pure: never throws, whatever bytes arrive.

import { problem, statusOf, type PrinterProblem, type PrinterStatus } from './printer';

const STX = 0x02;
const ETX = 0x03;

export type HostStatus = {
  paperOut: boolean;
  paused: boolean;
  labelLengthDots?: number;
  formatsInBuffer?: number;
  bufferFull?: boolean;
  partialFormat?: boolean;
  corruptRam?: boolean;
  underTemperature?: boolean;
  overTemperature?: boolean;
  /** Undefined when the printer sent string 1 only. */
  headUp?: boolean;
  ribbonOut?: boolean;
  thermalTransfer?: boolean;
  /** String 2 "uuuuuuuu": labels of the current batch still to print. */
  labelsRemaining?: number;
};

export type HostStatusResult = { ok: true; host: HostStatus } | { ok: false; reason: string };

function toText(reply: string | Uint8Array): string {
  return typeof reply === 'string' ? reply : Buffer.from(reply).toString('latin1');
}

/** A real ~HS reply is about 100 bytes; anything past this is not a status reply and is not read on. */
export const HOST_STATUS_REPLY_LIMIT = 1024;

/** True once a reply holds the three ETX-terminated strings, so a reader can stop waiting. */
export function isHostStatusComplete(reply: string | Uint8Array): boolean {
  const text = toText(reply);
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === ETX) count++;
  return count >= 3;
}

function segments(text: string): string[] {
  const found: string[] = [];
  let at = text.indexOf(String.fromCharCode(STX));
  while (at !== -1) {
    const end = text.indexOf(String.fromCharCode(ETX), at + 1);
    if (end === -1) break;
    // A later STX before the ETX means the first string was cut short: start again from it.
    const restart = text.lastIndexOf(String.fromCharCode(STX), end);
    found.push(text.slice(restart + 1, end));
    at = text.indexOf(String.fromCharCode(STX), end + 1);
  }
  return found;
}

type Fields = { flag(i: number): boolean | undefined; num(i: number): number | undefined };

function fields(segment: string): Fields {
  const parts = segment.split(',').map((p) => p.trim());
  return {
    flag: (i) => (parts[i] === '1' ? true : parts[i] === '0' ? false : undefined),
    num: (i) => {
      const p = parts[i];
      return p !== undefined && /^\d+$/.test(p) ? Number(p) : undefined;
    },
  };
}

export function parseHostStatus(reply: string | Uint8Array): HostStatusResult {
  const text = toText(reply);
  const [first, second] = segments(text);
  if (first === undefined) {
    return { ok: false, reason: text.length === 0 ? 'the reply was empty' : 'the reply has no <STX>…<ETX> status string' };
  }
  const s1 = fields(first);
  const paperOut = s1.flag(1);
  const paused = s1.flag(2);
  if (s1.num(0) === undefined || paperOut === undefined || paused === undefined) {
    return { ok: false, reason: `the first status string "${printable(first)}" is not in the ~HS layout` };
  }
  const host: HostStatus = {
    paperOut,
    paused,
    labelLengthDots: s1.num(3),
    formatsInBuffer: s1.num(4),
    bufferFull: s1.flag(5),
    partialFormat: s1.flag(7),
    corruptRam: s1.flag(9),
    underTemperature: s1.flag(10),
    overTemperature: s1.flag(11),
  };
  if (second !== undefined) {
    const s2 = fields(second);
    if (s2.num(0) !== undefined) {
      host.headUp = s2.flag(2);
      host.ribbonOut = s2.flag(3);
      host.thermalTransfer = s2.flag(4);
      host.labelsRemaining = s2.num(8);
    }
  }
  return { ok: true, host };
}

function printable(s: string): string {
  const clean = s.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

export function hostStatusProblems(result: HostStatusResult): PrinterProblem[] {
  if (!result.ok) {
    return [
      {
        code: 'unknown',
        words: `Its status reply could not be read (${result.reason}), so paper and print head could not be checked.`,
      },
    ];
  }
  const h = result.host;
  const problems: PrinterProblem[] = [];
  if (h.paperOut) problems.push(problem('paper-out'));
  if (h.headUp === true) problems.push(problem('head-open'));
  // A direct-thermal printer has no ribbon, so its ribbon flag says nothing about printing.
  if (h.ribbonOut === true && h.thermalTransfer !== false) problems.push(problem('ribbon-out'));
  if (h.paused) problems.push(problem('paused'));
  if (h.bufferFull === true) problems.push(problem('buffer-full'));
  if (h.headUp === undefined) {
    problems.push({ code: 'unknown', words: 'It did not report its print head and ribbon, so those could not be checked.' });
  }
  if (h.overTemperature === true) {
    problems.push({ code: 'unknown', words: 'Its print head is too hot: let it cool down for a few minutes.' });
  }
  if (h.underTemperature === true) {
    problems.push({ code: 'unknown', words: 'It is too cold to print well: move it somewhere warmer or let it warm up.' });
  }
  if (h.corruptRam === true) {
    problems.push({ code: 'unknown', words: 'It lost its saved settings: check the label size and darkness, then calibrate it.' });
  }
  return problems;
}

/** `who` names the printer for the message, e.g. "Printer 'Bench Zebra' at 10.0.0.5:9100". */
export function hostStatusToPrinterStatus(who: string, reply: string | Uint8Array): PrinterStatus {
  return statusOf(who, hostStatusProblems(parseHostStatus(reply)));
}
