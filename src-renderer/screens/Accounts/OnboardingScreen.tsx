import { Trans } from 'react-i18next';
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
          <Trans i18nKey="ui.accounts.onboarding.intro" components={{ strong: <strong /> }} />
        </p>
        <AddAccountForm heading="h2" focusOnMount />
      </div>
    </main>
  );
}
