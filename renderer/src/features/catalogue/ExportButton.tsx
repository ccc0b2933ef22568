import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../electron/shared/catalogue';
import type { ExportFormat } from '../../../../electron/shared/imports';
import type { AppError } from '../../../../electron/shared/result';
import { useToast } from '../../app/toasts';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/numbers';
import { Popover } from './Popover';
import { Icon } from '../../ui/Icon';

const FORMATS: readonly ExportFormat[] = ['xlsx', 'csv'];
/** Why a file could not be written (the spreadsheet writer's reasons), each with what to do next. */
const WRITE_REASONS = ['folder_not_found', 'file_in_use', 'access_denied', 'disk_full'] as const;

/**
 * "Ekspor": one participant's products, or the whole catalogue, to an Excel or CSV file.
 * Main asks where to save; pressing Cancel there is not an error and says nothing. The
 * toast names the file, so the person knows what to look for in the folder.
 */
export function ExportButton({ sellerId }: { sellerId?: number | undefined }) {
  const { t, i18n } = useTranslation('catalogue');
  const { t: ui } = useTranslation();
  const toast = useToast();
  const [busy, setBusy] = useState(false);

  async function save(format: ExportFormat) {
    setBusy(true);
    const result = await api
      .invoke('export:save', { format, ...(sellerId !== undefined ? { sellerId } : {}) })
      .catch(() => null);
    setBusy(false);
    if (result === null) {
      toast({ message: t('export.failed', { reason: t('export.reasons.other') }), tone: 'error' });
    } else if (!result.ok) {
      toast({ message: exportError(t, ui, result.error), tone: 'error' });
    } else if (result.value) {
      const language = i18n.language as Language;
      toast({
        message: t('export.saved', {
          file: result.value.fileName,
          count: result.value.products,
          number: formatNumber(result.value.products, language),
        }),
      });
    }
  }

  return (
    <Popover
      panelLabel={t('export.choose')}
      align="end"
      button={
        <>
          <Icon name="download" />
          {busy ? t('export.saving') : t('export.button')}
        </>
      }
    >
      {(close) => (
        <div className="export-menu">
          <p className="export-menu__title">{t('export.choose')}</p>
          {FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              className="export-menu__option"
              disabled={busy}
              onClick={() => {
                close();
                void save(format);
              }}
            >
              <strong>{t(`export.${format}`)}</strong>
              <span className="muted">{t(`export.${format}Hint`)}</span>
            </button>
          ))}
        </div>
      )}
    </Popover>
  );
}

type T = ReturnType<typeof useTranslation<'catalogue'>>['t'];
type UiT = TFunction<['ui', 'common']>;

function exportError(t: T, ui: UiT, error: AppError): string {
  const reason = error.params?.['reason'];
  if (error.code === 'file_unwritable') {
    const known = WRITE_REASONS.find((candidate) => candidate === reason);
    return t('export.failed', { reason: known ? t(`export.reasons.${known}`) : t('export.reasons.other') });
  }
  return t('export.failed', { reason: errorMessage(ui, error) });
}
