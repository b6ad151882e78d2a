// One window-wide listener for the screen shortcuts, in the capture phase like the wedge
// scanner's, so a field or panel that handles keys itself cannot swallow them.
import { useEffect } from 'react';
import type { ScreenId } from '../state/station';
import { screenForKey } from './navigation';

export function useScreenShortcuts(go: (screen: ScreenId) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.repeat || event.isComposing) return;
      const screen = screenForKey(event);
      if (!screen) return;
      // F1 would open the browser's help, F3 its search: the station's meaning wins.
      event.preventDefault();
      go(screen);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [go]);
}
