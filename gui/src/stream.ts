// Following a server stream for as long as a page shows it: resumes after the last sequence
// number when the stream breaks (network, server restart, a lagging reader cut off), refreshes
// the access token when it expired, and backs off while the server is unreachable.
import { Code, ConnectError } from "@connectrpc/connect";
import { refreshTokens, unreachable, isNetworkError } from "./api";

export interface Follow {
  stop(): void;
}

export function follow<T>(opts: {
  /** Opens the stream after `after` (undefined: from now). */
  open: (after: bigint | undefined, signal: AbortSignal) => AsyncIterable<T>;
  /** The position to resume after, if this item carries one. */
  seq: (item: T) => bigint | undefined;
  onItem: (item: T) => void;
  /** The stream cannot go on (denied, not found, pruned): say so. */
  onFatal?: (e: unknown) => void;
  /** Called whenever the stream is (re)connected. */
  onOpen?: () => void;
}): Follow {
  const abort = new AbortController();
  let after: bigint | undefined;
  (async () => {
    let delay = 500;
    while (!abort.signal.aborted) {
      try {
        opts.onOpen?.();
        for await (const item of opts.open(after, abort.signal)) {
          delay = 500;
          unreachable.value = false;
          const s = opts.seq(item);
          if (s !== undefined && s > 0n) after = s;
          opts.onItem(item);
        }
      } catch (e) {
        if (abort.signal.aborted) return;
        if (e instanceof ConnectError && e.code === Code.Canceled) return;
        if (e instanceof ConnectError && e.code === Code.Unauthenticated) {
          try {
            if (!(await refreshTokens())) return opts.onFatal?.(e);
          } catch {
            /* unreachable: retry below */
          }
        } else if (isNetworkError(e)) {
          unreachable.value = true;
        } else if (
          e instanceof ConnectError &&
          [Code.PermissionDenied, Code.NotFound, Code.FailedPrecondition, Code.InvalidArgument, Code.OutOfRange].includes(e.code)
        ) {
          return opts.onFatal?.(e);
        }
      }
      if (abort.signal.aborted) return;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  })();
  return { stop: () => abort.abort() };
}
