import type { Disposition, Grade } from '../../../shared/domain/return-state';
import type { ReturnScanRecord } from '../store/returns-repo';

export type UnitState = {
  scanId: number;
  lineId: number;
  variantId: number | null;
  code: string;
  grade: Grade | null;
  disposition: Disposition | null;
  at: string;
};

export type Replayed = {
  /** units counted and not undone, in scan order, each with its latest grade */
  units: UnitState[];
  /** ids of scans an undo cancelled */
  undone: Set<number>;
  /** the last scan or grade still standing: what Ctrl+Z takes back */
  lastAction: ReturnScanRecord | undefined;
  /** the unit scanned and not graded yet */
  awaiting: UnitState | undefined;
};

/** The bench's state is the log read from the start: counted units, their grades, minus what was undone. */
export function replayScans(scans: ReturnScanRecord[]): Replayed {
  const undone = new Set<number>();
  for (const s of scans) if (s.outcome === 'undo' && s.undoesScanId !== null) undone.add(s.undoesScanId);
  const byScan = new Map<number, UnitState>();
  let lastAction: ReturnScanRecord | undefined;
  for (const s of scans) {
    if (undone.has(s.id)) continue;
    if (s.outcome === 'accepted' && s.returnLineId !== null) {
      byScan.set(s.id, { scanId: s.id, lineId: s.returnLineId, variantId: s.variantId, code: s.code, grade: null, disposition: null, at: s.createdAt });
      lastAction = s;
    } else if (s.outcome === 'graded' && s.unitScanId !== null) {
      const unit = byScan.get(s.unitScanId);
      if (!unit) continue;
      unit.grade = s.grade;
      unit.disposition = s.disposition;
      lastAction = s;
    }
  }
  const units = [...byScan.values()];
  return { units, undone, lastAction, awaiting: units.find((u) => u.grade === null) };
}
