import { useEffect } from 'react';
import { Frame } from './frame/Frame';
import { StationHeader } from './header/StationHeader';
import { useWedgeScanner } from './scan/useWedgeScanner';
import { OnboardingScreen } from './screens/Accounts/OnboardingScreen';
import { needsOnboarding } from './state/accounts';
import { StationStoreContext, useStation, type StationStore } from './state/station';

function Station() {
  const start = useStation((s) => s.start);
  const submitScan = useStation((s) => s.submitScan);
  const onboarding = useStation((s) => needsOnboarding(s.status, s.accounts));
  useEffect(() => start(), [start]);
  // Installed once for the whole window, so a scan lands on every screen, wherever focus is.
  useWedgeScanner((code) => void submitScan(code));

  // A live station with no account can make no label: adding one comes before any screen.
  if (onboarding) {
    return (
      <div className="app">
        <StationHeader />
        <OnboardingScreen />
      </div>
    );
  }
  return <Frame />;
}

export function App({ store }: { store: StationStore }) {
  return (
    <StationStoreContext.Provider value={store}>
      <Station />
    </StationStoreContext.Provider>
  );
}
