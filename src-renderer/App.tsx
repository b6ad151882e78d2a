import { useEffect } from 'react';
import { Frame } from './frame/Frame';
import { StationHeader } from './header/StationHeader';
import { useWedgeScanner } from './scan/useWedgeScanner';
import { OnboardingScreen } from './screens/Accounts/OnboardingScreen';
import { SignInOverlay } from './screens/Packers/SignInOverlay';
import { signInNeeded } from './state/slices/packers';
import { needsOnboarding } from './state/accounts';
import { StationStoreContext, useStation, type StationStore } from './state/station';

function Station() {
  const start = useStation((s) => s.start);
  const submitScan = useStation((s) => s.submitScan);
  const scanIntoBatch = useStation((s) => s.scanIntoBatch);
  const onBatchScreen = useStation((s) => s.screen === 'batch');
  const onboarding = useStation((s) => needsOnboarding(s.status, s.accounts));
  const locked = useStation((s) => signInNeeded(s.session));
  const reportActivity = useStation((s) => s.reportActivity);
  useEffect(() => start(), [start]);
  // Any key or click keeps the station from locking itself while someone works at it.
  useEffect(() => {
    window.addEventListener('keydown', reportActivity, { capture: true, passive: true });
    window.addEventListener('pointerdown', reportActivity, { capture: true, passive: true });
    return () => {
      window.removeEventListener('keydown', reportActivity, { capture: true });
      window.removeEventListener('pointerdown', reportActivity, { capture: true });
    };
  }, [reportActivity]);
  // Installed once for the whole window, so a scan lands on every screen, wherever focus is. On
  // the Batch screen a scan adds its order to the batch instead of printing it; a locked station
  // takes it as a badge, as everywhere.
  useWedgeScanner((code) =>
    onBatchScreen && !locked ? void scanIntoBatch(code) : void submitScan(code),
  );

  // A live station with no account can make no label: adding one comes before any screen.
  if (onboarding) {
    return (
      <div className="app">
        <StationHeader />
        <OnboardingScreen />
      </div>
    );
  }
  // Locked: the screens stay in view under the sign-in, but out of reach of Tab and clicks.
  return (
    <>
      <div className="frame-holder" inert={locked}>
        <Frame />
      </div>
      {locked && <SignInOverlay />}
    </>
  );
}

export function App({ store }: { store: StationStore }) {
  return (
    <StationStoreContext.Provider value={store}>
      <Station />
    </StationStoreContext.Provider>
  );
}
