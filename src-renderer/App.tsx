import { useCallback, useEffect } from 'react';
import { StationHeader } from './header/StationHeader';
import { useWedgeScanner } from './scan/useWedgeScanner';
import { AccountsPanel } from './screens/Accounts/AccountsPanel';
import { OnboardingScreen } from './screens/Accounts/OnboardingScreen';
import { PrintersPanel } from './screens/Printers/PrintersPanel';
import { ScanScreen } from './screens/Scan/ScanScreen';
import { needsOnboarding } from './state/accounts';
import { StationStoreContext, useStation, type StationStore } from './state/station';

function Station() {
  const start = useStation((s) => s.start);
  const submitScan = useStation((s) => s.submitScan);
  const printersOpen = useStation((s) => s.printersOpen);
  const closePrinters = useStation((s) => s.closePrinters);
  const accountsOpen = useStation((s) => s.accountsOpen);
  const closeAccounts = useStation((s) => s.closeAccounts);
  const onboarding = useStation((s) => needsOnboarding(s.status, s.accounts));
  useEffect(() => start(), [start]);
  // Installed once for the whole window, so a scan lands wherever focus is.
  useWedgeScanner((code) => void submitScan(code));

  // Back to the scan field, where a packer's next move is, as closing the queue panel does.
  const closePrintersAndRefocus = useCallback(() => {
    closePrinters();
    document.getElementById('scan-input')?.focus();
  }, [closePrinters]);
  const closeAccountsAndRefocus = useCallback(() => {
    closeAccounts();
    document.getElementById('scan-input')?.focus();
  }, [closeAccounts]);

  const side = printersOpen || accountsOpen;
  return (
    <div className="app">
      <StationHeader />
      {/* The set-up sits beside the scan screen, so the result stays in sight while it is open. */}
      <div className={side ? 'app-body with-printers' : 'app-body'}>
        {onboarding ? <OnboardingScreen /> : <ScanScreen />}
        {printersOpen && <PrintersPanel onClose={closePrintersAndRefocus} />}
        {accountsOpen && <AccountsPanel onClose={closeAccountsAndRefocus} />}
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
