import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ShipmentRow } from '../../../src-shared';
import { useSpeaker } from '../../i18n/messages';
import { filterChoices, filterRows } from '../../state/shipments';
import { useStation } from '../../state/station';
import { ShipmentDetailsPanel, type DetailsIntent } from './ShipmentDetailsPanel';
import { ShipmentFilters } from './ShipmentFilters';
import { ShipmentsTable } from './ShipmentsTable';
import { ReturnsList } from './ReturnsList';
import { AloneNote } from '../ledger/StationFilter';

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLTextAreaElement ||
  target instanceof HTMLSelectElement;

/**
 * Every label the station made, newest first: search and filters over the loaded rows, a
 * virtualised table driven by the keyboard, and one shipment's details beside it.
 */
export function ShipmentsScreen() {
  const loaded = useStation((s) => s.shipments);
  const loading = useStation((s) => s.shipmentsLoading);
  const error = useStation((s) => s.shipmentsError);
  const query = useStation((s) => s.shipmentQuery);
  const lookUp = useStation((s) => s.shipmentLookUp);
  const loadShipments = useStation((s) => s.loadShipments);
  const lookUpShipments = useStation((s) => s.lookUpShipments);
  const openShipment = useStation((s) => s.openShipment);
  const closeShipment = useStation((s) => s.closeShipment);
  const details = useStation((s) => s.shipmentDetails);
  const { t, say } = useSpeaker();

  const scope = loaded?.scope ?? null;
  const self = scope?.kind === 'warehouse' ? scope.self : null;
  const rows = useMemo(
    () => (loaded ? filterRows(loaded.rows, query, self) : []),
    [loaded, query, self],
  );
  // A row another station made is only shown here: its label, reprint and void are there.
  const [foreign, setForeign] = useState<ShipmentRow | null>(null);
  const choices = useMemo(() => filterChoices(loaded?.rows ?? []), [loaded]);
  const [intent, setIntent] = useState<DetailsIntent>(null);
  const [tab, setTab] = useState<'shipments' | 'returns'>('shipments');
  const loadReturns = useStation((s) => s.loadReturns);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  // A shipment's details say whether it has a return: the station's list, read once here.
  useEffect(() => {
    void loadReturns();
  }, [loadReturns]);

  // A search that finds nothing here asks Sendcloud, once the packer stops typing.
  const nothingHere = loaded?.complete === true && rows.length === 0 && query.text.trim() !== '';
  useEffect(() => {
    if (!nothingHere) return;
    const timer = setTimeout(() => void lookUpShipments(), 400);
    return () => clearTimeout(timer);
  }, [nothingHere, query.text, lookUpShipments]);

  // `/` finds, as in a browser or a mail client; not while a field takes the typing.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== '/' || event.ctrlKey || event.altKey || event.metaKey) return;
      if (isTyping(event.target)) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const open = useCallback(
    (parcelId: number, next: DetailsIntent) => {
      const row = loaded?.rows.find((item) => item.row.parcelId === parcelId)?.row;
      if (row?.labelledAt) {
        setForeign(row);
        return;
      }
      setForeign(null);
      setIntent(next);
      void openShipment(parcelId);
    },
    [openShipment, loaded],
  );
  const close = useCallback(() => {
    closeShipment();
    setIntent(null);
    // Back to the row the packer was on.
    requestAnimationFrame(() => tableRef.current?.focus());
  }, [closeShipment]);

  const total = loaded?.rows.length ?? 0;

  return (
    <main
      className={`shipments-screen${details ? ' with-details' : ''}`}
      data-testid="screen-shipments"
      aria-labelledby="shipments-title"
    >
      <div className="shipments-main">
        <div className="shipments-head">
          <h1 id="shipments-title" ref={headingRef} tabIndex={-1}>
            {t('ui.shipments.title')}
          </h1>
          <div className="returns-tabs" role="group">
            {(['shipments', 'returns'] as const).map((name) => (
              <button
                key={name}
                type="button"
                className="button button-small"
                aria-pressed={tab === name}
                onClick={() => setTab(name)}
                data-testid={`shipments-tab-${name}`}
              >
                {t(`ui.returns.tab.${name}`)}
              </button>
            ))}
          </div>
          <p className="muted" data-testid="shipments-count" role="status">
            {loaded ? t('ui.shipments.count', { count: rows.length, total }) : null}
            {loaded?.truncated && <> · {t('ui.shipments.truncated')}</>}
            {loaded && !loaded.complete && <> · {t('ui.shipments.readingRest')}</>}
          </p>
        </div>

        {tab === 'returns' && <ReturnsList onOpen={(parcelId) => open(parcelId, null)} />}
        {tab === 'shipments' && (
          <>
            <ShipmentFilters
              query={query}
              choices={choices}
              searchRef={searchRef}
              scope={scope}
              onSubmit={() => {
                if (rows[0]) tableRef.current?.focus();
                else void lookUpShipments();
              }}
            />

            <AloneNote scope={scope} what="shipments" testId="shipments-alone" />
            {foreign?.labelledAt && (
              <p className="muted" role="status" data-testid="shipments-elsewhere">
                {t('ui.ledger.labelledAt', {
                  order: foreign.orderNumber,
                  station: foreign.labelledAt.name,
                })}
              </p>
            )}
            {error && (
              <p className="inline-error" role="alert" data-testid="shipments-error">
                {t('ui.shipments.readFailed', { reason: say(error) })}{' '}
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => void loadShipments()}
                >
                  {t('ui.common.tryAgain')}
                </button>
              </p>
            )}
            {lookUp && lookUp.query === query.text.trim() && (
              <p
                className={lookUp.kind === 'failed' ? 'inline-error' : 'muted'}
                role="status"
                data-testid="shipments-lookup"
                data-state={lookUp.kind}
              >
                {lookUp.kind === 'pending' &&
                  t('ui.shipments.lookUp.asking', { query: lookUp.query })}
                {lookUp.kind === 'done' &&
                  (lookUp.found === 0
                    ? t('ui.shipments.lookUp.none', { query: lookUp.query })
                    : t('ui.shipments.lookUp.found', { count: lookUp.found }))}
                {lookUp.kind === 'failed' &&
                  t('ui.shipments.lookUp.failed', { reason: say(lookUp.error) })}
              </p>
            )}

            {loaded === null && !error && (
              <p className="muted" data-testid="shipments-reading">
                {t('ui.shipments.reading')}
              </p>
            )}
            {loaded !== null && (
              <ShipmentsTable
                rows={rows}
                tableRef={tableRef}
                busy={loading}
                complete={loaded.complete}
                onOpen={open}
                empty={total === 0 ? t('ui.shipments.empty') : t('ui.shipments.noMatch')}
              />
            )}
          </>
        )}
      </div>
      {details && (
        <ShipmentDetailsPanel
          key={details.parcelId}
          intent={intent}
          onIntent={setIntent}
          onClose={close}
        />
      )}
    </main>
  );
}
