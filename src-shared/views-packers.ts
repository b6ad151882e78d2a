// Packers, their roles, and who is signed in at this station.
export const packerRoles = ['packer', 'supervisor'] as const;
export type PackerRole = (typeof packerRoles)[number];

/** A packer as Settings → Packers lists them. The PIN never leaves main, not even hashed. */
export interface PackerView {
  id: string;
  name: string;
  role: PackerRole;
  /** The code their badge carries (Code 128). */
  badge: string;
  createdAt: string;
}

/** Who works at the station now. */
export interface SessionView {
  /** False when no packers are set up: the station works without signing in. */
  required: boolean;
  packer: { id: string; name: string; role: PackerRole } | null;
  /** The station's own name, as shipments and the day's review show it. */
  stationName: string;
  /** Minutes without a scan or a key before the station locks; 0: never. */
  idleLockMinutes: number;
  /** The names to pick from when signing in by PIN. */
  packers: { id: string; name: string }[];
  /** ISO 8601: PIN sign-in is refused until then, after five wrong PINs. */
  pinLockedUntil: string | null;
}

export interface BadgeSheet {
  fileName: string;
  /** An A4 PDF of Code 128 badges, base64. */
  pdfBase64: string;
}
