import type { Connection } from '../../../../electron/shared/uploads';
import { Icon } from '../../ui/Icon';
import { useUploadWords } from './useUploadWords';

/**
 * Where the products go: the practice shop (on this laptop, works without internet) with one
 * button to connect it, and Lazada, whose sign-in screen comes later (said plainly, not
 * hidden behind a button that does nothing).
 */
export function ShopCards({
  practice,
  connecting,
  onConnect,
}: {
  practice: Connection | null;
  connecting: boolean;
  onConnect: () => void;
}) {
  const { t } = useUploadWords();
  const state = practice?.state ?? 'none';
  return (
    <section className="upload-shops" aria-labelledby="upload-shops-title">
      <h2 className="upload-section-title" id="upload-shops-title">
        {t('screen.shops')}
      </h2>
      <ul className="upload-shops__list">
        <li
          className={`panel shop-card shop-card--${state}`}
          aria-labelledby="shop-practice"
          data-testid="shop-practice"
        >
          <div className="shop-card__head">
            <span className="shop-card__icon" aria-hidden="true">
              <Icon name="store" />
            </span>
            <h3 className="shop-card__name" id="shop-practice">
              {t('screen.practice.name')}
            </h3>
            <span className={`shop-state shop-state--${state}`} data-testid="shop-state">
              {state === 'connected' ? <Icon name="check" /> : null}
              {state === 'needs_reconnect' ? <Icon name="alert" /> : null}
              {t(`screen.connection.${state}`)}
            </span>
          </div>
          <p className="shop-card__about">{t('screen.practice.about')}</p>
          {state === 'needs_reconnect' ? (
            <p className="shop-card__warning">{t('screen.connection.needsReconnectHint')}</p>
          ) : null}
          {state !== 'connected' ? (
            <button
              type="button"
              className="button button--primary shop-card__button"
              onClick={onConnect}
              disabled={connecting}
            >
              <Icon name="plug" />
              {connecting
                ? t('screen.practice.connecting')
                : state === 'needs_reconnect'
                  ? t('screen.practice.reconnect')
                  : t('screen.practice.connect')}
            </button>
          ) : null}
        </li>
        <li className="panel shop-card shop-card--soon" aria-labelledby="shop-lazada" data-testid="shop-lazada">
          <div className="shop-card__head">
            <span className="shop-card__icon shop-card__icon--lazada" aria-hidden="true">
              L
            </span>
            <h3 className="shop-card__name" id="shop-lazada">
              {t('screen.lazada.name')}
            </h3>
            <span className="shop-state shop-state--soon">{t('screen.lazada.soon')}</span>
          </div>
          <p className="shop-card__about">{t('screen.lazada.about')}</p>
        </li>
      </ul>
    </section>
  );
}
