import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryCrumb, CategorySummary } from '../../../../electron/shared/categories';
import { api } from '../../lib/api';
import { useDebounced } from '../../lib/useDebounced';
import { useLoad, type Load } from '../../lib/useLoad';
import { Icon } from '../../ui/Icon';
import { useCategoryDetail } from './useCategoryDetail';

export interface CategoryPickerProps {
  readonly value: number | null;
  readonly onChange: (id: number | null) => void;
  /** The product's name as typed: categories it suggests are offered first. */
  readonly productName?: string;
}

/** Typing pauses this long before a search; suggestions wait a little more (the name is still being typed). */
const SEARCH_DELAY_MS = 250;
const SUGGEST_DELAY_MS = 400;
const SEARCH_LIMIT = 20;
/** categories:suggest takes a product name of at most this many characters. */
const MAX_NAME = 255;

const SEPARATOR = ' › ';

/**
 * Choosing a marketplace category, for someone who has never seen a category tree: the
 * chosen one reads as a breadcrumb ("Makanan & Minuman › Makanan Ringan › Keripik") with
 * "Ganti"; picking offers, in this order, what the product's name suggests, what was used
 * recently, a search box, and the whole tree one level at a time. Only a leaf can be
 * chosen (Lazada refuses the others), so a branch opens instead of being picked.
 *
 * Every entry is a button that says what it does. Up and down arrows move between them
 * (and from the search box into the results), Escape goes back to the chosen category.
 * Self-contained (it loads everything it shows), so a filter or a bulk action can use it.
 */
export function CategoryPicker({ value, onChange, productName = '' }: CategoryPickerProps) {
  const { t } = useTranslation('categories');
  const [category, retry] = useCategoryDetail(value);
  const [picking, setPicking] = useState(false);
  const changeRef = useRef<HTMLButtonElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const open = value === null || picking || category.state === 'gone';

  const choose = (summary: CategorySummary) => {
    setPicking(false);
    onChange(summary.id);
    // The list disappears with the focused entry in it: keep focus on the result.
    requestAnimationFrame(() => changeRef.current?.focus());
  };
  const startPicking = () => {
    setPicking(true);
    requestAnimationFrame(() => searchRef.current?.focus());
  };
  const cancel = () => {
    setPicking(false);
    requestAnimationFrame(() => changeRef.current?.focus());
  };

  return (
    <div className="category-picker" role="group" aria-label={t('picker.label')}>
      {value !== null && category.state !== 'gone' ? (
        <div className="category-chosen" data-testid="category-chosen">
          <Icon name="check" className="category-chosen__icon" />
          <div className="category-chosen__text">
            <span className="category-chosen__label">{t('picker.chosen')}</span>
            {category.state === 'ready' ? (
              <CategoryPath names={category.detail.path.map((crumb) => crumb.name)} />
            ) : category.state === 'failed' ? (
              <span className="category-chosen__problem">
                {t('picker.loadFailed')}{' '}
                <button type="button" className="link-button" onClick={retry}>
                  {t('picker.retry')}
                </button>
              </span>
            ) : (
              <span className="muted">{t('picker.loading')}</span>
            )}
          </div>
          {open ? null : (
            <div className="category-chosen__actions">
              <button
                type="button"
                className="button"
                ref={changeRef}
                onClick={startPicking}
                aria-label={
                  category.state === 'ready' ? t('picker.changeNamed', { name: category.detail.name }) : undefined
                }
              >
                <Icon name="edit" />
                {t('picker.change')}
              </button>
              <button type="button" className="button button--quiet" onClick={() => onChange(null)}>
                {t('picker.clear')}
              </button>
            </div>
          )}
        </div>
      ) : null}
      {category.state === 'gone' ? (
        <p className="category-picker__gone" role="status">
          <Icon name="alert" />
          {t('picker.gone')}
        </p>
      ) : null}
      {open ? (
        <PickingPanel
          productName={productName}
          startAt={category.state === 'ready' ? category.detail.path.slice(0, -1) : []}
          searchRef={searchRef}
          onChoose={choose}
          onCancel={value !== null && category.state !== 'gone' ? cancel : null}
        />
      ) : null}
    </div>
  );
}

/** "Makanan & Minuman › Makanan Ringan › Keripik", the chosen one in bold. */
function CategoryPath({ names }: { names: readonly string[] }) {
  const last = names.length - 1;
  return (
    <span className="category-path" data-testid="category-path">
      {names.map((name, index) => (
        <span key={`${index}-${name}`}>
          {index === last ? <strong>{name}</strong> : name}
          {index === last ? null : <span aria-hidden="true">{SEPARATOR}</span>}
          {index === last ? null : <span className="sr-only">, </span>}
        </span>
      ))}
    </span>
  );
}

