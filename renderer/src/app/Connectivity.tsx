import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api';

/**
 * Quiet network state: nothing in the app waits for the internet, so this is information,
 * not a warning. Hidden until main reports the first change.
 */
export function Connectivity() {
  const { t } = useTranslation();
  const [online, setOnline] = useState<boolean | null>(null);

  useEffect(() => api.on('connectivity', (payload) => setOnline(payload.online)), []);

  if (online === null) return null;
  return (
    <p className={`connectivity connectivity--${online ? 'online' : 'offline'}`} data-testid="connectivity">
      <span className="connectivity__dot" aria-hidden="true" />
      {online ? t('connectivity.online') : t('connectivity.offline')}
    </p>
  );
}
