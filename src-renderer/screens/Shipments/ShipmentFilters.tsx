import type { RefObject } from 'react';
import { shipmentStates, type LedgerScope, type ShipmentState } from '../../../src-shared';
import { carrierName } from '../../../src-shared/carriers';
import { useSpeaker } from '../../i18n/messages';
import {
  emptyQuery,
  hasFilters,
  localDayOf,
  type FilterChoices,
  type OwnerChoice,
  type ShipmentQuery,
} from '../../state/shipments';
import { useStation } from '../../state/station';
import { StationFilter } from '../ledger/StationFilter';

const orNull = (value: string): string | null => (value === '' ? null : value);

/** An account or merchant by its name where the station knows it, else by its id. */
function useOwnerName(): (owner: OwnerChoice) => string {
  const accounts = useStation((s) => s.accounts);
  const merchants = useStation((s) => s.merchants);
  return (owner) =>
    owner.merchantId !== null
      ? (merchants?.find((m) => m.id === owner.merchantId)?.name ?? owner.merchantId)
      : (accounts?.find((a) => a.id === owner.accountId)?.name ?? owner.accountId);
}

/** The search field and the filters: day or range, state, carrier, account or merchant, packer. */
export function ShipmentFilters({
  query,
  choices,
  searchRef,
  onSubmit,
  scope,
}: {
  query: ShipmentQuery;
  choices: FilterChoices;
  scope?: LedgerScope | null | undefined;
  searchRef: RefObject<HTMLInputElement | null>;
  onSubmit: () => void;
}) {
  const change = useStation((s) => s.changeShipmentQuery);
  const ownerName = useOwnerName();
  const { t } = useSpeaker();
  const today = localDayOf(new Date().toISOString());

  return (
    <form
      className="shipments-filters"
      role="search"
      aria-label={t('ui.shipments.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <label className="shipments-search">
        <span>{t('ui.shipments.search')}</span>
        <input
          ref={searchRef}
          id="shipments-search"
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={query.text}
          placeholder={t('ui.shipments.searchHint')}
          onChange={(event) => change({ text: event.target.value })}
          onKeyDown={(event) => {
            // Escape clears the search first, then leaves the field for the table.
            if (event.key === 'Escape' && query.text !== '') {
              event.preventDefault();
              change({ text: '' });
            }
          }}
          data-testid="shipments-search"
        />
      </label>
      <label>
        <span>{t('ui.shipments.from')}</span>
        <input
          type="date"
          value={query.from ?? ''}
          max={query.to ?? today}
          onChange={(event) => change({ from: orNull(event.target.value) })}
          data-testid="shipments-from"
        />
      </label>
      <label>
        <span>{t('ui.shipments.to')}</span>
        <input
          type="date"
          value={query.to ?? ''}
          min={query.from ?? undefined}
          max={today}
          onChange={(event) => change({ to: orNull(event.target.value) })}
          data-testid="shipments-to"
        />
      </label>
      <button
        type="button"
        className="button button-small"
        onClick={() => change({ from: today, to: today })}
        data-testid="shipments-today"
      >
        {t('ui.shipments.today')}
      </button>
      <label>
        <span>{t('ui.shipments.column.state')}</span>
        <select
          value={query.state ?? ''}
          onChange={(event) =>
            change({ state: orNull(event.target.value) as ShipmentState | null })
          }
          data-testid="shipments-state"
        >
          <option value="">{t('ui.shipments.any')}</option>
          {shipmentStates.map((state) => (
            <option key={state} value={state}>
              {t(`ui.shipments.state.${state}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('ui.shipments.column.carrier')}</span>
        <select
          value={query.carrier ?? ''}
          onChange={(event) => change({ carrier: orNull(event.target.value) })}
          data-testid="shipments-carrier"
        >
          <option value="">{t('ui.shipments.any')}</option>
          {choices.carriers.map((code) => (
            <option key={code} value={code}>
              {carrierName(code)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('ui.shipments.owner')}</span>
        <select
          value={query.owner ?? ''}
          onChange={(event) => change({ owner: orNull(event.target.value) })}
          data-testid="shipments-owner"
        >
          <option value="">{t('ui.shipments.any')}</option>
          {choices.owners.map((owner) => (
            <option key={owner.key} value={owner.key}>
              {ownerName(owner)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('ui.shipments.column.packer')}</span>
        <select
          value={query.packer ?? ''}
          onChange={(event) => change({ packer: orNull(event.target.value) })}
          data-testid="shipments-packer"
        >
          <option value="">{t('ui.shipments.any')}</option>
          {choices.packers.map((packer) => (
            <option key={packer.id} value={packer.id}>
              {packer.name}
            </option>
          ))}
        </select>
      </label>
      <StationFilter
        scope={scope}
        value={query.station ?? null}
        onChange={(station) => change({ station })}
        testId="shipments-station"
      />
      {hasFilters(query) && (
        <button
          type="button"
          className="button button-small"
          onClick={() => change({ ...emptyQuery, text: query.text })}
          data-testid="shipments-clear"
        >
          {t('ui.shipments.clearFilters')}
        </button>
      )}
    </form>
  );
}
