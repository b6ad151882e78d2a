// Who does what at this station: the packer signed in (if any), their role, and the station. Every
// scan, label, reprint, void and batch records it; the packers module gives the live one.
import type { PackerRole } from '../../src-shared';

export interface Actor {
  /** Null when nobody is signed in (or no packers are set up). */
  packerId: string | null;
  /**
   * The signed-in packer's role; null when the station has no packers set up, where everyone may
   * do everything, as before packers existed.
   */
  role: PackerRole | null;
  stationId: string;
}

export type CurrentActor = () => Actor;

/** May this actor do what only supervisors may (void after the free window, change settings)? */
export const actsAsSupervisor = (actor: Actor): boolean =>
  actor.role === null || actor.role === 'supervisor';
