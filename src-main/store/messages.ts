// Messages as stored: a text column holds a message as JSON `{"key": …, "params": …}`, never a
// sentence. Migration 5 turned the sentences of earlier versions into this form.
import {
  isMessage,
  legacyText,
  type AppErrorData,
  type ErrorCode,
  type Message,
} from '../../src-shared';

export function messageColumn(message: Message | null): string | null {
  return message === null ? null : JSON.stringify({ key: message.key, params: message.params });
}

/** Read a stored message back; a column that is not one still shows its text as it was. */
export function messageFrom(column: string | null): Message | null {
  if (column === null) return null;
  try {
    const value: unknown = JSON.parse(column);
    if (isMessage(value)) return { key: value.key, params: value.params };
  } catch {
    // Not JSON: text written outside the station's own code. It keeps its words.
  }
  return legacyText(column);
}

/** A stored error: its code column, and its message column read back as a message. */
export function errorFrom(code: string | null, message: string | null): AppErrorData | null {
  if (code === null) return null;
  const said = messageFrom(message) ?? legacyText('');
  return { code: code as ErrorCode, key: said.key, params: said.params };
}
