import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Language,
  ProductSort,
  ProductStatus,
  ProductSummary,
  Seller,
} from '../../../../electron/shared/catalogue';
import type { AppError } from '../../../../electron/shared/result';
import { useNavigation, type CatalogueRoute } from '../../app/navigation';
import { useToast } from '../../app/toasts';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/numbers';
import { useDebounced } from '../../lib/useDebounced';
import { newJobId, useJobProgress } from '../../lib/useJobProgress';
import { useLoad } from '../../lib/useLoad';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/Icon';
import { JobProgressBar } from '../../ui/JobProgressBar';
import { LoadFailed } from '../../ui/LoadFailed';
import { BulkBar, SelectionSummary } from './BulkBar';
import { BulkDialog, type BulkKind, type BulkRequest } from './BulkDialog';
import { BulkOutcome, type Outcome } from './BulkOutcome';
import { ExportButton } from './ExportButton';
import { FilterBar } from './FilterBar';
import { usePageCache } from './pageCache';
import { ProductTable } from './ProductTable';
import { DEFAULT_SORT, FIRST_DIRECTION, hasFilters, NO_FILTERS, searchInput, type Filters, type Sort } from './query';
import { savedView, saveView } from './viewState';

const NO_SELLERS: readonly Seller[] = [];
const NOTHING: ReadonlySet<number> = new Set();
/** Room left under the table so its last row is not glued to the window's edge. */
const BOTTOM_GAP = 16;

/**
 * "Tabel produk": every product of one participant, or of the whole laptop, as rows to
 * find and fix many at once. Search and filters narrow the rows, a tick box picks them
 * (or every match at once), and one change applies to all picked, with a report of any
 * product it did not fit and an undo.
 */
