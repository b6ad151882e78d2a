import { commandNames, ipcChannels, msg, type EventEnvelope, type Result } from '../../src-shared';
import type { Station } from '../station';
import { dispatch } from './dispatch';

/** The part of Electron's ipcMain this transport uses; the real one and test fakes fit it. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: { senderFrame: { url: string } | null }, input: unknown) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

export interface EventTarget {
  send(channel: string, envelope: EventEnvelope): void;
  isDestroyed(): boolean;
}

/**
 * Electron's transport of the contract: one `ipcMain.handle` per command. Only frames showing
 * our own renderer may call; their input goes through the same validation as the browser host.
 */
export function bindIpc(
  ipcMain: IpcMainLike,
  station: Pick<Station, 'handlers' | 'subscribe'>,
  options: { isTrustedFrameUrl: (url: string) => boolean; target: () => EventTarget | null },
): () => void {
  for (const name of commandNames) {
    ipcMain.handle(ipcChannels.command(name), async (event, input): Promise<Result<unknown>> => {
      const url = event.senderFrame?.url;
      if (!url || !options.isTrustedFrameUrl(url)) {
        return {
          ok: false,
          error: { code: 'forbidden', ...msg('error.forbidden') },
        };
      }
      return dispatch(station.handlers, name, input);
    });
  }
  const unsubscribe = station.subscribe((event, payload) => {
    const target = options.target();
    if (target && !target.isDestroyed()) target.send(ipcChannels.events, { event, payload });
  });
  return () => {
    unsubscribe();
    for (const name of commandNames) ipcMain.removeHandler(ipcChannels.command(name));
  };
}
