// The one place the GUI reaches the server: a gRPC-Web transport (same origin), the clients
// of every service, the session's tokens and the refresh-and-retry-once rule.
import { Code, ConnectError, createClient, type Client, type Interceptor } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import type { DescService } from "@bufbuild/protobuf";
import { signal } from "@preact/signals";
import { AccountService } from "./gen/orbit/system/v1/account_service_pb";
import type { TokenPair, Account } from "./gen/orbit/system/v1/account_pb";

const STORE_KEY = "orbit.session";

interface StoredSession {
  access: string;
  accessExpiresMs: number;
  refresh: string;
}

function loadSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(STORE_KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  } catch {
    return null;
  }
}

let session: StoredSession | null = loadSession();

/** The signed-in account; null when signed out, undefined while not yet known. */
export const account = signal<Account | null | undefined>(session ? undefined : null);
/** Set while the server cannot be reached (the banner retries). */
export const unreachable = signal(false);

export function saveTokens(tokens: TokenPair | undefined) {
  if (!tokens) return;
  session = {
    access: tokens.accessToken,
    accessExpiresMs: tokens.accessExpiresAt ? Number(tokens.accessExpiresAt.seconds) * 1000 : 0,
    refresh: tokens.refreshToken,
  };
  localStorage.setItem(STORE_KEY, JSON.stringify(session));
}

export function clearSession() {
  session = null;
  localStorage.removeItem(STORE_KEY);
  account.value = null;
}

export function hasSession() {
  return session !== null;
}

/** Whether a call failed to reach the server (not: the server answered with an error). The
 * browser's fetch fails with a TypeError; a proxy in between answers an HTTP error status
 * without gRPC headers ("HTTP 502"). A module answering UNAVAILABLE itself is not this. */
function isNetworkError(e: unknown): boolean {
  if (!(e instanceof ConnectError)) return e instanceof TypeError;
  if (e.cause instanceof TypeError) return true;
  if (e.code === Code.Unavailable && /^HTTP \d{3}$/.test(e.rawMessage)) return true;
  return (e.code === Code.Unknown || e.code === Code.Internal) && /failed to fetch|networkerror|network error|load failed/i.test(e.rawMessage);
}

const base = createGrpcWebTransport({ baseUrl: location.origin, useBinaryFormat: true });
const accountsBare = createClient(AccountService, base);

let refreshing: Promise<boolean> | null = null;

/** Exchanges the refresh token once, shared by every call that needs it (and, through a Web
 * Lock, by every tab: a refresh token works once, a reused one ends the session). */
export function refreshTokens(): Promise<boolean> {
  if (!refreshing) {
    const run = async () => {
      const before = session?.refresh;
      const stored = loadSession();
      if (stored && stored.refresh !== before) {
        session = stored; // another tab refreshed meanwhile
        return true;
      }
      if (!session) return false;
      try {
        const res = await accountsBare.refresh({ refreshToken: session.refresh });
        saveTokens(res.tokens);
        return true;
      } catch (e) {
        if (isNetworkError(e)) throw e;
        clearSession();
        return false;
      }
    };
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    refreshing = (locks ? locks.request("orbit.refresh", run) : run()).finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

const auth: Interceptor = (next) => async (req) => {
  const attempt = () => {
    if (session) req.header.set("authorization", `Bearer ${session.access}`);
    return next(req);
  };
  try {
    const res = await attempt();
    unreachable.value = false;
    return res;
  } catch (e) {
    if (isNetworkError(e)) {
      unreachable.value = true;
      throw e;
    }
    unreachable.value = false;
    if (e instanceof ConnectError && e.code === Code.Unauthenticated && session && !req.stream) {
      if (await refreshTokens()) return await attempt();
      onSignedOut();
    }
    throw e;
  }
};

let signedOutHandler = () => {};
export function onSignedOutDo(f: () => void) {
  signedOutHandler = f;
}
function onSignedOut() {
  clearSession();
  signedOutHandler();
}

export const transport = createGrpcWebTransport({
  baseUrl: location.origin,
  useBinaryFormat: true,
  interceptors: [auth],
});

const clients = new Map<DescService, unknown>();
/** The client of one service, made once. */
export function api<S extends DescService>(service: S): Client<S> {
  let c = clients.get(service);
  if (!c) {
    c = createClient(service, transport);
    clients.set(service, c);
  }
  return c as Client<S>;
}

/** Whether an error is the server refusing a stale access token (streams refresh themselves). */
export function isUnauthenticated(e: unknown) {
  return e instanceof ConnectError && e.code === Code.Unauthenticated;
}

export { isNetworkError };

/** A field the server named in an INVALID_ARGUMENT ("invalid <field>: <reason>"), if any. */
export function fieldError(e: unknown): { field: string; reason: string } | null {
  if (!(e instanceof ConnectError) || e.code !== Code.InvalidArgument) return null;
  const m = /^invalid ([a-z_]+): (.*)$/s.exec(e.rawMessage);
  return m ? { field: m[1], reason: m[2] } : null;
}

/** Signs the session out on the server (best effort) and forgets it here. */
export async function logOut() {
  try {
    await api(AccountService).logOut({});
  } catch {
    /* the session ends here either way */
  }
  clearSession();
}
