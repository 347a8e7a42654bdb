import { useState } from 'react';
import { LocationsPanel } from './locations-panel';
import { ReceivingPanel } from './receiving-panel';
import './warehouse.css';

type Tab = 'locations' | 'receive';

/** Where stock lives (locations, bins in walk order) and how it arrives (deliveries received by scan). */
export function WarehouseScreen() {
  const [tab, setTab] = useState<Tab>('locations');
  return (
    <section className="warehouse" aria-labelledby="warehouse-title">
      <div className="toolbar">
        <h1 id="warehouse-title" className="toolbar-title">Warehouse</h1>
        <div className="tabs" role="tablist" aria-label="Warehouse">
          <button type="button" role="tab" className="button tab" aria-selected={tab === 'locations'} onClick={() => setTab('locations')} data-testid="tab-locations">Locations and bins</button>
          <button type="button" role="tab" className="button tab" aria-selected={tab === 'receive'} onClick={() => setTab('receive')} data-testid="tab-receive">Receive a delivery</button>
        </div>
      </div>
      <div role="tabpanel" aria-label={tab === 'locations' ? 'Locations and bins' : 'Receive a delivery'}>
        {tab === 'locations' ? <LocationsPanel /> : <ReceivingPanel />}
      </div>
    </section>
  );
}
