import { useMemo, useRef, useState } from 'react';
import type { AppError, Result } from '../../../../electron/shared/result';
import type { ProductSummary } from '../../../../electron/shared/catalogue';
import type { SellerPhotoOverview } from '../../../../electron/shared/photos';
import type { LazadaApp } from '../../../../electron/shared/sign-in';
import type { Connection, Marketplace, ShopUploads } from '../../../../electron/shared/uploads';
import { useNavigation, type Route } from '../../app/navigation';
import { useToast } from '../../app/toasts';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { newJobId, useJobProgress } from '../../lib/useJobProgress';
import { useLoad } from '../../lib/useLoad';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';
import { LoadStatus } from '../../ui/LoadStatus';
import { ListingList, type MainPhoto } from './ListingList';
import { LazadaAppDialog } from './LazadaAppDialog';
import { ShopCards, type CategoryRefresh } from './ShopCards';
import { SignInDialog } from './SignInDialog';
import { UploadPanel, type UploadOutcome, type UploadPhase } from './UploadPanel';
import { useTranslation } from 'react-i18next';
import { useUploadWords } from './useUploadWords';
import { sendingCount } from './words';

interface Centre {
  /** The shop the panel and the listings are about. */
  readonly marketplace: Marketplace;
  readonly connections: readonly Connection[];
  readonly lazadaApp: LazadaApp;
  readonly shop: ShopUploads;
  readonly products: readonly ProductSummary[];
  readonly photos: SellerPhotoOverview;
}

/**
 * The shop to show when the seller has not picked one: the practice shop, unless only
 * Lazada is connected (a participant past practising).
 */
function defaultShop(connections: readonly Connection[]): Marketplace {
  const connected = (m: Marketplace) => connections.some((c) => c.marketplace === m);
  return connected('lazada') && !connected('practice') ? 'lazada' : 'practice';
}

async function loadCentre(sellerId: number, chosen: Marketplace | null): Promise<Result<Centre>> {
  const [connections, lazadaApp, products, photos] = await Promise.all([
    api.invoke('uploads:connections', { sellerId }),
    api.invoke('lazada:app', {}),
    api.invoke('products:list', { sellerId }),
    api.invoke('photos:overview', { sellerId }),
  ]);
  if (!connections.ok) return connections;
  if (!lazadaApp.ok) return lazadaApp;
  if (!products.ok) return products;
  if (!photos.ok) return photos;
  const marketplace = chosen ?? defaultShop(connections.value);
  const shop = await api.invoke('uploads:shop', { sellerId, marketplace });
  if (!shop.ok) return shop;
  return {
    ok: true,
    value: {
      marketplace,
      connections: connections.value,
      lazadaApp: lazadaApp.value,
      shop: shop.value,
      products: products.value,
      photos: photos.value,
    },
  };
}

/** Kept raw and worded at render time, so a language switch re-words it too. */
type Notice =
  | { readonly place: 'results'; readonly qc: { readonly changed: number; readonly inQc: number } }
  | { readonly place: 'shops' | 'results'; readonly error: AppError };

const INTERNAL: AppError = { code: 'internal', message: 'upload call failed' };

/** A call that answers with a Result even when the bridge itself fails. */
async function call<T>(request: Promise<Result<T>>): Promise<Result<T>> {
  return request.catch(() => ({ ok: false, error: INTERNAL }) as const);
}

/**
 * "Pusat Unggah" of one participant: connect their practice shop, send every product marked
 * ready (with a progress bar that can be stopped; the queue survives a dropped link or a
 * closed app), follow marketplace QC, and fix what was refused, each listing saying why in
 * plain words and what to do.
 */
