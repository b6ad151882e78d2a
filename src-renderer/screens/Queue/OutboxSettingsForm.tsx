import { useId, useState, type FormEvent } from 'react';
import type { OutboxSettings } from '../../../src-shared';
import { msg, type Message } from '../../../src-shared/messages';
import { useSpeaker } from '../../i18n/messages';
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
  const [draftError, setDraftError] = useState<Message | null>(null);
  const id = useId();
  const { t, say } = useSpeaker();

  const setDrainMode = (drainMode: OutboxSettings['drainMode']) => {
    if (outbox?.drainMode !== drainMode) void change({ drainMode });
  };

  const saveMinutes = async (event: FormEvent) => {
    event.preventDefault();
    if (minutesDraft === null) return;
    const minutes = Number(minutesDraft);
    if (!Number.isInteger(minutes) || minutes < minMinutes || minutes > maxMinutes) {
      setDraftError(msg('ui.queue.settings.minutesRange', { min: minMinutes, max: maxMinutes }));
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
      aria-label={t('ui.queue.settings.title')}
      data-testid="outbox-settings"
    >
      <fieldset disabled={!outbox}>
        <legend>{t('ui.queue.settings.drain')}</legend>
        <label className="outbox-choice">
          <input
            type="radio"
            name={`${id}-drain`}
            value="print"
            checked={outbox?.drainMode === 'print'}
            onChange={() => setDrainMode('print')}
            data-testid="outbox-drain-print"
          />
          {t('ui.queue.settings.drainPrint')}
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
          {t('ui.queue.settings.drainHold')}
        </label>
      </fieldset>
      <div className="outbox-stale">
        <label htmlFor={`${id}-stale`}>{t('ui.queue.settings.stale')}</label>
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
        <span>{t('ui.queue.settings.minutes')}</span>
        <button
          type="submit"
          className="button button-small"
          disabled={!outbox || minutesDraft === null}
          data-testid="outbox-stale-save"
        >
          {t('ui.common.save')}
        </button>
      </div>
      {(draftError ?? error) && (
        <p className="inline-error" role="alert" data-testid="outbox-settings-error">
          {draftError
            ? say(draftError)
            : error && t('ui.queue.settings.failed', { reason: say(error) })}
        </p>
      )}
    </form>
  );
}
