import { useEffect } from 'react';
import { StationHeader } from './header/StationHeader';
import { useWedgeScanner } from './scan/useWedgeScanner';
import { ScanScreen } from './screens/Scan/ScanScreen';
import { StationStoreContext, useStation, type StationStore } from './state/station';

function Station() {
  const start = useStation((s) => s.start);
  const submitScan = useStation((s) => s.submitScan);
  useEffect(() => start(), [start]);
  // Installed once for the whole window, so a scan lands wherever focus is.
  useWedgeScanner((code) => void submitScan(code));
  return (
    <div className="app">
      <StationHeader />
      <ScanScreen />
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
