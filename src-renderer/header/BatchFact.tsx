import { useSpeaker } from '../i18n/messages';
import { liveBatch, printedOf } from '../state/batch';
import { useStation } from '../state/station';

/**
 * A running batch, away from its screen: how far its printing is ("120/500"), from the
 * `batch.changed` pushes; a click goes to the Batch screen.
 */
export function BatchFact() {
  const { t } = useSpeaker();
  const live = useStation((s) => liveBatch(s.batches));
  const screen = useStation((s) => s.screen);
  const showScreen = useStation((s) => s.showScreen);
  if (!live || screen === 'batch') return null;
  const progress = printedOf(live);
  return (
    <div className="fact fact-fixed">
      <dt>{t('ui.batch.header')}</dt>
      <dd>
        <button
          type="button"
          className={`queue-button batch-fact batch-state-${live.state}`}
          aria-label={t('ui.batch.header.open', progress)}
          onClick={() => showScreen('batch')}
          data-testid="header-batch"
          data-state={live.state}
          data-printed={progress.printed}
          data-total={progress.total}
        >
          <span className="queue-count">
            {progress.printed}/{progress.total}
          </span>
          <span
            className="batch-fact-bar"
            role="progressbar"
            aria-label={t('ui.batch.progress.label')}
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.printed}
          >
            <span
              style={{
                width: `${progress.total > 0 ? (progress.printed / progress.total) * 100 : 0}%`,
              }}
            />
          </span>
        </button>
      </dd>
    </div>
  );
}
