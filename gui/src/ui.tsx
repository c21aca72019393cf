// Small building blocks every page uses: loading and empty states, errors that say what to
// do, labelled fields that show the server's field errors beside them.
import type { ComponentChildren, ComponentType, PartialInputHTMLAttributes } from "preact";
import { useEffect, useState, useCallback, useRef } from "preact/hooks";
import { Code, ConnectError } from "@connectrpc/connect";
import { t } from "./i18n";
import { fieldError, isNetworkError } from "./api";
import { tick, currentProject } from "./state";

/** What to tell a person about a failed call. */
export function describeError(e: unknown): string {
  if (isNetworkError(e)) return t("error-unreachable");
  if (e instanceof ConnectError) {
    switch (e.code) {
      case Code.PermissionDenied:
        return t("error-denied");
      case Code.NotFound:
        return t("error-not-found");
      case Code.ResourceExhausted:
        return t("error-too-many", { detail: e.rawMessage });
      case Code.Unauthenticated:
        return t("error-signed-out");
      case Code.AlreadyExists:
        return t("error-exists", { detail: e.rawMessage });
      case Code.Aborted:
        return t("error-conflict");
      case Code.InvalidArgument:
      case Code.FailedPrecondition:
        return t("error-invalid", { detail: e.rawMessage });
      default:
        return t("error-other", { detail: e.rawMessage });
    }
  }
  return t("error-other", { detail: String(e) });
}

export function ErrorNote({ error, retry }: { error: unknown; retry?: () => void }) {
  if (!error) return null;
  return (
    <div class="error" role="alert">
      <span>{describeError(error)}</span>
      {retry && (
        <button type="button" class="link" onClick={retry}>
          {t("action-retry")}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  return (
    <p class="muted" role="status" aria-live="polite">
      {t("state-loading")}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>;
}

/** Loads data when deps change (and after reconnecting); `reload` runs it again. */
export function useLoad<T>(fn: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({
    loading: true,
  });
  const gen = useRef(0);
  const reload = useCallback(() => {
    const g = ++gen.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    fn().then(
      (data) => g === gen.current && setState({ data, loading: false }),
      (error) => g === gen.current && setState({ error, loading: false }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  const tk = tick.value;
  useEffect(reload, [reload, tk]);
  return { ...state, reload };
}

let nextId = 0;
export function useId(prefix: string) {
  const r = useRef<string | null>(null);
  if (!r.current) r.current = `${prefix}-${++nextId}`;
  return r.current;
}

type FieldProps = {
  label: string;
  name: string;
  error?: string | null;
  hint?: string;
} & Omit<PartialInputHTMLAttributes<HTMLInputElement>, "label" | "name">;

/** A labelled input; `error` (e.g. the server's reason for this field) is shown beside it. */
export function Field({ label, name, error, hint, ...rest }: FieldProps) {
  const id = useId(`f-${name}`);
  const described = [error ? `${id}-err` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={described || undefined}
        {...(rest as Record<string, unknown>)}
      />
      {hint && (
        <small id={`${id}-hint`} class="muted">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-err`} class="field-error">
          {error}
        </small>
      )}
    </div>
  );
}

/** Runs a form's call, splitting a server field error from the rest. */
export function useSubmit<A extends unknown[]>(fn: (...a: A) => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const run = async (...a: A) => {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await fn(...a);
    } catch (e) {
      const f = fieldError(e);
      if (f) setFields({ [f.field]: f.reason });
      else setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, fields, run, setFields };
}

export function PageTitle({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${ref.current?.textContent ?? ""} · Orbit`;
  });
  return (
    <h1 ref={ref} tabIndex={-1} id="page-title">
      {children}
    </h1>
  );
}

export function roleName(role: number): string {
  return t(`role-${role}`);
}

/** A page whose code is loaded on first use (dynamic import), showing a loading state meanwhile. */
export function lazyPage<P>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  return function Lazy(props: P) {
    const [, rerender] = useState(0);
    const [error, setError] = useState<unknown>(null);
    if (loaded) {
      const C = loaded as ComponentType<any>;
      return <C {...props} />;
    }
    if (!pending) pending = load().then((c) => void (loaded = c));
    pending.then(() => rerender((n) => n + 1), (e) => { pending = null; setError(e); });
    return error ? <ErrorNote error={error} retry={() => setError(null)} /> : <Loading />;
  };
}

/** A DID short enough for a table or a heading: "z6MkiTBz…mDooWp" (the full value belongs in
 * a title beside it). */
export function shortDid(did: string): string {
  const body = did.replace(/^did:key:/, "");
  return body.length > 16 ? `${body.slice(0, 8)}…${body.slice(-6)}` : body;
}

/** "shared from <short DID>" for a project followed from another instance; "" for one of
 * this instance's own. */
export function sharedFrom(p: { ownerDid: string } | null | undefined): string {
  return p?.ownerDid ? t("federation-shared-from", { did: shortDid(p.ownerDid) }) : "";
}

/** A small note under a page title when the current project is followed from another
 * instance: its changes come from there, and this instance cannot make any. */
export function SharedMark({ long = false }: { long?: boolean }) {
  const p = currentProject.value;
  if (!p?.ownerDid) return null;
  return (
    <p class="shared-mark" title={p.ownerDid}>
      <span aria-hidden="true">⇄ </span>
      {sharedFrom(p)}
      {long && <span class="muted"> · {t("federation-followed-read-only")}</span>}
    </p>
  );
}
