// The pick-up point a label goes to, on the result panel and in the shipment details; and, when
// Sendcloud cannot take the order's point, the nearest open points of its carrier to pick from
// with the keyboard (↑ ↓ and Enter, or the point's digit), or home delivery where allowed.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ServicePointView } from '../../../src-shared';
import { carrierName } from '../../../src-shared/carriers';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import type { PointChoice } from '../../state/slices/service-points';

/** `PostNL · PostNL Vredenburg, Vredenburg 10, 3511 BA Utrecht (point 1000000)`. */
export function useServicePointLine() {
  const { t } = useSpeaker();
  return (point: ServicePointView) =>
    t('servicePoints.ui.pointLine', {
      carrier: point.carrierName || carrierName(point.carrier),
      name: point.name,
      street: point.street,
      number: point.houseNumber,
      postcode: point.postalCode,
      city: point.city,
      id: point.carrierPointId ? `${point.id} / ${point.carrierPointId}` : String(point.id),
    });
}

export function ServicePointLine({ point }: { point: ServicePointView }) {
  const { t } = useSpeaker();
  const line = useServicePointLine();
  return (
    <p className="result-detail" data-testid="service-point" data-point-id={point.id}>
      <strong>{t('servicePoints.ui.point')}</strong> {line(point)}
    </p>
  );
}

/** The scan failed on its point: the open points offered, picked by keyboard or click. */
export function ServicePointChooser({ orderNumber }: { orderNumber: string }) {
  const offers = useStation((s) => s.pointOffers);
  const loadOffers = useStation((s) => s.loadPointOffers);
  const choosePoint = useStation((s) => s.choosePoint);
  const choosing = useStation((s) => s.pointChoosing);
  const { t, say } = useSpeaker();
  const line = useServicePointLine();
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    void loadOffers(orderNumber);
  }, [orderNumber, loadOffers]);

  const state = offers?.orderNumber === orderNumber ? offers : null;
  const ready = state?.kind === 'ready' ? state.offers : null;
  const choices: PointChoice[] = ready
    ? [
        ...ready.points.map((point) => ({ servicePointId: point.id })),
        ...(ready.homeDeliveryAllowed ? [{ homeDelivery: true as const }] : []),
      ]
    : [];

  // The list takes the keys once it is there: digits and arrows go to it, not the scan field.
  useEffect(() => {
    if (ready) listRef.current?.focus();
  }, [ready]);

  const pick = (index: number): void => {
    const choice = choices[index];
    if (choice) void choosePoint(orderNumber, choice);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const digit = /^[1-9]$/.test(event.key) ? Number(event.key) - 1 : null;
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, choices.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter') pick(active);
    else if (digit !== null && digit < choices.length) pick(digit);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  if (!state || state.kind === 'loading') {
    return <p className="result-detail">{t('servicePoints.ui.looking')}</p>;
  }
  if (state.kind === 'failed') {
    return (
      <p className="inline-error" role="alert">
        {say(state.error)}
      </p>
    );
  }
  const { offers: found } = state;
  return (
    <div className="point-chooser" data-testid="point-chooser">
      <p className="result-detail">
        <strong>{t('servicePoints.ui.offers', { carrier: carrierName(found.carrier) })}</strong>{' '}
        <span className="muted">{t('servicePoints.ui.keys')}</span>
      </p>
      {choices.length === 0 && <p className="result-detail">{t('servicePoints.ui.none')}</p>}
      <ul
        ref={listRef}
        className="point-offers"
        role="listbox"
        tabIndex={0}
        aria-label={t('servicePoints.ui.offers', { carrier: carrierName(found.carrier) })}
        aria-activedescendant={`point-offer-${active}`}
        onKeyDown={onKeyDown}
      >
        {found.points.map((point, index) => (
          <li
            key={point.id}
            id={`point-offer-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'point-offer active' : 'point-offer'}
            data-testid="point-offer"
            data-point-id={point.id}
            onClick={() => pick(index)}
          >
            <span className="point-digit">{index + 1}</span> {line(point)}
            {typeof point.distanceM === 'number' && (
              <span className="muted">
                {' · '}
                {t('servicePoints.ui.distance', { km: (point.distanceM / 1000).toFixed(1) })}
              </span>
            )}
          </li>
        ))}
        {found.homeDeliveryAllowed && (
          <li
            id={`point-offer-${found.points.length}`}
            role="option"
            aria-selected={active === found.points.length}
            className={active === found.points.length ? 'point-offer active' : 'point-offer'}
            data-testid="point-home"
            onClick={() => pick(found.points.length)}
          >
            <span className="point-digit">{found.points.length + 1}</span>{' '}
            {t('servicePoints.ui.home')}
          </li>
        )}
      </ul>
      {choosing?.orderNumber === orderNumber && choosing.error && (
        <p className="inline-error" role="alert">
          {say(choosing.error)}
        </p>
      )}
    </div>
  );
}
