import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';

/** Who is signed in, in the header, with the Lock button; nothing at a station without packers. */
export function SessionFact() {
  const { t } = useSpeaker();
  const session = useStation((s) => s.session);
  const lock = useStation((s) => s.lock);
  if (!session?.required || !session.packer) return null;
  return (
    <div className="fact fact-fixed" data-testid="session-fact">
      <dt>{t('ui.packers.header.signedIn')}</dt>
      <dd className="session-fact">
        <span data-testid="session-packer">{session.packer.name}</span>
        {session.packer.role === 'supervisor' && (
          <span className="muted"> ({t('ui.packers.role.supervisor')})</span>
        )}{' '}
        <button
          type="button"
          className="button button-small"
          onClick={() => void lock()}
          data-testid="session-lock"
        >
          {t('ui.packers.header.lock')}
        </button>
      </dd>
    </div>
  );
}
