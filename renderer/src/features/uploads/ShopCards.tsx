import { useState, type ReactNode } from 'react';
import type { LazadaApp } from '../../../../electron/shared/sign-in';
import type { Connection, Marketplace } from '../../../../electron/shared/uploads';
import type { JobProgress } from '../../lib/useJobProgress';
import { Icon } from '../../ui/Icon';
import { JobProgressBar } from '../../ui/JobProgressBar';
import { useUploadWords } from './useUploadWords';

/**
 * Where the products go: the practice shop (on this laptop, works without internet) and the
 * participant's real Lazada shop. Each card says whether it is connected, connects it, lets
 * the seller pick it as the shop to send to, and removes its sign-in from the laptop.
 */
export function ShopCards({
  connections,
  chosen,
  lazadaApp,
  connecting,
  onChoose,
  onConnectPractice,
  onConnectLazada,
  onSetUpLazada,
  onDisconnect,
  refresh,
}: {
  connections: readonly Connection[];
  chosen: Marketplace;
  lazadaApp: LazadaApp | null;
  connecting: boolean;
  onChoose: (marketplace: Marketplace) => void;
  onConnectPractice: () => void;
  onConnectLazada: () => void;
  onSetUpLazada: () => void;
  onDisconnect: (marketplace: Marketplace) => void;
  /** Downloading categories and brands through a connected shop. */
  refresh: CategoryRefresh;
}) {
  const { t } = useUploadWords();
  const of = (marketplace: Marketplace) => connections.find((c) => c.marketplace === marketplace) ?? null;
  const practice = of('practice');
  const lazada = of('lazada');
  const lazadaReady = lazadaApp?.ready ?? false;
  return (
    <section className="upload-shops" aria-labelledby="upload-shops-title">
      <h2 className="upload-section-title" id="upload-shops-title">
        {t('screen.shops')}
      </h2>
      <ul className="upload-shops__list">
        <ShopCard
          marketplace="practice"
          name={t('screen.practice.name')}
          icon={<Icon name="store" />}
          about={t('screen.practice.about')}
          connection={practice}
          chosen={chosen === 'practice'}
          onChoose={() => onChoose('practice')}
          onDisconnect={() => onDisconnect('practice')}
          refresh={refresh}
          action={
            <button
              type="button"
              className="button button--primary shop-card__button"
              onClick={onConnectPractice}
              disabled={connecting}
            >
              <Icon name="plug" />
              {connecting
                ? t('screen.practice.connecting')
                : practice
                  ? t('screen.practice.reconnect')
                  : t('screen.practice.connect')}
            </button>
          }
        />
        <ShopCard
          marketplace="lazada"
          name={t('screen.lazada.name')}
          icon="L"
          about={t('screen.lazada.about')}
          connection={lazada}
          chosen={chosen === 'lazada'}
          onChoose={() => onChoose('lazada')}
          onDisconnect={() => onDisconnect('lazada')}
          refresh={refresh}
          action={
            lazadaReady ? (
              <>
                <button
                  type="button"
                  className="button button--primary shop-card__button"
                  onClick={onConnectLazada}
                  disabled={connecting}
                >
                  <Icon name="plug" />
                  {lazada ? t('screen.lazada.reconnect') : t('screen.lazada.connect')}
                </button>
                <p className="shop-card__note">{t('screen.lazada.online')}</p>
              </>
            ) : (
              <>
                <p className="shop-card__warning">{t('screen.lazada.setUpNeeded')}</p>
                <button type="button" className="button" onClick={onSetUpLazada}>
                  <Icon name="edit" />
                  {t('screen.lazada.setUp')}
                </button>
              </>
            )
          }
        />
      </ul>
    </section>
  );
}

/** The "Perbarui kategori & merek" action of the cards: which shop runs it now, and how far. */
export interface CategoryRefresh {
  readonly running: Marketplace | null;
  readonly progress: JobProgress | null;
  readonly cancelling: boolean;
  readonly start: (marketplace: Marketplace) => void;
  readonly cancel: () => void;
}

function ShopCard({
  marketplace,
  name,
  icon,
  about,
  connection,
  chosen,
  action,
  onChoose,
  onDisconnect,
  refresh,
}: {
  marketplace: Marketplace;
  name: string;
  icon: ReactNode;
  about: string;
  connection: Connection | null;
  chosen: boolean;
  /** What connects the shop, shown until it is connected. */
  action: ReactNode;
  onChoose: () => void;
  onDisconnect: () => void;
  refresh: CategoryRefresh;
}) {
  const { t } = useUploadWords();
  // Removing a sign-in cannot be undone from here (the seller signs in again), so it asks once, in place.
  const [asking, setAsking] = useState(false);
  const state = connection?.state ?? 'none';
  const titleId = `shop-${marketplace}`;
  return (
    <li
      className={`panel shop-card shop-card--${state}${chosen && connection ? ' shop-card--chosen' : ''}`}
      aria-labelledby={titleId}
      data-testid={titleId}
    >
      <div className="shop-card__head">
        <span className={`shop-card__icon shop-card__icon--${marketplace}`} aria-hidden="true">
          {icon}
        </span>
        <h3 className="shop-card__name" id={titleId}>
          {name}
        </h3>
        <span className={`shop-state shop-state--${state}`} data-testid="shop-state">
          {state === 'connected' ? <Icon name="check" /> : null}
          {state === 'needs_reconnect' ? <Icon name="alert" /> : null}
          {t(`screen.connection.${state}`)}
        </span>
      </div>
      <p className="shop-card__about">{about}</p>
      {connection?.account ? (
        <p className="shop-card__account">{t('screen.account', { account: connection.account })}</p>
      ) : null}
      {state === 'needs_reconnect' ? (
        <p className="shop-card__warning">{t('screen.connection.needsReconnectHint')}</p>
      ) : null}
      {connection?.clockOffsetMs !== undefined ? (
        <p className="shop-card__warning" data-testid="clock-warning">
          {t('common:errors.clock_wrong', { minutes: Math.round(Math.abs(connection.clockOffsetMs) / 60_000) })}
        </p>
      ) : null}
      {state !== 'connected' ? action : null}
      {connection ? (
        <div className="shop-card__actions">
          {chosen ? (
            <span className="shop-card__chosen">
              <Icon name="send" />
              {t('screen.sendingTo')}
            </span>
          ) : (
            <button type="button" className="button" onClick={onChoose}>
              <Icon name="send" />
              {t('screen.sendTo')}
            </button>
          )}
          {state === 'connected' ? (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => refresh.start(marketplace)}
              disabled={refresh.running !== null}
            >
              <Icon name="refresh" />
              {t('screen.categories.refresh')}
            </button>
          ) : null}
          {state === 'connected' && !asking ? (
            <button type="button" className="button button--quiet" onClick={() => setAsking(true)}>
              <Icon name="close" />
              {t('screen.disconnect')}
            </button>
          ) : null}
        </div>
      ) : null}
      {refresh.running === marketplace ? (
        <JobProgressBar
          title={t('screen.categories.progress', { shop: name })}
          progress={refresh.progress}
          onCancel={refresh.cancel}
          cancelling={refresh.cancelling}
          testId="category-refresh-progress"
        />
      ) : null}
      {asking ? (
        <div className="shop-card__ask" role="group" aria-label={t('screen.disconnect')}>
          <p>{t('screen.disconnectAsk')}</p>
          <div className="shop-card__actions">
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                setAsking(false);
                onDisconnect();
              }}
            >
              {t('screen.disconnectYes')}
            </button>
            <button type="button" className="button" onClick={() => setAsking(false)}>
              {t('screen.disconnectNo')}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
