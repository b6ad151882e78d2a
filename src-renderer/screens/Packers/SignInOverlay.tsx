import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import './packers.css';
import { useSpeaker } from '../../i18n/messages';
import { useStation } from '../../state/station';

/** Keys closer than this after a letter are a scanner's burst. */
const BURST_GAP_MS = 80;
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * Nobody is signed in at a station with packers: scan a badge (the window-wide scanner takes
 * it), or pick a name and type the 4-digit PIN on the keypad or the keyboard. Enter signs in,
 * Escape goes back to the names, Backspace takes a digit back.
 */
export function SignInOverlay() {
  const { t, say } = useSpeaker();
  const session = useStation((s) => s.session);
  const signIn = useStation((s) => s.signIn);
  const signingIn = useStation((s) => s.signingIn);
  const error = useStation((s) => s.signInError);
  const clearError = useStation((s) => s.clearSignInError);
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const [pin, setPin] = useState('');
  const pinRef = useRef<HTMLDivElement>(null);
  // A badge scanned while the keypad is open arrives as keys too: from its first letter, keys that
  // follow fast are the scanner's (the window-wide scanner signs the badge in), not PIN digits.
  const burstAt = useRef<number | null>(null);
  const firstNameRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (picked) pinRef.current?.focus();
    else firstNameRef.current?.focus();
  }, [picked]);

  if (!session) return null;
  const locked = session.pinLockedUntil !== null;

  const submit = async (entered: string) => {
    if (!picked || entered.length !== 4 || signingIn) return;
    const ok = await signIn(picked.id, entered);
    setPin('');
    if (ok) setPicked(null);
  };
  const press = (digit: string) => {
    clearError();
    const next = (pin + digit).slice(0, 4);
    setPin(next);
    if (next.length === 4) void submit(next);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const last = burstAt.current;
    if (last !== null && event.timeStamp - last < BURST_GAP_MS) {
      burstAt.current = event.timeStamp;
      return;
    }
    burstAt.current = null;
    if (event.key.length === 1 && !/^\d$/.test(event.key)) {
      burstAt.current = event.timeStamp;
      setPin('');
      return;
    }
    if (/^\d$/.test(event.key)) press(event.key);
    else if (event.key === 'Backspace') setPin((p) => p.slice(0, -1));
    else if (event.key === 'Enter') void submit(pin);
    else if (event.key === 'Escape') {
      setPicked(null);
      setPin('');
      clearError();
    } else return;
    event.preventDefault();
  };

  return (
    <div
      className="sign-in-overlay"
      data-testid="sign-in"
      role="dialog"
      aria-modal="true"
      aria-labelledby="sign-in-title"
    >
      <div className="sign-in-card">
        <h1 id="sign-in-title">{t('ui.packers.signIn.title', { station: session.stationName })}</h1>
        <p className="sign-in-badge-hint">{t('ui.packers.signIn.scanBadge')}</p>
        {!picked ? (
          <>
            <p className="muted">{t('ui.packers.signIn.orPick')}</p>
            <ul className="sign-in-names">
              {session.packers.map((packer, index) => (
                <li key={packer.id}>
                  <button
                    type="button"
                    className="button"
                    ref={index === 0 ? firstNameRef : undefined}
                    data-testid={`sign-in-name-${packer.id}`}
                    onClick={() => {
                      clearError();
                      setPicked(packer);
                    }}
                  >
                    {packer.name}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <div
            className="sign-in-pin"
            ref={pinRef}
            tabIndex={0}
            onKeyDown={onKeyDown}
            aria-label={t('ui.packers.signIn.pinFor', { name: picked.name })}
            data-testid="sign-in-pin"
          >
            <p>{t('ui.packers.signIn.pinFor', { name: picked.name })}</p>
            <div
              className="pin-dots"
              aria-live="polite"
              data-testid="pin-dots"
              data-length={pin.length}
            >
              {[0, 1, 2, 3].map((i) => (
                <span key={i} className={i < pin.length ? 'pin-dot pin-dot-filled' : 'pin-dot'} />
              ))}
            </div>
            <div className="pin-keypad">
              {[...DIGITS, '0'].map((digit) => (
                <button
                  key={digit}
                  type="button"
                  className="button pin-key"
                  tabIndex={-1}
                  disabled={locked || signingIn}
                  onClick={() => press(digit)}
                >
                  {digit}
                </button>
              ))}
              <button
                type="button"
                className="button pin-key"
                tabIndex={-1}
                onClick={() => setPin((p) => p.slice(0, -1))}
                aria-label={t('ui.packers.signIn.backspace')}
              >
                ⌫
              </button>
            </div>
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setPicked(null);
                setPin('');
                clearError();
              }}
            >
              {t('ui.packers.signIn.back')}
            </button>
          </div>
        )}
        {locked && (
          <p className="inline-error" role="alert" data-testid="sign-in-locked">
            {t('ui.packers.signIn.locked')}
          </p>
        )}
        {error && !locked && (
          <p
            className="inline-error"
            role="alert"
            data-testid="sign-in-error"
            data-code={error.code}
          >
            {say(error)}
          </p>
        )}
      </div>
    </div>
  );
}
