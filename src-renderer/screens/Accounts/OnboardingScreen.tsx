import { AddAccountForm } from './AddAccountForm';

/**
 * The first screen of a live station with no Sendcloud account: nothing can ship until one is
 * added, so adding it is all this screen asks.
 */
export function OnboardingScreen() {
  return (
    <main className="onboarding" data-testid="onboarding">
      <div className="onboarding-card">
        <p className="onboarding-intro">
          Packdesk makes labels with your Sendcloud account. Add it once; a marketplace can add its
          merchants’ accounts afterwards under <strong>Accounts</strong>. Scanning starts as soon as
          an account is added.
        </p>
        <AddAccountForm heading="h2" focusOnMount />
      </div>
    </main>
  );
}
