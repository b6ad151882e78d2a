import { useEffect, useRef, useState, type FormEvent } from 'react';
import { packerRoles, type PackerRole, type PackerView } from '../../../src-shared';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';
import { pdfBlob, saveFile } from '../shared/save-file';

const pinPattern = /^\d{4}$/;

function PackerRow({ packer }: { packer: PackerView }) {
  const { t } = useSpeaker();
  const edit = useStation((s) => s.editPackers);
  const [pin, setPin] = useState('');
  const [confirming, setConfirming] = useState(false);
  return (
    <tr data-testid={`packer-${packer.id}`}>
      <td>{packer.name}</td>
      <td>
        <select
          aria-label={t('ui.packers.roleOf', { name: packer.name })}
          value={packer.role}
          onChange={(e) =>
            void edit({
              kind: 'update',
              input: { id: packer.id, role: e.target.value as PackerRole },
            })
          }
        >
          {packerRoles.map((role) => (
            <option key={role} value={role}>
              {t(`ui.packers.role.${role}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="mono" data-testid="packer-badge">
        {packer.badge}
      </td>
      <td>
        <form
          className="packer-pin"
          onSubmit={(e) => {
            e.preventDefault();
            if (!pinPattern.test(pin)) return;
            void edit({ kind: 'update', input: { id: packer.id, pin } }).then(
              (ok) => ok && setPin(''),
            );
          }}
        >
          <input
            type="password"
            inputMode="numeric"
            maxLength={4}
            autoComplete="off"
            aria-label={t('ui.packers.newPin', { name: packer.name })}
            placeholder={t('ui.packers.newPinPlaceholder')}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          />
          <button type="submit" className="button button-small" disabled={!pinPattern.test(pin)}>
            {t('ui.packers.changePin')}
          </button>
        </form>
      </td>
      <td>
        {confirming ? (
          <>
            <button
              type="button"
              className="button button-small button-danger"
              onClick={() => void edit({ kind: 'remove', id: packer.id })}
              onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)}
              autoFocus
            >
              {t('ui.packers.removeConfirm', { name: packer.name })}
            </button>{' '}
            <button
              type="button"
              className="button button-small"
              onClick={() => setConfirming(false)}
            >
              {t('ui.packers.keep')}
            </button>
          </>
        ) : (
          <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
            {t('ui.packers.remove')}
          </button>
        )}
      </td>
    </tr>
  );
}

/** Settings → Packers: who may sign in, their role, PIN and badge; the idle lock. */
export function PackersScreen() {
  const { t, say } = useSpeaker();
  const packers = useStation((s) => s.packers);
  const error = useStation((s) => s.packersError);
  const editState = useStation((s) => s.packerEdit);
  const session = useStation((s) => s.session);
  const edit = useStation((s) => s.editPackers);
  const setIdleLock = useStation((s) => s.setIdleLock);
  const badgeSheet = useStation((s) => s.badgeSheet);
  const [name, setName] = useState('');
  // Until one is picked: the first packer must be a supervisor, the others are usually packers.
  const [picked, setRole] = useState<PackerRole | null>(null);
  const role: PackerRole = picked ?? (packers.length === 0 ? 'supervisor' : 'packer');
  const [pin, setPin] = useState('');
  // What is typed in the idle-lock field, until saved; otherwise the station's setting.
  const [idleDraft, setIdle] = useState<string | null>(null);
  const idle = idleDraft ?? String(session?.idleLockMinutes ?? 10);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || !pinPattern.test(pin)) return;
    const ok = await edit({ kind: 'add', input: { name: name.trim(), role, pin } });
    if (ok) {
      setName('');
      setPin('');
      setRole(null);
    }
  };

  return (
    <main className="settings-screen packers-screen" data-testid="screen-packers">
      <div className="panel-head">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('ui.packers.title')}
        </h1>
        <button
          type="button"
          className="button button-small"
          disabled={packers.length === 0}
          data-testid="packers-badges"
          onClick={() =>
            void badgeSheet().then(
              (sheet) => sheet && saveFile(sheet.fileName, pdfBlob(sheet.pdfBase64)),
            )
          }
        >
          {t('ui.packers.printBadges')}
        </button>
      </div>
      <p className="muted">{t('ui.packers.intro')}</p>
      {error && (
        <p className="inline-error" role="alert">
          {say(error)}
        </p>
      )}
      {editState?.kind === 'failed' && (
        <p className="inline-error" role="alert" data-testid="packers-error">
          {say(editState.error)}
        </p>
      )}
      {packers.length > 0 ? (
        <table className="packers-table">
          <thead>
            <tr>
              <th>{t('ui.packers.column.name')}</th>
              <th>{t('ui.packers.column.role')}</th>
              <th>{t('ui.packers.column.badge')}</th>
              <th>{t('ui.packers.column.pin')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {packers.map((packer) => (
              <PackerRow key={packer.id} packer={packer} />
            ))}
          </tbody>
        </table>
      ) : (
        <p data-testid="packers-empty">{t('ui.packers.empty')}</p>
      )}
      <form className="packer-add" onSubmit={(e) => void add(e)} data-testid="packer-add">
        <h2>{t('ui.packers.add.title')}</h2>
        <label>
          {t('ui.packers.column.name')}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={60}
            data-testid="packer-add-name"
          />
        </label>
        <label>
          {t('ui.packers.column.role')}
          <select
            value={role}
            onChange={(e) => setRole(e.target.value as PackerRole)}
            data-testid="packer-add-role"
          >
            {packerRoles.map((r) => (
              <option key={r} value={r}>
                {t(`ui.packers.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ui.packers.column.pin')}
          <input
            type="password"
            inputMode="numeric"
            maxLength={4}
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            data-testid="packer-add-pin"
          />
        </label>
        <button
          type="submit"
          className="button"
          disabled={!name.trim() || !pinPattern.test(pin) || editState?.kind === 'pending'}
          data-testid="packer-add-submit"
        >
          {t('ui.packers.add.submit')}
        </button>
      </form>
      {session?.required && (
        <form
          className="packer-idle"
          onSubmit={(e) => {
            e.preventDefault();
            const minutes = Number(idle);
            if (Number.isInteger(minutes) && minutes >= 0 && minutes <= 480) {
              void setIdleLock(minutes).then((ok) => ok && setIdle(null));
            }
          }}
        >
          <label>
            {t('ui.packers.idle.label')}
            <input
              type="number"
              min={0}
              max={480}
              value={idle}
              onChange={(e) => setIdle(e.target.value)}
              data-testid="packer-idle"
            />
          </label>
          <span className="muted">{t('ui.packers.idle.hint')}</span>
          <button type="submit" className="button button-small">
            {t('ui.packers.idle.save')}
          </button>
        </form>
      )}
    </main>
  );
}
