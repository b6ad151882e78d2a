import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { HostConnection } from './bridge/web-bridge';
import { App } from './App';
import { initI18n } from './i18n';
import { createStationStore } from './state/station';
import './styles.css';
import './screens/screens.css';
import './screens/Shipments/shipments.css';
import './screens/Batch/batch.css';

async function boot(): Promise<void> {
  let host: HostConnection | null = null;
  // Without Electron's preload we are a browser page served by the loopback host: build
  // `window.packdesk` over its HTTP + WebSocket transport first.
  if (!('packdesk' in window)) {
    const { installWebBridge } = await import('./bridge/web-bridge');
    host = installWebBridge();
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element.');
  // The first render already speaks the packer's language: no flash of keys or English.
  await initI18n();
  const store = createStationStore(window.packdesk, host);
  createRoot(root).render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
}

void boot();
