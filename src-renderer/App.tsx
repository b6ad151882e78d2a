import { useCallback, useEffect } from 'react';
import { StationHeader } from './header/StationHeader';
import { useWedgeScanner } from './scan/useWedgeScanner';
import { PrintersPanel } from './screens/Printers/PrintersPanel';
import { ScanScreen } from './screens/Scan/ScanScreen';
import { StationStoreContext, useStation, type StationStore } from './state/station';

function Station() {
  const start = useStation((s) => s.start);
  const submitScan = useStation((s) => s.submitScan);
  const printersOpen = useStation((s) => s.printersOpen);
  const closePrinters = useStation((s) => s.closePrinters);
  useEffect(() => start(), [start]);
  // Installed once for the whole window, so a scan lands wherever focus is.
  useWedgeScanner((code) => void submitScan(code));

  // Back to the scan field, where a packer's next move is, as closing the queue panel does.
  const closePrintersAndRefocus = useCallback(() => {
    closePrinters();
    document.getElementById('scan-input')?.focus();
  }, [closePrinters]);

  return (
    <div className="app">
      <StationHeader />
      {/* The set-up sits beside the scan screen, so the result stays in sight while it is open. */}
      <div className={printersOpen ? 'app-body with-printers' : 'app-body'}>
        <ScanScreen />
        {printersOpen && <PrintersPanel onClose={closePrintersAndRefocus} />}
      </div>
    </div>
  );
}

export function App({ store }: { store: StationStore }) {
  return (
    <StationStoreContext.Provider value={store}>
      <Station />
    </StationStoreContext.Provider>
  );
}
