import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, ProductSort, ProductSummary, ReadinessProblem } from '../../../../electron/shared/catalogue';
import { formatRupiah } from '../../../../electron/shared/plain/numbers';
import { formatMoment } from '../../lib/dates';
import { formatNumber } from '../../lib/numbers';
import { useCategoryNames, type CategoryName } from './categoryNames';
import type { PageCache } from './pageCache';
import { ProblemBadges } from './ProblemBadges';
import type { Sort } from './query';
import { Icon } from '../../ui/Icon';

/** Fixed heights: the virtualiser places rows by arithmetic, never by measuring. Match catalogue.css. */
export const ROW_HEIGHT = 52;
const HEADER_HEIGHT = 48;
/** Rows rendered beyond each edge of the view, so a short scroll shows no blank rows. */
const OVERSCAN = 6;

export interface TableProps {
  readonly cache: PageCache;
  readonly total: number;
  /** The whole catalogue: a participant column, names from `sellerNames`. */
  readonly wholeCatalogue: boolean;
  readonly sellerNames: ReadonlyMap<number, string>;
  readonly sort: Sort;
  readonly onSort: (sort: ProductSort) => void;
  /** The readiness problem filtered by, whose badge each row shows first. */
  readonly problemFirst: ReadinessProblem | undefined;
  readonly selected: ReadonlySet<number>;
  /** A row's checkbox or Space; `range` with Shift (from the last row toggled). */
  readonly onToggle: (index: number, id: number, range: boolean) => void;
  readonly onToggleMany: (ids: readonly number[], select: boolean) => void;
  readonly onOpen: (product: ProductSummary) => void;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  readonly initialOffset: number;
}

/**
 * The product table: a grid of rows that scroll inside it under a header that stays, with
 * only the rows in view (and a few beyond) in the page, however many products match.
 *
 * Keyboard: the table is one Tab stop; arrow keys, Page Up/Down, Home and End move between
 * rows, Space ticks the row (Shift+Space ticks the rows since the last one ticked), Enter
 * opens the product.
 */