export function UploadsScreen({ sellerId, sellerName }: { sellerId: number; sellerName: string }) {
  const { t } = useUploadWords();
  const { t: ui } = useTranslation();
  const { go } = useNavigation();
  const toast = useToast();
  const [chosen, setChosen] = useState<Marketplace | null>(null);
  const [load, reload] = useLoad(() => loadCentre(sellerId, chosen), `${sellerId}:${chosen ?? ''}`);
  const [connecting, setConnecting] = useState(false);
  const [dialog, setDialog] = useState<'lazadaApp' | 'signIn' | null>(null);
  const [refreshing, setRefreshing] = useState<{ marketplace: Marketplace; jobId: string } | null>(null);
  const [refreshCancelling, setRefreshCancelling] = useState(false);
  const refreshProgress = useJobProgress(refreshing?.jobId ?? null);
  const [phase, setPhase] = useState<UploadPhase>('idle');
  const [jobId, setJobId] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null);
  const [checking, setChecking] = useState(false);
  // A quiet answer to the last button pressed, shown where that button is.
  const [notice, setNotice] = useState<Notice | null>(null);
  const progress = useJobProgress(jobId);
  // One upload at a time, even if the button is pressed twice before React disables it.
  const running = useRef(false);
  const here: Route = { screen: 'uploads', sellerId, sellerName };

  const mainPhotos = useMemo(
    () =>
      new Map<number, MainPhoto>(
        load.state === 'ready'
          ? load.value.photos.products.flatMap((summary) =>
              summary.main?.state === 'ready' ? [[summary.productId, summary.main] as const] : [],
            )
          : [],
      ),
    [load],
  );

  if (load.state !== 'ready') return <LoadStatus load={load} onRetry={reload} />;
  const { shop, products, marketplace, connections, lazadaApp } = load.value;
  const shopName = marketplace === 'lazada' ? t('screen.lazada.name') : t('screen.practice.name');
  const connection = shop.connection;
  const connected = connection?.state === 'connected';
  const readyCount = products.filter((product) => product.status === 'ready').length;
  const busy = phase !== 'idle';

  const fix = (product: { productId: number; name?: string; productName?: string }) =>
    go({
      screen: 'productForm',
      sellerId,
      sellerName,
      productId: product.productId,
      productName: product.name ?? product.productName ?? '',
      returnTo: here,
    });

  async function connect() {
    setConnecting(true);
    setNotice(null);
    const answer = await call(api.invoke('practice:connect', { sellerId }));
    setConnecting(false);
    if (answer.ok) {
      toast({ message: t('screen.practice.connected') });
      setChosen('practice');
    } else setNotice({ place: 'shops', error: answer.error });
    reload();
  }

  function lazadaConnected() {
    setDialog(null);
    toast({ message: t('signIn.connected') });
    setChosen('lazada');
    reload();
  }

  async function refreshCategories(from: Marketplace) {
    if (refreshing) return;
    const job = newJobId('category-refresh');
    setNotice(null);
    setRefreshing({ marketplace: from, jobId: job });
    const answer = await call(api.invoke('categories:refresh', { sellerId, marketplace: from, jobId: job }));
    setRefreshing(null);
    setRefreshCancelling(false);
    if (answer.ok) {
      toast({
        message: t('screen.categories.done', {
          categories: answer.value.categoryCount,
          brands: answer.value.brandCount,
        }),
      });
    } else if (answer.error.code === 'cancelled') toast({ message: t('screen.categories.stopped') });
    else setNotice({ place: 'shops', error: answer.error });
    reload();
  }

  const refresh: CategoryRefresh = {
    running: refreshing?.marketplace ?? null,
    progress: refreshProgress,
    cancelling: refreshCancelling,
    start: (from) => void refreshCategories(from),
    cancel: () => {
      if (!refreshing) return;
      setRefreshCancelling(true);
      void api.invoke('jobs:cancel', { jobId: refreshing.jobId }).catch(() => null);
    },
  };

  async function disconnect(from: Marketplace) {
    setNotice(null);
    const answer = await call(api.invoke('uploads:disconnect', { sellerId, marketplace: from }));
    if (answer.ok) toast({ message: t('screen.disconnected') });
    else setNotice({ place: 'shops', error: answer.error });
    reload();
  }

  /** Puts the ready products in the queue (unless only retrying), then sends the queue. */
  async function upload(enqueue: boolean) {
    if (running.current) return;
    running.current = true;
    setOutcome(null);
    setNotice(null);
    setPhase('checking');
    try {
      let queued = null;
      if (enqueue) {
        const answer = await call(api.invoke('uploads:enqueue', { sellerId, marketplace }));
        if (!answer.ok) {
          setOutcome({ queued: null, report: null, error: answer.error, nothingToSend: false });
          return;
        }
        queued = answer.value;
        const now = await call(api.invoke('uploads:shop', { sellerId, marketplace }));
        if (queued.queued === 0 && now.ok && sendingCount(now.value.counts) === 0) {
          setOutcome({ queued, report: null, error: null, nothingToSend: queued.refused.length === 0 });
          return;
        }
      }
      const job = newJobId('upload');
      setJobId(job);
      setPhase('sending');
      const answer = await call(api.invoke('uploads:drain', { sellerId, marketplace, jobId: job }));
      if (answer.ok) setOutcome({ queued, report: answer.value, error: null, nothingToSend: false });
      else if (answer.error.code === 'cancelled') {
        setOutcome({
          queued,
          report: { outcome: 'stopped', counts: shop.counts },
          error: null,
          nothingToSend: false,
        });
      } else setOutcome({ queued, report: null, error: answer.error, nothingToSend: false });
    } finally {
      running.current = false;
      setJobId(null);
      setCancelling(false);
      setPhase('idle');
      reload();
    }
  }

  function cancel() {
    if (jobId === null) return;
    setCancelling(true);
    void api.invoke('jobs:cancel', { jobId }).catch(() => null);
  }

  async function followQc() {
    setChecking(true);
    setNotice(null);
    const answer = await call(api.invoke('uploads:followQc', { sellerId, marketplace }));
    setChecking(false);
    if (!answer.ok) setNotice({ place: 'results', error: answer.error });
    else {
      const now = await call(api.invoke('uploads:shop', { sellerId, marketplace }));
      const inQc = now.ok ? now.value.counts.in_qc : 0;
      setNotice({ place: 'results', qc: { changed: answer.value.changed, inQc } });
    }
    reload();
  }

  async function viewShop() {
    const answer = await call(api.invoke('practice:openStorefront', { sellerId }));
    if (answer.ok) toast({ message: t('screen.shopOpened') });
    else setNotice({ place: 'results', error: answer.error });
  }

  async function retry(uploadId: number) {
    const answer = await call(api.invoke('uploads:retry', { uploadId }));
    if (!answer.ok) setNotice({ place: 'results', error: answer.error });
    else await upload(false);
  }

  async function skip(uploadId: number, name: string) {
    const answer = await call(api.invoke('uploads:skip', { uploadId }));
    if (answer.ok) toast({ message: t('screen.skipped', { name }) });
    else setNotice({ place: 'results', error: answer.error });
    reload();
  }

  const noticeView = (shown: Notice) => (
    <div
      className={`upload-notice${'error' in shown ? ' upload-notice--error' : ''}`}
      role={'error' in shown ? 'alert' : 'status'}
      data-testid="upload-notice"
    >
      <Icon name={'error' in shown ? 'alert' : 'check'} />
      <p>
        {'error' in shown
          ? errorMessage(ui, shown.error)
          : shown.qc.changed > 0
            ? t('screen.qcChanged', { count: shown.qc.changed })
            : shown.qc.inQc > 0
              ? t('screen.qcStillChecking')
              : t('screen.qcAllDone')}
      </p>
    </div>
  );

  const openProducts = (
    <button type="button" className="button" onClick={() => go({ screen: 'products', sellerId, sellerName })}>
      <Icon name="box" />
      {t('screen.empty.openProducts')}
    </button>
  );

  return (
    <div className="uploads-screen">
      <div className="screen-head">
        <div>
          <h1 className="screen-head__title">{t('screen.title', { name: sellerName })}</h1>
          <p className="screen-head__intro">{t('screen.intro')}</p>
        </div>
      </div>

      <ShopCards
        connections={connections}
        chosen={marketplace}
        lazadaApp={lazadaApp}
        connecting={connecting}
        onChoose={setChosen}
        onConnectPractice={() => void connect()}
        onConnectLazada={() => setDialog('signIn')}
        onSetUpLazada={() => setDialog('lazadaApp')}
        onDisconnect={(from) => void disconnect(from)}
        refresh={refresh}
      />

      {dialog === 'lazadaApp' ? (
        <LazadaAppDialog
          app={lazadaApp}
          onSaved={() => {
            setDialog(null);
            toast({ message: t('lazadaApp.saved') });
            reload();
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'signIn' ? (
        <SignInDialog
          sellerId={sellerId}
          sellerName={sellerName}
          onConnected={lazadaConnected}
          onClose={() => setDialog(null)}
        />
      ) : null}

      {notice?.place === 'shops' ? noticeView(notice) : null}

      {connection ? (
        <UploadPanel
          shopName={shopName}
          connected={connected}
          readyCount={readyCount}
          phase={phase}
          progress={progress}
          cancelling={cancelling}
          outcome={outcome}
          onUpload={() => void upload(true)}
          onCancel={cancel}
          onFix={fix}
        />
      ) : null}

      {!connection ? (
        <EmptyState icon="plug" title={t('screen.empty.connectTitle')} hint={t('screen.empty.connectHint')} />
      ) : shop.listings.length === 0 ? (
        <EmptyState
          icon="send"
          title={t('screen.empty.nothingTitle')}
          hint={readyCount > 0 ? t('screen.empty.nothingHint') : t('screen.empty.noReadyHint')}
          {...(readyCount > 0 ? {} : { action: openProducts })}
        />
      ) : (
        <ListingList
          shop={shop}
          photos={mainPhotos}
          busy={busy}
          checking={checking}
          onFollowQc={() => void followQc()}
          onViewShop={marketplace === 'practice' ? () => void viewShop() : undefined}
          onRetry={(listing) => void retry(listing.id)}
          onSkip={(listing) => void skip(listing.id, listing.productName)}
          onFix={fix}
          notice={notice?.place === 'results' ? noticeView(notice) : null}
        />
      )}
    </div>
  );
}
