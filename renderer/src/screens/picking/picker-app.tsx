import { useState } from 'react';
import { PickLists } from './pick-lists';
import { PickRun } from './pick-run';
import './picking.css';

/**
 * What a phone or tablet shows (#picker): only the pick lists and the walk, with big touch targets.
 * No camera: the phone's scanner app or a Bluetooth scanner types into the scan field.
 */
export function PickerApp() {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <div className="picker-app" data-testid="picker-app">
      <header className="picker-bar"><span className="brand">Packbench</span> <span>Picking</span></header>
      <main className="picking picker-main">
        {open === null ? <PickLists compact onOpen={setOpen} /> : <PickRun listId={open} onClose={() => setOpen(null)} />}
      </main>
    </div>
  );
}
