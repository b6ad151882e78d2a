// Which station this is: an id made once and kept in its database, and a name for people
// (PACKDESK_STATION_NAME, else the computer's name). Shipments, scans and jobs record both.
import os from 'node:os';
import type { Db } from '../store/db';
import { readSetting, writeSetting } from '../store/settings';

export interface StationIdentity {
  id: string;
  name: string;
}

export function stationIdentity(db: Db, newId: () => string, name?: string): StationIdentity {
  let id = readSetting(db, 'station.id');
  if (id === null) {
    id = newId();
    writeSetting(db, 'station.id', id);
  }
  const named = name?.trim() || readSetting(db, 'station.name') || os.hostname() || 'Packdesk';
  writeSetting(db, 'station.name', named);
  return { id, name: named };
}
