import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  splitConnectionString,
  type WarehouseSettings,
  type WarehouseView,
} from '../../../src-shared';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import { ConfirmAction } from '../shared/ConfirmAction';

/** What the link is doing now, in a line; the pushed status is fresher than the settings read. */
function LinkNow({ link }: { link: WarehouseView }) {
  const { t, say } = useSpeaker();
  let text: string;
  switch (link.kind) {
    case 'single':
      text = t('ui.warehouse.state.single');
      break;
    case 'connected':
      text = t('ui.warehouse.state.connected', { target: link.target, count: link.stations });
      break;
    case 'alone':
      text = t('ui.warehouse.state.alone', { target: link.target, reason: say(link.reason) });
      break;
  }
  return (
    <div className="warehouse-now">
      <h2>{t('ui.warehouse.now')}</h2>
      <p role="status" data-testid="warehouse-link" data-link={link.kind}>
        {text}
      </p>
    </div>
  );
}

/** The connection string, password and station name, checked by the station before it joins. */
function JoinForm({ settings }: { settings: WarehouseSettings }) {
  const { t, say } = useSpeaker();
  const id = useId();
  const join = useStation((s) => s.joinWarehouse);
  const action = useStation((s) => s.warehouseAction);
  const [connection, setConnection] = useState(settings.connection ?? '');
  const [password, setPassword] = useState('');
  const [name, setName] = useState(settings.stationName);
  const [shownProblem, setShownProblem] = useState(false);
  const split = splitConnectionString(connection);
  const checking = action?.name === 'join' && action.kind === 'pending';
  const failed = action?.name === 'join' && action.kind === 'failed' ? action.error : null;
  const readOnly = settings.source === 'environment';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (checking || readOnly) return;
    if (!split.ok) {
      setShownProblem(true);
      document.getElementById(`${id}-connection`)?.focus();
      return;
    }
    const ok = await join({
      connection: connection.trim(),
      ...(password ? { password } : {}),
      ...(settings.stationNameFixed ? {} : { stationName: name.trim() || settings.stationName }),
    });
    // The password is in the keychain now: it is not kept on the page.
    if (ok) {
      setPassword('');
      setConnection((typed) => {
        const kept = splitConnectionString(typed);
        return kept.ok ? kept.url : typed;
      });
    }
  };

  const problem = shownProblem && !split.ok ? say(split.problem) : null;
  return (
    <form
      className="warehouse-form"
      onSubmit={(e) => void submit(e)}
      aria-busy={checking}
      data-testid="warehouse-form"
    >
      <label htmlFor={`${id}-connection`}>{t('ui.warehouse.connection')}</label>
      <input
        id={`${id}-connection`}
        className="mono"
        value={connection}
        onChange={(e) => {
          setConnection(e.target.value);
          setShownProblem(false);
        }}
        onBlur={() => setShownProblem(connection.trim() !== '')}
        readOnly={readOnly}
        spellCheck={false}
        autoComplete="off"
        placeholder="postgres://packdesk@db.example:5432/warehouse"
        aria-invalid={problem !== null}
        aria-describedby={`${id}-connection-hint${problem ? ` ${id}-connection-problem` : ''}`}
        data-testid="warehouse-connection"
      />
      <p id={`${id}-connection-hint`} className="muted">
        {t('ui.warehouse.connectionHint')}
      </p>
      {problem && (
        <p id={`${id}-connection-problem`} className="inline-error" role="alert">
          {problem}
        </p>
      )}

      {!readOnly && (
        <>
          <label htmlFor={`${id}-password`}>{t('ui.warehouse.password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            aria-describedby={`${id}-password-hint`}
            data-testid="warehouse-password"
          />
          <p id={`${id}-password-hint`} className="muted">
            {t('ui.warehouse.passwordHint')}
          </p>
        </>
      )}

      <label htmlFor={`${id}-name`}>{t('ui.warehouse.stationName')}</label>
      <input
        id={`${id}-name`}
        value={name}
        onChange={(e) => setName(e.target.value)}
        readOnly={settings.stationNameFixed}
        maxLength={60}
        aria-describedby={`${id}-name-hint`}
        data-testid="warehouse-station-name"
      />
      <p id={`${id}-name-hint`} className="muted">
        {settings.stationNameFixed
          ? t('ui.warehouse.stationNameFixed')
          : t('ui.warehouse.stationNameHint')}
      </p>

      {!readOnly && (
        <div className="printer-actions">
          <button
            type="submit"
            className="button"
            aria-disabled={checking}
            data-testid="warehouse-join"
          >
            {checking ? t('ui.warehouse.checking') : t('ui.warehouse.join')}
          </button>
          {settings.source === 'screen' && !settings.stationNameFixed && (
            <RenameButton name={name} current={settings.stationName} />
          )}
        </div>
      )}
      {checking && (
        <p role="status" className="muted" data-testid="warehouse-checking">
          {t('ui.warehouse.checking')}
        </p>
      )}
      {failed && (
        <p
          className="inline-error"
          role="alert"
          data-testid="warehouse-error"
          data-key={failed.key}
        >
          {t('ui.warehouse.notJoined', { reason: say(failed) })}
        </p>
      )}
      {action?.name === 'join' && action.kind === 'done' && (
        <p role="status" data-testid="warehouse-joined">
          {t('ui.warehouse.joined')}
        </p>
      )}
    </form>
  );
}

function RenameButton({ name, current }: { name: string; current: string }) {
  const { t } = useSpeaker();
  const rename = useStation((s) => s.renameStation);
  const action = useStation((s) => s.warehouseAction);
  const pending = action?.name === 'rename' && action.kind === 'pending';
  return (
    <>
      <button
        type="button"
        className="button button-small"
        disabled={!name.trim() || name.trim() === current || pending}
        onClick={() => void rename(name.trim())}
        data-testid="warehouse-rename"
      >
        {pending ? t('ui.common.saving') : t('ui.warehouse.rename')}
      </button>
      {action?.name === 'rename' && action.kind === 'done' && (
        <span role="status">{t('ui.warehouse.renamed')}</span>
      )}
    </>
  );
}

function LeaveSection() {
  const { t, say } = useSpeaker();
  const leave = useStation((s) => s.leaveWarehouse);
  const action = useStation((s) => s.warehouseAction);
  const [confirming, setConfirming] = useState(false);
  const leaving = action?.name === 'leave' && action.kind === 'pending';
  return (
    <div className="warehouse-leave">
      {confirming ? (
        <ConfirmAction
          look="printer"
          label={t('ui.warehouse.leave')}
          confirmText={t('ui.warehouse.leaveYes')}
          confirmTestId="warehouse-leave-confirm"
          keepTestId="warehouse-leave-keep"
          onConfirm={() => {
            setConfirming(false);
            void leave();
          }}
          onKeep={() => setConfirming(false)}
        >
          {t('ui.warehouse.leaveConfirm')}
        </ConfirmAction>
      ) : (
        <button
          type="button"
          className="button button-small button-danger"
          aria-disabled={leaving}
          onClick={() => !leaving && setConfirming(true)}
          data-testid="warehouse-leave"
        >
          {leaving ? t('ui.warehouse.leaving') : t('ui.warehouse.leave')}
        </button>
      )}
      {action?.name === 'leave' && action.kind === 'failed' && (
        <p className="inline-error" role="alert" data-testid="warehouse-leave-error">
          {t('ui.warehouse.notLeft', { reason: say(action.error) })}
        </p>
      )}
    </div>
  );
}

/**
 * Settings → Warehouse (Alt+9): join the warehouse's PostgreSQL with a connection string and a
 * password (checked by the station first, the password kept in the keychain), leave it, name the
 * station, and what the link is doing now. Read-only when PACKDESK_WAREHOUSE_DB sets it.
 */
export function WarehouseScreen() {
  const { t, say } = useSpeaker();
  const settings = useStation((s) => s.warehouse);
  const error = useStation((s) => s.warehouseError);
  const pushedLink = useStation((s) => s.status?.warehouse ?? null);
  const action = useStation((s) => s.warehouseAction);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const link = pushedLink ?? settings?.link ?? null;
  return (
    <main
      className="settings-screen warehouse-screen"
      data-testid="screen-warehouse"
      aria-labelledby="warehouse-title"
    >
      <h1 id="warehouse-title" ref={headingRef} tabIndex={-1}>
        {t('ui.warehouse.title')}
      </h1>
      <p className="muted">{t('ui.warehouse.intro')}</p>
      {error && (
        <p className="inline-error" role="alert" data-testid="warehouse-read-error">
          {t('ui.warehouse.readFailed', { reason: say(error) })}
        </p>
      )}
      {!settings && !error && <p className="muted">{t('ui.warehouse.reading')}</p>}
      {link && <LinkNow link={link} />}
      {settings?.source === 'environment' && (
        <p className="muted" data-testid="warehouse-from-environment">
          {t('ui.warehouse.fromEnvironment')}
        </p>
      )}
      {settings && (
        // A new form after a leave: what was typed for the old warehouse goes with it.
        <JoinForm key={settings.source === 'none' ? 'none' : 'joined'} settings={settings} />
      )}
      {settings?.source === 'screen' && <LeaveSection />}
      {action?.name === 'leave' && action.kind === 'done' && (
        <p role="status" data-testid="warehouse-left">
          {t('ui.warehouse.left')}
        </p>
      )}
    </main>
  );
}
