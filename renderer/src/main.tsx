import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_LANGUAGE } from '../../electron/shared/plain/limits';
import { App } from './app/App';
import { initI18n } from './i18n';
import { api } from './lib/api';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/catalogue.css';
import './styles/form.css';
import './styles/import.css';
import './styles/progress.css';
import './styles/photos.css';
import './styles/uploads.css';

/**
 * Start-up: ask main for the saved language first, so the very first screen is already
 * in the seller's language (no flash of Indonesian for someone who chose English).
 */
async function start(): Promise<void> {
  const info = await api.invoke('app:info', {}).catch(() => null);
  initI18n(info?.ok ? info.value.language : DEFAULT_LANGUAGE);
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
