// Who is signed in (the sign-in overlay, the header's Lock) and Settings → Packers.
import type {
  AppErrorData,
  CommandInput,
  PackerView,
  Result,
  SessionView,
} from '../../../src-shared';
import type { SliceContext } from './context';

export type PackerEdit =
  | { kind: 'add'; input: CommandInput<'packers.add'> }
  | { kind: 'update'; input: CommandInput<'packers.update'> }
  | { kind: 'remove'; id: string };

export interface PackersSlice {
  session: SessionView | null;
  /** Why the last sign-in by PIN was refused (wrong PIN, locked), until the next try. */
  signInError: AppErrorData | null;
  signingIn: boolean;
  packers: PackerView[];
  packersError: AppErrorData | null;
  /** The last change on the Packers screen, while it runs or when it was refused. */
  packerEdit: { kind: 'pending' } | { kind: 'failed'; error: AppErrorData } | null;
  loadSession(): Promise<void>;
  signIn(packerId: string, pin: string): Promise<boolean>;
  clearSignInError(): void;
  lock(): Promise<void>;
  /** A key or a click: the idle lock counts from now (sent at most twice a minute). */
  reportActivity(): void;
  loadPackers(): Promise<void>;
  editPackers(edit: PackerEdit): Promise<boolean>;
  setIdleLock(minutes: number): Promise<boolean>;
  /** The badge sheet as a PDF; null when refused (the error is in packersError). */
  badgeSheet(): Promise<{ fileName: string; pdfBase64: string } | null>;
}

/** The overlay shows when the station has packers and nobody is signed in. */
export const signInNeeded = (session: SessionView | null): boolean =>
  session !== null && session.required && session.packer === null;

export function onSessionPushed(ctx: SliceContext, session: SessionView): void {
  ctx.set({ session });
}

const ACTIVITY_EVERY_MS = 30_000;

export function packersSlice(ctx: SliceContext): PackersSlice {
  let lastActivity = 0;
  const session = (result: Result<SessionView>): boolean => {
    if (result.ok) ctx.set({ session: result.value });
    return result.ok;
  };
  const listed = (result: Result<PackerView[]>): boolean => {
    if (result.ok) ctx.set({ packers: result.value, packersError: null, packerEdit: null });
    else ctx.set({ packerEdit: { kind: 'failed', error: result.error } });
    return result.ok;
  };
  return {
    session: null,
    signInError: null,
    signingIn: false,
    packers: [],
    packersError: null,
    packerEdit: null,

    async loadSession() {
      session(await ctx.api.session.current({}));
    },

    async signIn(packerId, pin) {
      ctx.set({ signingIn: true, signInError: null });
      const result = await ctx.api.session.signIn({ packerId, pin });
      ctx.set({ signingIn: false, signInError: result.ok ? null : result.error });
      if (!result.ok && result.error.code === 'pin-locked') void ctx.get().loadSession();
      return session(result);
    },

    clearSignInError() {
      ctx.set({ signInError: null });
    },

    async lock() {
      session(await ctx.api.session.lock({}));
    },

    reportActivity() {
      const { session: now } = ctx.get();
      if (!now?.packer || now.idleLockMinutes === 0) return;
      const at = Date.now();
      if (at - lastActivity < ACTIVITY_EVERY_MS) return;
      lastActivity = at;
      void ctx.api.session.activity({}).then(session);
    },

    async loadPackers() {
      const result = await ctx.api.packers.list({});
      if (result.ok) ctx.set({ packers: result.value, packersError: null });
      else ctx.set({ packersError: result.error });
    },

    async editPackers(edit) {
      ctx.set({ packerEdit: { kind: 'pending' } });
      switch (edit.kind) {
        case 'add':
          return listed(await ctx.api.packers.add(edit.input));
        case 'update':
          return listed(await ctx.api.packers.update(edit.input));
        case 'remove':
          return listed(await ctx.api.packers.remove({ id: edit.id }));
      }
    },

    async setIdleLock(idleLockMinutes) {
      const result = await ctx.api.session.settings({ idleLockMinutes });
      if (!result.ok) ctx.set({ packerEdit: { kind: 'failed', error: result.error } });
      return session(result);
    },

    async badgeSheet() {
      const result = await ctx.api.packers.badges({});
      if (result.ok) return result.value;
      ctx.set({ packersError: result.error });
      return null;
    },
  };
}
