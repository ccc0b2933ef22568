import { useEffect, useState } from 'react';
import type { Result } from '../../../../electron/shared/result';
import type { LazadaApp } from '../../../../electron/shared/sign-in';
import type { UploadOverview } from '../../../../electron/shared/upload-overview';
import { AUTO_UPLOAD_JOB } from '../../../../electron/shared/plain/auto-upload';
import { useNavigation } from '../../app/navigation';
import { useToast } from '../../app/toasts';
import { api } from '../../lib/api';
import { formatNumber } from '../../lib/numbers';
import { useJobProgress } from '../../lib/useJobProgress';
import { useLoad } from '../../lib/useLoad';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';
import { JobProgressBar } from '../../ui/JobProgressBar';
import { LoadStatus } from '../../ui/LoadStatus';
import { LazadaAppDialog } from './LazadaAppDialog';
import { useUploadWords } from './useUploadWords';
import { sendingCount } from './words';

/** Refreshed often while something is on its way, rarely otherwise. */
const BUSY_REFRESH_MS = 2_000;
const IDLE_REFRESH_MS = 15_000;

interface Overview {
  readonly uploads: UploadOverview;
  readonly lazadaApp: LazadaApp;
}

async function loadOverview(): Promise<Result<Overview>> {
  const [uploads, lazadaApp] = await Promise.all([api.invoke('uploads:overview', {}), api.invoke('lazada:app', {})]);
  if (!uploads.ok) return uploads;
  if (!lazadaApp.ok) return lazadaApp;
  return { ok: true, value: { uploads: uploads.value, lazadaApp: lazadaApp.value } };
}

/**
 * "Semua unggahan": the trainer's view of every participant's shops on this laptop, the
 * automatic sender (on/off, and its progress bar while it works), and the Lazada app key
 * this laptop signs shops in with.
 */
