import { Component, type ReactNode } from 'react';
import { useSpeaker } from '../i18n/messages';

function ScreenFailed() {
  const { t } = useSpeaker();
  return (
    <main className="coming-screen" data-testid="screen-failed">
      <div className="coming-card" role="alert">
        <h1>{t('frame.screenFailed.title')}</h1>
        <p className="coming-body">{t('frame.screenFailed.body')}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('frame.screenFailed.reload')}
        </button>
      </div>
    </main>
  );
}

interface State {
  failed: boolean;
}

/**
 * One screen that throws takes only itself down: the header, its banners, the nav and the
 * window-wide wedge scanner stay, so labels keep printing. Another screen (`screen` changes)
 * starts afresh.
 */
export class ScreenBoundary extends Component<{ screen: string; children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidUpdate(previous: { screen: string }): void {
    if (previous.screen !== this.props.screen && this.state.failed) {
      this.setState({ failed: false });
    }
  }

  override render(): ReactNode {
    return this.state.failed ? <ScreenFailed /> : this.props.children;
  }
}
