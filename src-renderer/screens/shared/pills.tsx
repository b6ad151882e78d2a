import type { AccountState } from '../../../src-shared';
import type { Message } from '../../../src-shared/messages';
import { useSpeaker } from '../../i18n/messages';
import { accountStateLabel, accountStateTone } from '../../state/accounts';
import type { StatusSummary } from '../../state/printers';

/** A printer's state in one coloured word or two; the tone is also a data attribute for tests. */
export function PrinterPill({
  summary,
  title,
  testId,
}: {
  summary: StatusSummary;
  title?: Message | null;
  testId?: string;
}) {
  const { say } = useSpeaker();
  return (
    <span
      className={`printer-pill printer-tone-${summary.tone}`}
      data-tone={summary.tone}
      data-testid={testId}
      title={title ? say(title) : undefined}
    >
      {say(summary.label)}
    </span>
  );
}

/** An account's state as a pill, coloured like the printers' ones. */
export function AccountPill({
  state,
  title,
  testId,
}: {
  state: AccountState;
  title?: Message | null;
  testId?: string;
}) {
  const { say } = useSpeaker();
  return (
    <span
      className={`printer-pill printer-tone-${accountStateTone[state]}`}
      data-state={state}
      data-testid={testId}
      title={title ? say(title) : undefined}
    >
      {say(accountStateLabel(state))}
    </span>
  );
}
