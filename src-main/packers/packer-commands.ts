// Settings → Packers and the sign-in: who may sign in (name, role, badge, PIN), who is signed in,
// the lock, the idle lock's minutes, and the badge sheet.
import { randomInt } from 'node:crypto';
import { msg, type PackerRole, type PackerView } from '../../src-shared';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { CommandHandlers } from '../host/dispatch';
import type { StationIdentity } from '../station/identity';
import type { Db } from '../store/db';
import {
  findPacker,
  insertPacker,
  isBadgeTaken,
  listPackers,
  packerView,
  removePacker,
  updatePacker,
  type PackerRecord,
} from '../store/packers';
import { badgeSheet } from './badges';
import { hashPin } from './pin';
import type { Sessions } from './sessions';

type PackerCommands = Pick<
  CommandHandlers,
  | 'session.current'
  | 'session.signIn'
  | 'session.lock'
  | 'session.activity'
  | 'session.settings'
  | 'packers.list'
  | 'packers.add'
  | 'packers.update'
  | 'packers.remove'
  | 'packers.badges'
>;

// No 0/O or 1/I: a badge code may have to be typed from the card.
const BADGE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A badge code no order or tracking number looks like. */
export function newBadgeCode(): string {
  let code = 'PDB-';
  for (let i = 0; i < 8; i++) code += BADGE_LETTERS[randomInt(BADGE_LETTERS.length)];
  return code;
}

export function packerCommands(deps: {
  db: Db;
  clock: Clock;
  newId: () => string;
  identity: StationIdentity;
  sessions: Sessions;
}): PackerCommands {
  const { db, sessions } = deps;
  const list = (): PackerView[] => listPackers(db).map(packerView);

  /** A station with packers keeps at least one supervisor, or nobody could manage it again. */
  function keepSupervisor(after: PackerRecord[]): void {
    if (after.length > 0 && !after.some((packer) => packer.role === 'supervisor')) {
      throw new AppError('invalid-input', msg('packers.needsSupervisor'), {
        log: 'the last supervisor cannot go',
      });
    }
  }

  function known(id: string): PackerRecord {
    const packer = findPacker(db, id);
    if (!packer)
      throw new AppError('invalid-input', msg('packers.unknown'), { log: `packer ${id}` });
    return packer;
  }

  /** A name taken by another packer refuses the change. */
  function nameFree(name: string, id: string | null): void {
    const lower = name.toLocaleLowerCase();
    if (listPackers(db).some((p) => p.id !== id && p.name.toLocaleLowerCase() === lower)) {
      throw new AppError('invalid-input', msg('packers.nameTaken', { name }));
    }
  }

  function badgeFor(asked: string | undefined): string {
    if (asked !== undefined) {
      if (isBadgeTaken(db, asked)) {
        throw new AppError('invalid-input', msg('packers.badgeTaken', { badge: asked }));
      }
      return asked;
    }
    let code = newBadgeCode();
    while (isBadgeTaken(db, code)) code = newBadgeCode();
    return code;
  }

  return {
    'session.current': async () => sessions.view(),
    'session.signIn': async ({ packerId, pin }) => sessions.signInWithPin(packerId, pin),
    'session.lock': async () => sessions.lock(),
    'session.activity': async () => sessions.activity(),
    'session.settings': async ({ idleLockMinutes }) => sessions.setIdleLockMinutes(idleLockMinutes),

    'packers.list': async () => list(),
    'packers.add': async ({ name, role, pin, badge }) => {
      nameFree(name, null);
      keepSupervisor([...listPackers(db), { role } as PackerRecord]);
      const id = deps.newId();
      insertPacker(db, {
        id,
        name,
        role,
        badge: badgeFor(badge),
        pinHash: await hashPin(pin),
        createdAt: new Date(deps.clock.now()).toISOString(),
      });
      sessions.packersChanged(id);
      return list();
    },
    'packers.update': async ({ id, name, role, pin }) => {
      const packer = known(id);
      if (name !== undefined) nameFree(name, id);
      if (role !== undefined) {
        keepSupervisor(
          listPackers(db).map((p) => (p.id === id ? { ...p, role: role as PackerRole } : p)),
        );
      }
      updatePacker(db, packer.id, {
        ...(name !== undefined ? { name } : {}),
        ...(role !== undefined ? { role } : {}),
        ...(pin !== undefined ? { pinHash: await hashPin(pin) } : {}),
      });
      sessions.packersChanged();
      return list();
    },
    'packers.remove': async ({ id }) => {
      known(id);
      keepSupervisor(listPackers(db).filter((p) => p.id !== id));
      removePacker(db, id, new Date(deps.clock.now()).toISOString());
      sessions.packersChanged();
      return list();
    },
    'packers.badges': async ({ ids }) => {
      const packers = listPackers(db).filter((p) => ids === undefined || ids.includes(p.id));
      const pdf = await badgeSheet(packers, deps.identity.name);
      const day = new Date(deps.clock.now()).toISOString().slice(0, 10);
      return { fileName: `packdesk-badges-${day}.pdf`, pdfBase64: pdf.toString('base64') };
    },
  };
}
