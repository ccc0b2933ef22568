import { useTranslation } from 'react-i18next';
import type { ProblemFilter, ProductStatus, Seller } from '../../../../electron/shared/catalogue';
import { Icon } from '../../ui/Icon';
import { CategoryPicker } from '../categories/CategoryPicker';
import { useCategoryNames } from './categoryNames';
import { Popover } from './Popover';
import { READINESS_PROBLEMS, STATUSES, type Filters } from './query';

/**
 * The search box and the filters above the table. Every control has a visible label
 * (nothing is explained only by a placeholder), and each choice says what it keeps,
 * not a code.
 */
export function FilterBar({
  filters,
  onChange,
  wholeCatalogue,
  sellers,
}: {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
  wholeCatalogue: boolean;
  sellers: readonly Seller[];
}) {
  const { t } = useTranslation('catalogue');
  const { t: ui } = useTranslation();

  return (
    <div className="filter-bar" role="search" aria-label={t('filters.label')}>
      <div className="filter-bar__field filter-bar__field--search">
        <label className="filter-bar__label" htmlFor="catalogue-search">
          <Icon name="search" />
          {t('filters.search')}
        </label>
        <input
          id="catalogue-search"
          className="input"
          type="search"
          value={filters.query}
          autoComplete="off"
          placeholder={t('filters.searchPlaceholder')}
          onChange={(event) => onChange({ query: event.target.value })}
        />
      </div>

      <div className="filter-bar__field">
        <label className="filter-bar__label" htmlFor="catalogue-status">
          {t('filters.status')}
        </label>
        <select
          id="catalogue-status"
          className="input"
          value={filters.status ?? ''}
          onChange={(event) => onChange({ status: (event.target.value || null) as ProductStatus | null })}
        >
          <option value="">{t('filters.anyStatus')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {ui(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>

      <div className="filter-bar__field">
        <label className="filter-bar__label" htmlFor="catalogue-problem">
          {t('filters.problem')}
        </label>
        <select
          id="catalogue-problem"
          className="input"
          value={filters.problem ?? ''}
          onChange={(event) => onChange({ problem: (event.target.value || null) as ProblemFilter | null })}
        >
          <option value="">{t('filters.anyProblem')}</option>
          <option value="any">{t('filters.problemAny')}</option>
          <option value="none">{t('filters.problemNone')}</option>
          <optgroup label={t('filters.problemKinds')}>
            {READINESS_PROBLEMS.map((problem) => (
              <option key={problem} value={problem}>
                {t(`problems.${problem}`)}
              </option>
            ))}
          </optgroup>
        </select>
      </div>

      {wholeCatalogue ? (
        <div className="filter-bar__field">
          <label className="filter-bar__label" htmlFor="catalogue-seller">
            {t('filters.seller')}
          </label>
          <select
            id="catalogue-seller"
            className="input"
            value={filters.sellerId ?? ''}
            onChange={(event) => onChange({ sellerId: event.target.value ? Number(event.target.value) : null })}
          >
            <option value="">{t('filters.anySeller')}</option>
            {sellers.map((seller) => (
              <option key={seller.id} value={seller.id}>
                {seller.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      <CategoryFilter categoryId={filters.categoryId} onChange={(categoryId) => onChange({ categoryId })} />
    </div>
  );
}

/** "Kategori: Keripik" as a button; the panel under it searches the category tree. */
function CategoryFilter({
  categoryId,
  onChange,
}: {
  categoryId: number | null;
  onChange: (id: number | null) => void;
}) {
  const { t } = useTranslation('catalogue');
  const nameOf = useCategoryNames();
  const current = categoryId === null ? null : nameOf(categoryId);
  const label = categoryId === null ? t('filters.anyCategory') : (current?.name ?? '…');

  return (
    <div className="filter-bar__field">
      <span className="filter-bar__label" aria-hidden="true">
        {t('filters.category')}
      </span>
      <Popover
        buttonClassName="input filter-bar__category"
        align="end"
        wide
        panelLabel={t('filters.category')}
        buttonLabel={`${t('filters.category')}: ${label}`}
        button={
          <>
            <span className="filter-bar__category-name">{label}</span>
            <Icon name="filter" />
          </>
        }
      >
        {(close) => (
          <div className="filter-bar__category-panel">
            <CategoryPicker
              value={categoryId}
              onChange={(id) => {
                onChange(id);
                close();
              }}
            />
          </div>
        )}
      </Popover>
    </div>
  );
}
