import { useCallback } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Seller } from '../../../../electron/shared/catalogue';
import { useNavigation } from '../../app/navigation';
import { useToast } from '../../app/toasts';
import { api } from '../../lib/api';
import type { Reword } from '../../lib/errors';
import { useServerProblems } from '../../lib/useServerProblems';
import { ErrorSummary, type SummaryItem } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';

interface SellerValues {
  name: string;
  businessName: string;
  phone: string;
  district: string;
  notes: string;
}

const FIELDS = ['name', 'businessName', 'phone', 'district', 'notes'] as const;
type SellerField = (typeof FIELDS)[number];
const isSellerField = (field: string): field is SellerField => (FIELDS as readonly string[]).includes(field);

export function SellerForm({ seller }: { seller: Seller | null }) {
  const { t } = useTranslation();
  const { go, back } = useNavigation();
  const toast = useToast();
  const { register, handleSubmit, setFocus, formState } = useForm<SellerValues>({
    defaultValues: {
      name: seller?.name ?? '',
      businessName: seller?.businessName ?? '',
      phone: seller?.phone ?? '',
      district: seller?.district ?? '',
      notes: seller?.notes ?? '',
    },
  });
  const reword = useCallback<Reword>(
    (field, reason) => (field === 'phone' && reason === 'invalid_format' ? t('sellerForm.phoneFormat') : null),
    [t],
  );
  const { problems, fail, clear, summaryRef } = useServerProblems(isSellerField, { reword });

  const labels: Record<SellerField, string> = {
    name: t('sellerForm.name'),
    businessName: t('sellerForm.businessName'),
    phone: t('sellerForm.phone'),
    district: t('sellerForm.district'),
    notes: t('sellerForm.notes'),
  };

  // Validation is main's job (the same zod schema the CLI and importers use); the form
  // only sends what was typed and shows the answer.
  const submit = handleSubmit(async (values) => {
    const result = seller
      ? await api.invoke('sellers:update', { id: seller.id, changes: values })
      : await api.invoke('sellers:create', values);
    if (!result.ok) {
      fail(result.error);
      return;
    }
    clear();
    toast({ message: t('toast.sellerSaved', { name: result.value.name }) });
    // A new participant goes straight to their (empty) product list: the next step.
    go({ screen: 'products', sellerId: result.value.id, sellerName: result.value.name });
  });

  const summary: SummaryItem[] = [
    ...FIELDS.filter((field) => problems.byField.has(field)).map((field) => ({
      key: field,
      label: labels[field],
      message: problems.byField.get(field) ?? '',
      focus: () => setFocus(field),
    })),
    ...problems.general.map((message, index) => ({ key: `general-${index}`, label: null, message })),
  ];

  const field = (name: SellerField, hint: string, options: { required?: boolean; multiline?: boolean } = {}) => (
    <Field
      id={`seller-${name}`}
      label={labels[name]}
      hint={hint}
      error={problems.byField.get(name)}
      required={options.required ?? false}
    >
      {(control) =>
        options.multiline ? (
          <textarea className="input" rows={3} {...control} {...register(name)} />
        ) : (
          <input
            className="input"
            type={name === 'phone' ? 'tel' : 'text'}
            autoComplete="off"
            {...control}
            {...register(name)}
          />
        )
      }
    </Field>
  );

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <h1 className="screen-head__title">{seller ? t('sellerForm.titleEdit') : t('sellerForm.titleNew')}</h1>
      <ErrorSummary ref={summaryRef} items={summary} fieldCount={problems.byField.size} />
      <section className="panel form-grid form-grid--two">
        {field('name', t('sellerForm.nameHint'), { required: true })}
        {field('businessName', t('sellerForm.businessNameHint'))}
        {field('phone', t('sellerForm.phoneHint'))}
        {field('district', t('sellerForm.districtHint'))}
        <div className="form-grid__wide">{field('notes', t('sellerForm.notesHint'), { multiline: true })}</div>
      </section>
      <FormActions saveLabel={t('sellerForm.save')} saving={formState.isSubmitting} onCancel={back} />
    </form>
  );
}
