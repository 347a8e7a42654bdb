import { useState } from 'react';
import { ManualOrderDialog } from './manual-order-dialog';

/** Phone and counter orders start here. */
export function NewOrderButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="orders-new">New order</button>
      {open ? <ManualOrderDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
