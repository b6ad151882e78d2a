// The Electron preload: exposes exactly the contract as `window.packdesk`, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import {
  buildApi,
  eventNames,
  ipcChannels,
  type EventEnvelope,
  type EventMap,
  type EventName,
  type Result,
} from '../src-shared';

type Listener = (payload: EventMap[EventName]) => void;
const listeners = new Map<EventName, Set<Listener>>(eventNames.map((name) => [name, new Set()]));

ipcRenderer.on(ipcChannels.events, (_event, envelope: EventEnvelope) => {
  for (const listener of listeners.get(envelope.event) ?? []) listener(envelope.payload);
});

const api = buildApi(
  (name, input) => ipcRenderer.invoke(ipcChannels.command(name), input) as Promise<Result<unknown>>,
  (event, listener) => {
    const set = listeners.get(event);
    if (!set) throw new Error(`There is no event "${event}".`);
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  },
);

contextBridge.exposeInMainWorld('packdesk', api);
