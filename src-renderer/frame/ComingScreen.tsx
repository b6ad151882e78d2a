import { useEffect, useRef } from 'react';
import type { MessageKey } from '../../src-shared/messages';
import { useSpeaker } from '../i18n/messages';
import { navItem } from './navigation';

export type ComingScreenId = 'rules';

const words: Record<ComingScreenId, { title: MessageKey; body: MessageKey }> = {
  rules: { title: 'frame.coming.rules.title', body: 'frame.coming.rules.body' },
};

/** A screen not built yet: what it will hold, and that it comes next. */
export function ComingScreen({ screen }: { screen: ComingScreenId }) {
  const { t, say } = useSpeaker();
  const { title, body } = words[screen];
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A shortcut or the nav lands the keyboard on the screen it opened.
  useEffect(() => {
    headingRef.current?.focus();
  }, [screen]);
  return (
    <main className="coming-screen" data-testid={`screen-${screen}`} aria-labelledby="coming-title">
      <div className="coming-card">
        <span className="coming-badge">{t('frame.coming.badge')}</span>
        <h1 id="coming-title" ref={headingRef} tabIndex={-1}>
          {say({ key: title, params: {} })}
        </h1>
        <p className="coming-body">{say({ key: body, params: {} })}</p>
        <p className="coming-note">{t('frame.coming.scanNote', { key: navItem('scan').key })}</p>
      </div>
    </main>
  );
}
