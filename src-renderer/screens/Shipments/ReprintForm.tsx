import { useEffect, useRef, useState } from 'react';
import { reprintReasons, type ReprintReason, type ShipmentDetails } from '../../../src-shared';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';

/**
 * Print a label again: on which printer (any set up; the label printer first) and why. A label
 * not kept here is fetched from Sendcloud's documents, which the form says.
 */
export function ReprintForm({ details, onDone }: { details: ShipmentDetails; onDone: () => void }) {
  const setup = useStation((s) => s.printers);
  const loadPrinters = useStation((s) => s.loadPrinters);
  const reprint = useStation((s) => s.reprintShipment);
  const action = useStation((s) => s.reprints[String(details.row.parcelId)]);
  const printers = setup?.printers ?? [];
  const routed = setup?.routes['zpl-label'] ?? setup?.routes['pdf-label'] ?? null;
  // The label printer unless the packer picks another (the printers may arrive after the form).
  const [chosen, setPrinterId] = useState<string | null>(null);
  const printerId = chosen ?? routed ?? printers[0]?.id ?? '';
  const [reason, setReason] = useState<ReprintReason | null>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const pending = action?.kind === 'pending';
  const { t } = useSpeaker();

  useEffect(() => {
    if (!setup) void loadPrinters();
  }, [setup, loadPrinters]);
  // R on a row lands here: the reasons are the first thing to answer.
  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  const ready = reason !== null && printerId !== '' && !pending;

  return (
    <form
      className="shipment-form"
      aria-label={t('ui.shipments.reprint.title')}
      data-testid="reprint-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready) return;
        void reprint(details.row.parcelId, printerId, reason).then((ok) => ok && onDone());
      }}
    >
      <fieldset>
        <legend>{t('ui.shipments.reprint.why')}</legend>
        {reprintReasons.map((value, i) => (
          <label key={value} className="shipment-choice">
            <input
              ref={i === 0 ? firstRef : undefined}
              type="radio"
              name="reprint-reason"
              value={value}
              checked={reason === value}
              onChange={() => setReason(value)}
              data-testid={`reprint-reason-${value}`}
            />
            {t(`ui.shipments.reason.${value}`)}
          </label>
        ))}
      </fieldset>
      <label className="shipment-field">
        <span>{t('ui.shipments.reprint.printer')}</span>
        <select
          value={printerId}
          onChange={(event) => setPrinterId(event.target.value)}
          data-testid="reprint-printer"
        >
          {printers.length === 0 && <option value="">{t('ui.shipments.reprint.noPrinter')}</option>}
          {printers.map((printer) => (
            <option key={printer.id} value={printer.id}>
              {t('ui.shipments.reprint.printerChoice', { name: printer.name, dpi: printer.dpi })}
            </option>
          ))}
        </select>
      </label>
      {!details.labelStored && <p className="muted">{t('ui.shipments.reprint.fetched')}</p>}
      <div className="queue-actions">
        <button
          type="submit"
          className="button button-small"
          disabled={!ready}
          aria-busy={pending}
          data-testid="reprint-confirm"
        >
          {pending ? t('ui.shipments.reprint.sending') : t('ui.shipments.reprint.confirm')}
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          {t('ui.common.cancel')}
        </button>
      </div>
    </form>
  );
}
