import { useState } from 'react';
import { PickBuilder } from './pick-builder';
import { PickLists } from './pick-lists';
import { PickRun } from './pick-run';
import { TransfersPanel } from './transfers-panel';
import './picking.css';

/** The office side of picking: make lists, print them, walk one here, and see stock travelling between locations. */
export function PickingScreen() {
  const [open, setOpen] = useState<number | null>(null);
  if (open !== null) return <div className="picking" data-testid="picking-screen"><PickRun listId={open} onClose={() => setOpen(null)} /></div>;
  return (
    <div className="picking picking-desk" data-testid="picking-screen">
      <PickBuilder onMade={() => undefined} />
      <div className="picking-side">
        <PickLists onOpen={setOpen} />
        <TransfersPanel />
      </div>
    </div>
  );
}
