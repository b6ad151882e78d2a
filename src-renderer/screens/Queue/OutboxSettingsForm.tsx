import { useId, useState, type FormEvent } from 'react';
import type { OutboxSettings } from '../../../src-shared';
import { useStation } from '../../state/station';

// The contract's bounds for `staleAfterMinutes`: a minute to a week.
const minMinutes = 1;
const maxMinutes = 7 * 24 * 60;

/** How the outbox drains when the connection is back, and when an old label asks first. */
export function OutboxSettingsForm() {
  const outbox = useStation((s) => s.outbox);
  const error = useStation((s) => s.outboxError);
  const change = useStation((s) => s.changeOutboxSettings);
  const [minutesDraft, setMinutesDraft] = useState<string | null>(null);
  const [draftError, setDraftError] = useState<string | null>(null);
  const id = useId();

  const setDrainMode = (drainMode: OutboxSettings['drainMode']) => {
    if (outbox?.drainMode !== drainMode) void change({ drainMode });
  };

  const saveMinutes = async (event: FormEvent) => {
    event.preventDefault();
    if (minutesDraft === null) return;
    const minutes = Number(minutesDraft);
    if (!Number.isInteger(minutes) || minutes < minMinutes || minutes > maxMinutes) {
      setDraftError(`Give a whole number of minutes from ${minMinutes} to ${maxMinutes}.`);
      return;
    }
    setDraftError(null);
    if (await change({ staleAfterMinutes: minutes })) setMinutesDraft(null);
  };

  const minutesShown = minutesDraft ?? (outbox ? String(outbox.staleAfterMinutes) : '');

  return (
    <form
      className="outbox-settings"
      onSubmit={(e) => void saveMinutes(e)}
      aria-label="Outbox settings"
      data-testid="outbox-settings"
    >
      <fieldset disabled={!outbox}>
        <legend>When the connection is back</legend>
        <label className="outbox-choice">
          <input
            type="radio"
            name={`${id}-drain`}
            value="print"
            checked={outbox?.drainMode === 'print'}
            onChange={() => setDrainMode('print')}
            data-testid="outbox-drain-print"
          />
          Print the queued labels as they come
        </label>
        <label className="outbox-choice">
          <input
            type="radio"
            name={`${id}-drain`}
            value="hold"
            checked={outbox?.drainMode === 'hold'}
            onChange={() => setDrainMode('hold')}
            data-testid="outbox-drain-hold"
          />
          Hold them for a batch print
        </label>
      </fieldset>
      <div className="outbox-stale">
        <label htmlFor={`${id}-stale`}>Ask before printing labels queued longer than</label>
        <input
          id={`${id}-stale`}
          type="number"
          min={minMinutes}
          max={maxMinutes}
          step={1}
          value={minutesShown}
          disabled={!outbox}
          onChange={(e) => setMinutesDraft(e.target.value)}
          data-testid="outbox-stale-minutes"
        />
        <span>minutes</span>
        <button
          type="submit"
          className="button button-small"
          disabled={!outbox || minutesDraft === null}
          data-testid="outbox-stale-save"
        >
          Save
        </button>
      </div>
      {(draftError ?? error) && (
        <p className="inline-error" role="alert" data-testid="outbox-settings-error">
          {draftError ?? `Outbox settings: ${error?.message ?? ''}`}
        </p>
      )}
    </form>
  );
}