export function CatalogueScreen({
  sellerId,
  sellerName,
}: {
  sellerId?: number | undefined;
  sellerName?: string | undefined;
}) {
  const { t, i18n } = useTranslation('catalogue');
  const { t: ui } = useTranslation();
  const language = i18n.language as Language;
  const { go } = useNavigation();
  const toast = useToast();
  const wholeCatalogue = sellerId === undefined;
  const here: CatalogueRoute = useMemo(
    () => ({
      screen: 'catalogue',
      ...(sellerId !== undefined && sellerName !== undefined ? { sellerId, sellerName } : {}),
    }),
    [sellerId, sellerName],
  );
  const viewKey = `catalogue:${sellerId ?? 'all'}`;
  const [restored] = useState(() => savedView(viewKey));

  const [filters, setFilters] = useState<Filters>(restored?.filters ?? NO_FILTERS);
  const [sort, setSort] = useState<Sort>(restored?.sort ?? DEFAULT_SORT);
  const query = useDebounced(filters.query, 250);
  const { status, problem, categoryId } = filters;
  const filterSellerId = filters.sellerId;
  const input = useMemo(
    () => searchInput(sellerId, { ...NO_FILTERS, status, problem, sellerId: filterSellerId, categoryId }, query, sort),
    [sellerId, status, problem, filterSellerId, categoryId, query, sort],
  );
  const cache = usePageCache(input);
  const total = cache.total;

  const [sellers] = useLoad(() => api.invoke('sellers:list', {}), 'sellers');
  const sellerList = sellers.state === 'ready' ? sellers.value : NO_SELLERS;
  const sellerNames = useMemo(() => new Map(sellerList.map((seller) => [seller.id, seller.name])), [sellerList]);

  // ---------- selection ----------
  const [selected, setSelected] = useState<ReadonlySet<number>>(restored?.selected ?? NOTHING);
  const anchor = useRef<number | null>(null);
  const [selectingAll, setSelectingAll] = useState(false);

  const onToggle = useCallback(
    (index: number, id: number, range: boolean) => {
      const from = anchor.current;
      anchor.current = index;
      if (!range || from === null || from === index) {
        setSelected((before) => {
          const next = new Set(before);
          if (!next.delete(id)) next.add(id);
          return next;
        });
        return;
      }
      const [low, high] = from < index ? [from, index] : [index, from];
      const loaded = cache.idsBetween(low, high);
      // Rows between may not be loaded (a long scroll between the two clicks): the full id
      // list is in the same order as the table.
      void (loaded ? Promise.resolve({ ok: true as const, value: loaded }) : cache.allIds()).then((answer) => {
        if (!answer.ok) {
          toast({ message: errorMessage(ui, answer.error), tone: 'error' });
          return;
        }
        const ids = loaded ?? answer.value.slice(low, high + 1);
        setSelected((before) => new Set([...before, ...ids]));
      });
    },
    [cache, ui, toast],
  );

  const onToggleMany = useCallback((ids: readonly number[], select: boolean) => {
    setSelected((before) => {
      const next = new Set(before);
      for (const id of ids) {
        if (select) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);

  async function selectAll() {
    setSelectingAll(true);
    const answer = await cache.allIds();
    setSelectingAll(false);
    if (answer.ok) setSelected(new Set(answer.value));
    else toast({ message: errorMessage(ui, answer.error), tone: 'error' });
  }

  // A new search is a new list: ticks on rows no longer shown would be changed unseen.
  const searchKey = JSON.stringify(input);
  const lastSearch = useRef(searchKey);
  const scrollRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (lastSearch.current === searchKey) return;
    lastSearch.current = searchKey;
    setSelected(NOTHING);
    anchor.current = null;
    scrollRef.current?.scrollTo({ top: 0 });
  }, [searchKey]);

  // ---------- remembering the view for "Kembali" ----------
  const latest = useRef({ filters, sort, selected });
  useEffect(() => {
    latest.current = { filters, sort, selected };
  });
  useEffect(
    () => () => saveView(viewKey, { ...latest.current, scrollOffset: scrollRef.current?.scrollTop ?? 0 }),
    [viewKey],
  );

  // ---------- the table fills the window below its header ----------
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = root.current;
    if (!element) return;
    const fit = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      element.style.setProperty('--catalogue-height', `${Math.max(420, window.innerHeight - top - BOTTOM_GAP)}px`);
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);

  // ---------- bulk changes ----------
  const [dialog, setDialog] = useState<BulkKind | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [applying, setApplying] = useState(false);
  // The bulk change (or undo) running now: its progress bar, and "Hentikan" cancels it.
  const [bulkJob, setBulkJob] = useState<string | null>(null);
  const bulkProgress = useJobProgress(bulkJob);
  const stopBulk = () => {
    if (bulkJob !== null) void api.invoke('jobs:cancel', { jobId: bulkJob }).catch(() => null);
  };

  const apply = useCallback(
    async (request: BulkRequest): Promise<AppError | null> => {
      const ids = [...selected];
      const jobId = newJobId('bulk-edit');
      setBulkJob(jobId);
      const answer = await api
        .invoke('products:bulkEdit', { ids, change: request.change, jobId })
        .catch(() => ({ ok: false as const, error: { code: 'internal' as const, message: 'bulkEdit failed' } }));
      setBulkJob(null);
      if (!answer.ok) return answer.error;
      setOutcome({ ...answer.value, request, undone: null, undoing: false });
      setDialog(null);
      cache.refresh();
      return null;
    },
    [selected, cache],
  );

  async function changeStatus(next: ProductStatus) {
    setApplying(true);
    const error = await apply({ change: { kind: 'status', status: next } });
    setApplying(false);
    if (error) toast({ message: errorMessage(ui, error), tone: 'error' });
  }

  async function undo() {
    if (!outcome) return;
    setOutcome({ ...outcome, undoing: true });
    const jobId = newJobId('bulk-undo');
    setBulkJob(jobId);
    const answer = await api
      .invoke('products:bulkUndo', { editId: outcome.editId, jobId })
      .catch(() => ({ ok: false as const, error: { code: 'internal' as const, message: 'bulkUndo failed' } }));
    setBulkJob(null);
    cache.refresh();
    if (answer.ok) setOutcome({ ...outcome, undone: answer.value, undoing: false });
    else {
      setOutcome({ ...outcome, undoing: false });
      toast({ message: errorMessage(ui, answer.error), tone: 'error' });
    }
  }

  // ---------- opening a product ----------
  const openProduct = useCallback(
    (product: Pick<ProductSummary, 'id' | 'name' | 'sellerId'>) => {
      go({
        screen: 'productForm',
        sellerId: product.sellerId,
        sellerName: sellerName ?? sellerNames.get(product.sellerId) ?? '',
        productId: product.id,
        productName: product.name,
        returnTo: here,
      });
    },
    [go, here, sellerName, sellerNames],
  );

  async function openSkipped(id: number, name: string) {
    if (sellerId !== undefined) return openProduct({ id, name, sellerId });
    const answer = await api.invoke('products:get', { id });
    if (answer.ok) openProduct(answer.value);
    else toast({ message: errorMessage(ui, answer.error), tone: 'error' });
  }

  function onSort(column: ProductSort) {
    setSort((before) =>
      before.sort === column
        ? { sort: column, direction: before.direction === 'asc' ? 'desc' : 'asc' }
        : { sort: column, direction: FIRST_DIRECTION[column] },
    );
  }

  const changeFilters = (change: Partial<Filters>) => setFilters((before) => ({ ...before, ...change }));
  const filtered = hasFilters(filters);
  // "No products at all" only when nothing narrows the search (typing included).
  const emptyCatalogue = total === 0 && !filtered && !hasFilters({ ...NO_FILTERS, query });
  const sample = dialog === 'price' ? cache.find((product) => selected.has(product.id)) : null;

  const title = wholeCatalogue ? t('screen.titleAll') : t('screen.titleSeller', { name: sellerName ?? '' });

  return (
    <div className="catalogue" ref={root}>
      <div className="screen-head catalogue__head">
        <div>
          <h1 className="screen-head__title">{title}</h1>
          <p className="screen-head__intro">{wholeCatalogue ? t('screen.introAll') : t('screen.introSeller')}</p>
        </div>
        <div className="screen-head__actions">
          {!wholeCatalogue && sellerName !== undefined ? (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => go({ screen: 'import', sellerId, sellerName })}
            >
              <Icon name="upload" />
              {t('toolbar.import')}
            </button>
          ) : null}
          {emptyCatalogue ? null : <ExportButton sellerId={sellerId} />}
        </div>
      </div>

      {emptyCatalogue ? null : (
        <FilterBar filters={filters} onChange={changeFilters} wholeCatalogue={wholeCatalogue} sellers={sellerList} />
      )}

      {total !== null && !emptyCatalogue ? (
        <div className="catalogue__summary">
          <p className="catalogue__total" role="status" data-testid="total">
            {t('screen.total', { count: total, number: formatNumber(total, language) })}
          </p>
          {/* With no match, the empty state below carries the one "Hapus filter". */}
          {filtered && total > 0 ? (
            <button type="button" className="button button--quiet" onClick={() => setFilters(NO_FILTERS)}>
              <Icon name="close" />
              {t('filters.clear')}
            </button>
          ) : null}
          {selected.size > 0 ? (
            <SelectionSummary
              count={selected.size}
              total={total}
              selectingAll={selectingAll}
              onSelectAll={() => void selectAll()}
              onClear={() => setSelected(NOTHING)}
            />
          ) : null}
        </div>
      ) : null}

      {selected.size > 0 && total !== null ? (
        <BulkBar
          count={selected.size}
          busy={applying}
          onEdit={setDialog}
          onStatus={(next) => void changeStatus(next)}
        />
      ) : null}

      {bulkJob !== null && dialog === null ? (
        <JobProgressBar
          title={
            outcome?.undoing
              ? t('outcome.undoing')
              : t('bulk.applying', { count: selected.size, number: formatNumber(selected.size, language) })
          }
          progress={bulkProgress}
          onCancel={stopBulk}
          testId="bulk-progress"
        />
      ) : null}

      {outcome ? (
        <BulkOutcome
          outcome={outcome}
          onUndo={() => void undo()}
          onClose={() => setOutcome(null)}
          onOpenProduct={(id, name) => void openSkipped(id, name)}
        />
      ) : null}

      {cache.failed ? <LoadFailed error={cache.failed} onRetry={() => cache.refresh()} /> : null}

      {total === null && !cache.failed ? <p className="muted">{ui('app.loading')}</p> : null}

      {emptyCatalogue ? (
        <EmptyState
          icon="box"
          title={t('empty.title')}
          hint={wholeCatalogue ? t('empty.hintAll') : t('empty.hintSeller')}
          action={
            wholeCatalogue ? (
              <button type="button" className="button button--primary" onClick={() => go({ screen: 'sellers' })}>
                <Icon name="user" />
                {t('empty.toSellers')}
              </button>
            ) : sellerName !== undefined ? (
              <button
                type="button"
                className="button button--primary"
                onClick={() => go({ screen: 'import', sellerId, sellerName })}
              >
                <Icon name="upload" />
                {t('toolbar.import')}
              </button>
            ) : undefined
          }
        />
      ) : null}

      {total === 0 && !emptyCatalogue ? (
        <EmptyState
          icon="search"
          title={t('empty.noMatchTitle')}
          hint={t('empty.noMatchHint')}
          action={
            <button type="button" className="button button--primary" onClick={() => setFilters(NO_FILTERS)}>
              <Icon name="close" />
              {t('filters.clear')}
            </button>
          }
        />
      ) : null}

      {total !== null && total > 0 ? (
        <ProductTable
          cache={cache}
          total={total}
          wholeCatalogue={wholeCatalogue}
          sellerNames={sellerNames}
          sort={sort}
          onSort={onSort}
          problemFirst={problem && problem !== 'any' && problem !== 'none' ? problem : undefined}
          selected={selected}
          onToggle={onToggle}
          onToggleMany={onToggleMany}
          onOpen={openProduct}
          scrollRef={scrollRef}
          initialOffset={restored?.scrollOffset ?? 0}
        />
      ) : null}

      {dialog ? (
        <BulkDialog
          kind={dialog}
          count={selected.size}
          sample={sample}
          onApply={apply}
          onClose={() => setDialog(null)}
          progress={bulkProgress}
          onStop={stopBulk}
        />
      ) : null}
    </div>
  );
}