export function ProductTable(props: TableProps) {
  const {
    cache,
    total,
    wholeCatalogue,
    sellerNames,
    selected,
    onToggle,
    onToggleMany,
    onOpen,
    scrollRef,
    problemFirst,
  } = props;
  const { t, i18n } = useTranslation('catalogue');
  const language = i18n.language as Language;
  const categoryName = useCategoryNames();

  // The virtualiser's methods change what they return without changing identity, which
  // the React Compiler cannot memoise; this component is not compiled, so nothing is lost.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    initialOffset: props.initialOffset,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const version = cache.getVersion();
  useEffect(() => {
    if (last >= first) cache.want(first, last);
  }, [cache, first, last, version]);

  // Roving focus: one row is the Tab stop; keys move it.
  const [active, setActive] = useState(0);
  const focusWanted = useRef(false);
  const tabStop = active >= first && active <= last ? active : first;

  const moveTo = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(total - 1, index));
      setActive(next);
      focusWanted.current = true;
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [total, virtualizer],
  );

  useEffect(() => {
    if (!focusWanted.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (row) {
      focusWanted.current = false;
      row.focus({ preventScroll: true });
    }
  });

  const visible = virtualizer.range;
  const visibleIds =
    visible && visible.endIndex >= visible.startIndex ? cache.idsBetween(visible.startIndex, visible.endIndex) : null;
  const visibleSelected = visibleIds?.filter((id) => selected.has(id)).length ?? 0;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row || event.target !== row) return;
    const index = Number(row.dataset['index']);
    const page = Math.max(1, (visible?.endIndex ?? 0) - (visible?.startIndex ?? 0));
    const product = cache.row(index);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: total - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === ' ' && product) {
      event.preventDefault();
      onToggle(index, product.id, event.shiftKey);
    } else if (event.key === 'Enter' && product) {
      event.preventDefault();
      onOpen(product);
    }
  }

  const gridClass = `catalogue-grid${wholeCatalogue ? ' catalogue-grid--whole' : ''}`;

  return (
    <div
      className="catalogue-table"
      role="grid"
      aria-label={t('table.label')}
      aria-rowcount={total + 1}
      aria-multiselectable="true"
    >
      <div className="catalogue-table__scroller" ref={scrollRef} data-testid="table-scroller">
        <div role="rowgroup" className="catalogue-table__head">
          <div role="row" aria-rowindex={1} className={`catalogue-row catalogue-row--head ${gridClass}`}>
            <div role="columnheader" className="catalogue-cell catalogue-cell--check">
              <HeaderCheckbox
                label={t('table.selectVisible')}
                disabled={!visibleIds || visibleIds.length === 0}
                checked={visibleIds !== null && visibleIds.length > 0 && visibleSelected === visibleIds.length}
                mixed={visibleSelected > 0 && visibleSelected < (visibleIds?.length ?? 0)}
                onChange={(select) => visibleIds && onToggleMany(visibleIds, select)}
              />
            </div>
            <SortHeader column="name" {...props}>
              {t('columns.name')}
            </SortHeader>
            {wholeCatalogue ? (
              <div role="columnheader" className="catalogue-cell">
                {t('columns.seller')}
              </div>
            ) : null}
            <div role="columnheader" className="catalogue-cell">
              {t('columns.category')}
            </div>
            <SortHeader column="price" {...props}>
              {t('columns.price')}
            </SortHeader>
            <div role="columnheader" className="catalogue-cell catalogue-cell--number">
              {t('columns.stock')}
            </div>
            <div role="columnheader" className="catalogue-cell">
              {t('columns.status')}
            </div>
            <div role="columnheader" className="catalogue-cell">
              {t('columns.problems')}
            </div>
            <SortHeader column="updated" {...props}>
              {t('columns.updated')}
            </SortHeader>
          </div>
        </div>
        <div
          role="rowgroup"
          className="catalogue-table__body"
          style={{ height: `${virtualizer.getTotalSize()}px` }}
          onKeyDown={onKeyDown}
        >
          {items.map((item) => {
            const product = cache.row(item.index);
            const category = product?.categoryId ? categoryName(product.categoryId) : undefined;
            return (
              <Row
                key={item.key}
                index={item.index}
                top={item.start - virtualizer.options.scrollMargin}
                product={product}
                gridClass={gridClass}
                wholeCatalogue={wholeCatalogue}
                sellerName={product ? (sellerNames.get(product.sellerId) ?? '') : ''}
                category={category}
                selected={product ? selected.has(product.id) : false}
                tabbable={item.index === tabStop}
                problemFirst={problemFirst}
                language={language}
                onToggle={onToggle}
                onOpen={onOpen}
                onFocusRow={setActive}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

function SortHeader({
  column,
  sort,
  onSort,
  children,
}: Pick<TableProps, 'sort' | 'onSort'> & { column: ProductSort; children: ReactNode }) {
  const current = sort.sort === column;
  const ariaSort = current ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  const icon = current ? (sort.direction === 'asc' ? 'sortUp' : 'sortDown') : 'sortNone';
  return (
    <div
      role="columnheader"
      aria-sort={ariaSort}
      className={`catalogue-cell${column === 'price' ? ' catalogue-cell--number' : ''}`}
    >
      <button
        type="button"
        className={`catalogue-sort${current ? ' catalogue-sort--current' : ''}`}
        onClick={() => onSort(column)}
      >
        {children}
        <Icon name={icon} className="catalogue-sort__icon" />
      </button>
    </div>
  );
}

function HeaderCheckbox({
  label,
  checked,
  mixed,
  disabled,
  onChange,
}: {
  label: string;
  checked: boolean;
  mixed: boolean;
  disabled: boolean;
  onChange: (select: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  // "Some of these": only settable from script.
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = mixed;
  }, [mixed]);
  return (
    <label className="catalogue-check">
      <input
        ref={ref}
        type="checkbox"
        aria-label={label}
        title={label}
        checked={checked}
        disabled={disabled}
        onChange={() => onChange(!checked)}
      />
    </label>
  );
}

interface RowProps {
  readonly index: number;
  readonly top: number;
  readonly product: ProductSummary | null;
  readonly gridClass: string;
  readonly wholeCatalogue: boolean;
  readonly sellerName: string;
  /** undefined while loading or without a category; null when the category is gone. */
  readonly category: CategoryName | null | undefined;
  readonly selected: boolean;
  readonly tabbable: boolean;
  readonly problemFirst: ReadinessProblem | undefined;
  readonly language: Language;
  readonly onToggle: TableProps['onToggle'];
  readonly onOpen: TableProps['onOpen'];
  readonly onFocusRow: (index: number) => void;
}

/** One product; memoised, since scrolling re-renders the table but rarely changes a row. */
const Row = memo(function Row(props: RowProps) {
  const { index, top, product, gridClass, selected, tabbable } = props;
  const { t } = useTranslation('catalogue');
  const { t: ui } = useTranslation();
  const common = {
    role: 'row',
    'aria-rowindex': index + 2,
    'data-index': index,
    tabIndex: tabbable ? 0 : -1,
    style: { transform: `translateY(${top}px)` },
    onFocus: () => props.onFocusRow(index),
  } as const;

  if (!product) {
    return (
      <div {...common} aria-busy="true" className={`catalogue-row catalogue-row--loading ${gridClass}`}>
        <div role="gridcell" className="catalogue-cell catalogue-cell--check" />
        <div role="gridcell" className="catalogue-cell">
          <span className="catalogue-skeleton">{t('table.loadingRow')}</span>
        </div>
      </div>
    );
  }

  const { language } = props;
  const price =
    product.minPrice === product.maxPrice
      ? formatRupiah(product.minPrice)
      : `${formatRupiah(product.minPrice)} – ${formatRupiah(product.maxPrice)}`;
  const nameId = `catalogue-row-${product.id}`;

  return (
    <div
      {...common}
      aria-selected={selected}
      aria-labelledby={nameId}
      className={`catalogue-row ${gridClass}${selected ? ' catalogue-row--selected' : ''}`}
    >
      <div role="gridcell" className="catalogue-cell catalogue-cell--check">
        <label className="catalogue-check">
          <input
            type="checkbox"
            tabIndex={-1}
            aria-label={t('table.selectNamed', { name: product.name })}
            checked={selected}
            // Shift+click ticks every row since the last one ticked.
            onMouseDown={(event) => event.shiftKey && event.preventDefault()}
            onChange={(event) => props.onToggle(index, product.id, (event.nativeEvent as MouseEvent).shiftKey === true)}
          />
        </label>
      </div>
      <div role="gridcell" className="catalogue-cell catalogue-cell--name">
        <button
          type="button"
          id={nameId}
          tabIndex={-1}
          className="catalogue-name"
          title={product.name}
          onClick={() => props.onOpen(product)}
        >
          {product.name}
        </button>
        {product.skuCount > 1 ? (
          <span className="catalogue-name__hint">{t('table.variants', { count: product.skuCount })}</span>
        ) : null}
      </div>
      {props.wholeCatalogue ? (
        <div role="gridcell" className="catalogue-cell catalogue-cell--text" title={props.sellerName}>
          {props.sellerName}
        </div>
      ) : null}
      <div role="gridcell" className="catalogue-cell catalogue-cell--text" title={props.category?.path}>
        {product.categoryId === null ? (
          <span className="muted">{t('table.noCategory')}</span>
        ) : props.category === null ? (
          <span className="muted">{t('table.categoryGone')}</span>
        ) : (
          (props.category?.name ?? '…')
        )}
      </div>
      <div role="gridcell" className="catalogue-cell catalogue-cell--number catalogue-cell--price">
        {price}
      </div>
      <div role="gridcell" className="catalogue-cell catalogue-cell--number">
        {formatNumber(product.totalStock, language)}
      </div>
      <div role="gridcell" className="catalogue-cell">
        <span className={`badge badge--${product.status}`}>{ui(`status.${product.status}`)}</span>
      </div>
      <div role="gridcell" className="catalogue-cell catalogue-cell--problems">
        <ProblemBadges problems={product.problems} first={props.problemFirst} />
      </div>
      <div role="gridcell" className="catalogue-cell catalogue-cell--text">
        {formatMoment(product.updatedAt, language, (time) => t('table.today', { time }))}
      </div>
    </div>
  );
});