interface PickingPanelProps {
  readonly productName: string;
  /** Where browsing starts: the chosen category's parents, so "Ganti" shows its neighbours. */
  readonly startAt: readonly CategoryCrumb[];
  readonly searchRef: RefObject<HTMLInputElement | null>;
  readonly onChoose: (category: CategorySummary) => void;
  readonly onCancel: (() => void) | null;
}

function PickingPanel({ productName, startAt, searchRef, onChoose, onCancel }: PickingPanelProps) {
  const { t, i18n } = useTranslation('categories');
  const id = useId();
  const [query, setQuery] = useState('');
  const panelRef = useRef<HTMLDivElement>(null);
  const typed = useDebounced(query.trim(), SEARCH_DELAY_MS);
  const name = useDebounced(productName.trim().slice(0, MAX_NAME), SUGGEST_DELAY_MS);
  const language = i18n.language;

  const [results] = useLoad(
    () =>
      typed
        ? api.invoke('categories:search', { query: typed, limit: SEARCH_LIMIT })
        : Promise.resolve({ ok: true as const, value: [] }),
    `${language}:${typed}`,
  );
  const [suggestions] = useLoad(
    () => (name ? api.invoke('categories:suggest', { name }) : Promise.resolve({ ok: true as const, value: [] })),
    `${language}:${name}`,
  );
  const [recent] = useLoad(() => api.invoke('categories:recent', {}), language);

  const searching = query.trim() !== '';
  const suggested = listOf(suggestions);
  const suggestedIds = new Set(suggested.map((category) => category.id));
  const recentOnes = listOf(recent).filter((category) => !suggestedIds.has(category.id));

  // Up and down move between the entries, from the search box into the list and back.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const panel = panelRef.current;
    if (!panel) return;
    const stops = [
      searchRef.current,
      ...panel.querySelectorAll<HTMLButtonElement>('.category-option, .category-trail__crumb'),
    ].filter((element): element is HTMLInputElement | HTMLButtonElement => element !== null);
    const at = stops.indexOf(document.activeElement as HTMLInputElement | HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? Math.min(at + 1, stops.length - 1) : Math.max(at - 1, 0);
    stops[next]?.focus();
  };

  return (
    <div className="category-panel" ref={panelRef} onKeyDown={onKeyDown}>
      <div className="category-search">
        <label className="field__label category-search__label" htmlFor={`${id}-search`}>
          <Icon name="search" />
          {t('search.label')}
        </label>
        <input
          id={`${id}-search`}
          ref={searchRef}
          className="input"
          type="search"
          autoComplete="off"
          value={query}
          placeholder={t('search.placeholder')}
          aria-describedby={`${id}-search-hint`}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            // Enter would send the whole product form; here it means "go to the results".
            if (event.key === 'Enter') {
              event.preventDefault();
              panelRef.current?.querySelector<HTMLButtonElement>('.category-option')?.focus();
            }
          }}
        />
        <p className="field__hint" id={`${id}-search-hint`}>
          {t('search.hint')}
        </p>
      </div>

      {searching ? (
        <SearchResults query={query.trim()} settled={typed === query.trim()} results={results} onChoose={onChoose} />
      ) : (
        <>
          {suggested.length > 0 ? (
            <OptionSection id={`${id}-suggest`} title={t('suggest.title')} icon="check">
              <OptionList categories={suggested} onChoose={onChoose} />
            </OptionSection>
          ) : null}
          {recentOnes.length > 0 ? (
            <OptionSection id={`${id}-recent`} title={t('recent.title')} icon="undo">
              <OptionList categories={recentOnes} onChoose={onChoose} />
            </OptionSection>
          ) : null}
          <Browser id={`${id}-browse`} startAt={startAt} onChoose={onChoose} />
        </>
      )}

      {onCancel ? (
        <button type="button" className="button button--quiet category-panel__cancel" onClick={onCancel}>
          {t('picker.cancel')}
        </button>
      ) : null}
    </div>
  );
}

function listOf(load: Load<readonly CategorySummary[]>): readonly CategorySummary[] {
  return load.state === 'ready' ? load.value : [];
}

function OptionSection({
  id,
  title,
  icon,
  children,
}: {
  id: string;
  title: string;
  icon: 'check' | 'undo' | 'box' | 'search';
  children: ReactNode;
}) {
  // Sections found by their headings, not named regions: a region named "Saran dari nama
  // produk" would also answer to a search for the "Nama produk" field by its label.
  return (
    <section className="category-section">
      <h3 className="category-section__title" id={id}>
        <Icon name={icon} />
        {title}
      </h3>
      {children}
    </section>
  );
}

