import { useCallback, useEffect } from 'react';
import { StationHeader } from '../header/StationHeader';
import { AccountsPanel } from '../screens/Accounts/AccountsPanel';
import { BatchScreen } from '../screens/Batch/BatchScreen';
import { PackersScreen } from '../screens/Packers/PackersScreen';
import { DayScreen } from '../screens/Day/DayScreen';
import { PrintersPanel } from '../screens/Printers/PrintersPanel';
import { RoutingScreen } from '../screens/Routing/RoutingScreen';
import { QueuePanel } from '../screens/Queue/QueuePanel';
import { ScanScreen } from '../screens/Scan/ScanScreen';
import { ShipmentsScreen } from '../screens/Shipments/ShipmentsScreen';
import { WarehouseScreen } from '../screens/Warehouse/WarehouseScreen';
import { useStation, type ScreenId } from '../state/station';
import { NavBar } from './NavBar';
import { ScanTicker } from './ScanTicker';
import { ScreenBoundary } from './ScreenBoundary';
import { StationFacts } from './StationFacts';
import { useScreenShortcuts } from './useScreenShortcuts';

const focusScanField = (): void => {
  // After the screen has rendered: the scan field is where a packer's next move is. Unless a
  // key pressed meanwhile opened something that took the focus (F10's option list): the keys
  // that follow are meant for it.
  const before = document.activeElement;
  requestAnimationFrame(() => {
    const now = document.activeElement;
    const moved = now !== null && now !== document.body && now !== before && now.isConnected;
    if (!moved) document.getElementById('scan-input')?.focus();
  });
};

/** The open screen. Printers and Accounts are their panels, mounted as full screens. */
function Screen({ screen, back }: { screen: ScreenId; back: () => void }) {
  switch (screen) {
    case 'scan':
      return <ScanScreen />;
    case 'printers':
      return (
        <div className="settings-screen" data-testid="screen-printers">
          <PrintersPanel onClose={back} />
        </div>
      );
    case 'accounts':
      return (
        <div className="settings-screen" data-testid="screen-accounts">
          <StationFacts />
          <AccountsPanel onClose={back} />
        </div>
      );
    case 'shipments':
      return <ShipmentsScreen />;
    case 'day':
      return <DayScreen />;
    case 'packers':
      return <PackersScreen />;
    case 'batch':
      return <BatchScreen />;
    case 'rules':
      return <RoutingScreen />;
    case 'warehouse':
      return <WarehouseScreen />;
  }
}

/**
 * The app frame: the header and its banners on top, the screens on the left, the open screen
 * beside them. The queue opens from the header on any screen: beside the scan result on Scan,
 * as a drawer elsewhere.
 */
export function Frame() {
  const screen = useStation((s) => s.screen);
  const showScreen = useStation((s) => s.showScreen);
  const queueOpen = useStation((s) => s.queueOpen);
  const closeQueue = useStation((s) => s.closeQueue);

  const go = useCallback(
    (next: ScreenId) => {
      showScreen(next);
      if (next === 'scan') focusScanField();
    },
    [showScreen],
  );
  useScreenShortcuts(go);
  const back = useCallback(() => go('scan'), [go]);

  // Escape puts the drawer away, as it does the queue beside the scan screen.
  const drawer = queueOpen && screen !== 'scan';
  useEffect(() => {
    if (!drawer) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') closeQueue();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [drawer, closeQueue]);

  return (
    <div className="app">
      <StationHeader />
      <div className="frame-body">
        <NavBar screen={screen} go={go} />
        <div className="frame-screen" data-screen={screen}>
          {screen !== 'scan' && <ScanTicker />}
          <ScreenBoundary screen={screen}>
            <Screen screen={screen} back={back} />
          </ScreenBoundary>
        </div>
        {drawer && (
          <div className="frame-drawer">
            <QueuePanel onClose={closeQueue} />
          </div>
        )}
      </div>
    </div>
  );
}
