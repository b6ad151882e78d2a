import type { RefObject } from 'react';
import type { OpenOrders, OpenOrdersFilter } from '../../../src-shared';
import { carrierName } from '../../../src-shared/carriers';
import type { MessageKey } from '../../../src-shared/messages';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';

const orUndefined = (value: string): string | undefined => (value === '' ? undefined : value);

function Choice({
  label,
  value,
  field,
  options,
}: {
  label: MessageKey;
  value: string | undefined;
  field: keyof OpenOrdersFilter;
  options: { value: string; name: string }[];
}) {
  const change = useStation((s) => s.changeBatchFilter);
  const { t, say } = useSpeaker();
  return (
    <label>
      <span>{say({ key: label, params: {} })}</span>
      <select
        value={value ?? ''}
        onChange={(event) => change({ [field]: orUndefined(event.target.value) })}
        data-testid={`batch-filter-${field}`}
      >
        <option value="">{t('ui.batch.filter.any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The search field and the filters over the open orders; main filters its own cache. */
export function BatchFilters({
  choices,
  searchRef,
  onSubmit,
}: {
  choices: OpenOrders['choices'] | null;
  searchRef: RefObject<HTMLInputElement | null>;
  onSubmit: () => void;
}) {
  const filter = useStation((s) => s.batchFilter);
  const change = useStation((s) => s.changeBatchFilter);
  const clear = useStation((s) => s.clearBatchFilter);
  const { t } = useSpeaker();
  const filtered = Object.entries(filter).some(
    ([field, value]) => field !== 'search' && value !== undefined,
  );

  return (
    <form
      className="shipments-filters"
      role="search"
      aria-label={t('ui.batch.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <label className="shipments-search">
        <span>{t('ui.batch.search')}</span>
        <input
          ref={searchRef}
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={filter.search ?? ''}
          placeholder={t('ui.batch.searchHint')}
          onChange={(event) => change({ search: orUndefined(event.target.value) })}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && filter.search) {
              event.preventDefault();
              change({ search: undefined });
            }
          }}
          data-testid="batch-search"
        />
      </label>
      <Choice
        label="ui.batch.filter.account"
        field="accountId"
        value={filter.accountId}
        options={(choices?.accounts ?? []).map((a) => ({ value: a.id, name: a.name }))}
      />
      {(choices?.merchants.length ?? 0) > 0 && (
        <Choice
          label="ui.batch.filter.merchant"
          field="merchantId"
          value={filter.merchantId}
          options={(choices?.merchants ?? []).map((m) => ({ value: m.id, name: m.name }))}
        />
      )}
      <Choice
        label="ui.batch.filter.carrier"
        field="carrier"
        value={filter.carrier}
        options={(choices?.carriers ?? []).map((c) => ({ value: c, name: carrierName(c) }))}
      />
      <Choice
        label="ui.batch.filter.option"
        field="shippingOptionCode"
        value={filter.shippingOptionCode}
        options={(choices?.shippingOptions ?? []).map((o) => ({
          value: o.code,
          name: o.name ?? o.code,
        }))}
      />
      <Choice
        label="ui.batch.filter.country"
        field="country"
        value={filter.country}
        options={(choices?.countries ?? []).map((c) => ({ value: c, name: c }))}
      />
      <label>
        <span>{t('ui.batch.filter.from')}</span>
        <input
          type="date"
          value={filter.orderedFrom ?? ''}
          max={filter.orderedTo}
          onChange={(event) => change({ orderedFrom: orUndefined(event.target.value) })}
          data-testid="batch-filter-orderedFrom"
        />
      </label>
      <label>
        <span>{t('ui.batch.filter.to')}</span>
        <input
          type="date"
          value={filter.orderedTo ?? ''}
          min={filter.orderedFrom}
          onChange={(event) => change({ orderedTo: orUndefined(event.target.value) })}
          data-testid="batch-filter-orderedTo"
        />
      </label>
      <label>
        <span>{t('ui.batch.filter.servicePoint')}</span>
        <select
          value={filter.servicePoint ?? ''}
          onChange={(event) =>
            change({
              servicePoint: orUndefined(event.target.value) as OpenOrdersFilter['servicePoint'],
            })
          }
          data-testid="batch-filter-servicePoint"
        >
          <option value="">{t('ui.batch.filter.any')}</option>
          <option value="yes">{t('ui.batch.filter.yes')}</option>
          <option value="no">{t('ui.batch.filter.no')}</option>
        </select>
      </label>
      {filtered && (
        <button
          type="button"
          className="button button-small"
          onClick={clear}
          data-testid="batch-filter-clear"
        >
          {t('ui.batch.filter.clear')}
        </button>
      )}
    </form>
  );
}
