import { ErrorBoundary } from './components/error-boundary';
import { NoticeBanner } from './components/notice-banner';
import { StaleKeyScreen } from './components/stale-key-screen';
import { TopBar } from './components/top-bar';
import { useClickedButtonsLetGo } from './hooks/use-clicked-buttons-let-go';
import { useScreenKeys } from './hooks/use-screen-keys';
import { useWorkspaceSync } from './hooks/use-workspace-sync';
import { InventoryScreen } from './screens/inventory/inventory-screen';
import { OrdersScreen } from './screens/orders/orders-screen';
import { PackScreen } from './screens/pack/pack-screen';
import { usePackSync } from './screens/pack/use-pack-sync';
import { PickerApp } from './screens/picking/picker-app';
import { PickingScreen } from './screens/picking/picking-screen';
import { ReturnsScreen } from './screens/returns/returns-screen';
import { PrintingScreen } from './screens/printing/printing-screen';
import { RulesScreen } from './screens/rules/rules-screen';
import { DevicesScreen } from './screens/devices/devices-screen';
import { useDeviceNotices } from './screens/devices/use-device-notices';
import { SettingsScreen } from './screens/settings/settings-screen';
import { CatalogScreen } from './screens/catalog/catalog-screen';
import { WarehouseScreen } from './screens/warehouse/warehouse-screen';
import { TeamScreen } from './screens/team/team-screen';
import { ImportScreen } from './screens/import/import-screen';
import { ShipmentsScreen } from './screens/shipments/shipments-screen';
import { SyncScreen } from './screens/sync/sync-screen';
import { StockScreen } from './screens/stock/stock-screen';
import { useGlobalScanner } from './scan/use-global-scanner';
import { useAppStore, type Screen } from './stores/app-store';
import { useSyncStatusFeed } from './stores/sync-store';
import './app-shell.css';

const SCREEN_VIEWS: Record<Screen, () => React.JSX.Element> = {
  orders: OrdersScreen,
  pack: PackScreen,
  inventory: InventoryScreen,
  settings: SettingsScreen,
  printing: PrintingScreen,
  catalog: CatalogScreen,
  warehouse: WarehouseScreen,
  team: TeamScreen,
  import: ImportScreen,
  shipments: ShipmentsScreen,
  sync: SyncScreen,
  devices: DevicesScreen,
  picking: PickingScreen,
  rules: RulesScreen,
  stock: StockScreen,
  returns: ReturnsScreen,
};

export function App() {
  useWorkspaceSync();
  useScreenKeys();
  useClickedButtonsLetGo();
  // scans are recognised on every screen, without a field to focus
  useGlobalScanner();
  usePackSync();
  useSyncStatusFeed();
  useDeviceNotices();
  const screen = useAppStore((s) => s.screen);
  const connection = useAppStore((s) => s.connection);
  const View = SCREEN_VIEWS[screen];
  if (connection === 'unauthorized') return <StaleKeyScreen />;
  // a phone or tablet walking pick lists sees only that
  if (window.location.hash === '#picker') return <ErrorBoundary resetKey="picker"><PickerApp /></ErrorBoundary>;
  return (
    <div className="app">
      <TopBar />
      <NoticeBanner />
      <main className="screen" data-screen={screen}>
        <ErrorBoundary resetKey={screen}>
          <View />
        </ErrorBoundary>
      </main>
    </div>
  );
}