export function UploadsOverviewScreen() {
  const { t, language } = useUploadWords();
  const { go } = useNavigation();
  const toast = useToast();
  const [load, reload] = useLoad(loadOverview, 'overview');
  const [editingApp, setEditingApp] = useState(false);
  const [switching, setSwitching] = useState(false);
  const auto = useJobProgress(AUTO_UPLOAD_JOB);
  const autoWorking = auto !== null && auto.done < auto.total;
  const sending = load.state === 'ready' ? sendingCount(load.value.uploads.totals) : 0;

  useEffect(() => {
    const timer = setInterval(reload, autoWorking || sending > 0 ? BUSY_REFRESH_MS : IDLE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload, autoWorking, sending]);

  if (load.state !== 'ready') return <LoadStatus load={load} onRetry={reload} />;
  const { uploads, lazadaApp } = load.value;
  const number = (value: number) => formatNumber(value, language);

  async function setAuto(enabled: boolean) {
    setSwitching(true);
    await api.invoke('uploads:autoUpload', { enabled }).catch(() => null);
    setSwitching(false);
    reload();
  }

  function stopAuto() {
    // "Hentikan" means stop: the current run ends at its next step and the switch goes off,
    // so it does not start again by itself 30 seconds later.
    void api.invoke('jobs:cancel', { jobId: AUTO_UPLOAD_JOB }).catch(() => null);
    void setAuto(false);
  }

  return (
    <div className="uploads-screen uploads-overview">
      <div className="screen-head">
        <div>
          <h1 className="screen-head__title">{t('overview.title')}</h1>
          <p className="screen-head__intro">{t('overview.intro')}</p>
        </div>
      </div>

      <section className="panel overview-auto" aria-labelledby="overview-auto-title">
        <label className="overview-auto__switch">
          <input
            type="checkbox"
            role="switch"
            checked={uploads.autoUpload}
            disabled={switching}
            onChange={(event) => void setAuto(event.target.checked)}
          />
          <span id="overview-auto-title">{t('overview.autoLabel')}</span>
        </label>
        <p className="overview-auto__hint">{uploads.autoUpload ? t('overview.autoOn') : t('overview.autoOff')}</p>
        {autoWorking ? (
          <JobProgressBar
            title={t('overview.autoSending')}
            progress={auto}
            onCancel={stopAuto}
            testId="auto-upload-progress"
          />
        ) : null}
      </section>

      <section className="panel overview-app" aria-labelledby="overview-app-title">
        <h2 className="panel__title" id="overview-app-title">
          {t('lazadaApp.title')}
        </h2>
        <p data-testid="lazada-app-state">
          {lazadaApp.ready && lazadaApp.appKey
            ? t('lazadaApp.ready', { appKey: lazadaApp.appKey })
            : t('lazadaApp.notSet')}
        </p>
        {lazadaApp.secretsLockedByOs ? null : (
          <p className="shop-card__warning" data-testid="secrets-unlocked">
            {t('lazadaApp.unlocked')}
          </p>
        )}
        <button type="button" className="button" onClick={() => setEditingApp(true)}>
          <Icon name="edit" />
          {lazadaApp.ready ? t('lazadaApp.change') : t('screen.lazada.setUp')}
        </button>
      </section>
      {editingApp ? (
        <LazadaAppDialog
          app={lazadaApp}
          onSaved={() => {
            setEditingApp(false);
            toast({ message: t('lazadaApp.saved') });
            reload();
          }}
          onClose={() => setEditingApp(false)}
        />
      ) : null}

      {uploads.shops.length === 0 ? (
        <EmptyState icon="plug" title={t('overview.emptyTitle')} hint={t('overview.emptyHint')} />
      ) : (
        <section className="panel overview-shops" aria-label={t('screen.shops')}>
          <table className="overview-table">
            <thead>
              <tr>
                <th scope="col">{t('overview.participant')}</th>
                <th scope="col">{t('overview.shop')}</th>
                <th scope="col" className="overview-table__number">
                  {t('overview.sending')}
                </th>
                <th scope="col" className="overview-table__number">
                  {t('overview.inQc')}
                </th>
                <th scope="col" className="overview-table__number">
                  {t('overview.live')}
                </th>
                <th scope="col" className="overview-table__number">
                  {t('overview.rejected')}
                </th>
                <th scope="col">{t('overview.photos')}</th>
                <th scope="col">
                  <span className="sr-only">{t('overview.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {uploads.shops.map((shop) => (
                <tr key={`${shop.sellerId}:${shop.marketplace}`} data-testid="overview-shop">
                  <th scope="row">{shop.sellerName}</th>
                  <td>
                    {shop.marketplace === 'lazada' ? t('screen.lazada.name') : t('screen.practice.name')}
                    {shop.state === 'needs_reconnect' ? (
                      <span className="overview-table__warning">
                        <Icon name="alert" />
                        {t('overview.needsReconnect')}
                      </span>
                    ) : null}
                  </td>
                  <td className="overview-table__number">{number(sendingCount(shop.counts))}</td>
                  <td className="overview-table__number">{number(shop.counts.in_qc)}</td>
                  <td className="overview-table__number">{number(shop.counts.live)}</td>
                  <td className="overview-table__number">{number(shop.counts.rejected + shop.counts.blocked)}</td>
                  <td>
                    {shop.imagesTotal > 0 ? (
                      <progress
                        className="overview-table__bar"
                        max={shop.imagesTotal}
                        value={shop.imagesDone}
                        aria-label={t('screen.photos', { done: shop.imagesDone, total: shop.imagesTotal })}
                      />
                    ) : (
                      '–'
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={t('overview.openNamed', { name: shop.sellerName })}
                      onClick={() => go({ screen: 'uploads', sellerId: shop.sellerId, sellerName: shop.sellerName })}
                    >
                      {t('overview.open')}
                      <Icon name="chevron" />
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('overview.totals')}
                </th>
                <td className="overview-table__number">{number(sendingCount(uploads.totals))}</td>
                <td className="overview-table__number">{number(uploads.totals.in_qc)}</td>
                <td className="overview-table__number">{number(uploads.totals.live)}</td>
                <td className="overview-table__number">{number(uploads.totals.rejected + uploads.totals.blocked)}</td>
                <td colSpan={2} />
              </tr>
            </tfoot>
          </table>
        </section>
      )}
    </div>
  );
}