function SearchResults({
  query,
  settled,
  results,
  onChoose,
}: {
  query: string;
  settled: boolean;
  results: Load<readonly CategorySummary[]>;
  onChoose: (category: CategorySummary) => void;
}) {
  const { t } = useTranslation('categories');
  const id = useId();
  const found = listOf(results);
  // Say "nothing found" only for the query on screen, not while the next one is on its way.
  const status =
    results.state === 'failed'
      ? t('search.failed')
      : !settled || results.state === 'loading'
        ? t('search.searching')
        : found.length === 0
          ? t('search.noMatch', { query })
          : t('search.results', { count: found.length });
  return (
    <section className="category-section">
      <h3 className="category-section__title" id={id}>
        <Icon name="search" />
        {t('search.resultsTitle')}
      </h3>
      <p className="category-section__status" role="status">
        {status}
      </p>
      {found.length > 0 ? <OptionList categories={found} onChoose={onChoose} /> : null}
    </section>
  );
}

/**
 * Leaves as big buttons: name first, where it sits in the tree under it (left out while
 * browsing, where the trail above already says it), "Pilih" on the right.
 */
function OptionList({
  categories,
  onChoose,
  onOpen,
}: {
  categories: readonly CategorySummary[];
  onChoose: (category: CategorySummary) => void;
  /** Browsing: branches open instead of being chosen. */
  onOpen?: (category: CategorySummary) => void;
}) {
  const { t } = useTranslation('categories');
  return (
    <ul className="category-options">
      {categories.map((category) => {
        const parents = onOpen ? [] : category.path.slice(0, -1);
        if (!category.leaf && onOpen) {
          return (
            <li key={category.id}>
              <button
                type="button"
                className="category-option category-option--branch"
                onClick={() => onOpen(category)}
                aria-label={t('browse.open', { name: category.name })}
              >
                <span className="category-option__name">{category.name}</span>
                <Icon name="chevron" className="category-option__chevron" />
              </button>
            </li>
          );
        }
        return (
          <li key={category.id}>
            <button type="button" className="category-option" onClick={() => onChoose(category)}>
              <span className="category-option__text">
                <span className="category-option__name">{category.name}</span>
                {parents.length > 0 ? (
                  <span className="category-option__path">
                    <span className="sr-only">{t('option.in')} </span>
                    {parents.join(SEPARATOR)}
                  </span>
                ) : null}
              </span>
              <span className="category-option__choose">{t('option.choose')}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The tree one level at a time, with a trail back up ("Semua kategori › Makanan & Minuman"). */
function Browser({
  id,
  startAt,
  onChoose,
}: {
  id: string;
  startAt: readonly CategoryCrumb[];
  onChoose: (category: CategorySummary) => void;
}) {
  const { t, i18n } = useTranslation('categories');
  const [trail, setTrail] = useState<readonly CategoryCrumb[]>(startAt);
  const listRef = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);
  const parentId = trail.at(-1)?.id ?? null;
  const levelKey = `${i18n.language}:${parentId ?? 'top'}`;
  const [children, reload] = useLoad(() => api.invoke('categories:children', { parentId }), levelKey);

  const goTo = (next: readonly CategoryCrumb[]) => {
    setTrail(next);
    focusPending.current = true;
  };
  // Focus follows into the new level once it is there, so a keyboard user is not left on
  // a button that went away with the level before.
  const shown = children.state === 'ready' ? children.value : null;
  useEffect(() => {
    if (!focusPending.current || !shown) return;
    focusPending.current = false;
    listRef.current?.querySelector<HTMLButtonElement>('.category-option')?.focus();
  }, [shown]);

  return (
    <section className="category-section">
      <h3 className="category-section__title" id={id}>
        <Icon name="box" />
        {t('browse.title')}
      </h3>
      <div ref={listRef}>
        <div className="category-trail">
          <ol className="category-trail__list" aria-label={t('browse.trail')}>
            <li>
              {trail.length === 0 ? (
                <span className="category-trail__here" aria-current="location">
                  {t('browse.top')}
                </span>
              ) : (
                <button type="button" className="link-button category-trail__crumb" onClick={() => goTo([])}>
                  {t('browse.top')}
                </button>
              )}
            </li>
            {trail.map((crumb, index) => (
              <li key={crumb.id}>
                <span aria-hidden="true" className="category-trail__separator">
                  ›
                </span>
                {index === trail.length - 1 ? (
                  <span className="category-trail__here" aria-current="location">
                    {crumb.name}
                  </span>
                ) : (
                  <button
                    type="button"
                    className="link-button category-trail__crumb"
                    onClick={() => goTo(trail.slice(0, index + 1))}
                  >
                    {crumb.name}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </div>
        {children.state === 'failed' ? (
          <p className="category-section__status">
            {t('picker.loadFailed')}{' '}
            <button type="button" className="link-button" onClick={reload}>
              {t('picker.retry')}
            </button>
          </p>
        ) : null}
        {children.state === 'ready' ? (
          <OptionList
            categories={children.value}
            onChoose={onChoose}
            onOpen={(category) => goTo([...trail, { id: category.id, name: category.name }])}
          />
        ) : null}
      </div>
    </section>
  );
}
