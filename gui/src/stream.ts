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
  /**
   * Called with true when the stream is live: nothing that happens from then on escapes it.
   * That is once a stream opened from now delivered its first item (the server's watches
   * announce themselves with a heartbeat as soon as they are registered); whatever happened
   * before is not in it, so the page reads its state again then. With false when that stops:
   * the stream broke before it had a position to resume from (it reopens from now), or it
   * ended for good. A break after a position was delivered leaves it live: the stream resumes
   * after that position, and the server replays what was missed.
   */
  onLive?: (live: boolean) => void;
}): Follow {
  const abort = new AbortController();
  let after: bigint | undefined;
  let live = false;
  const setLive = (on: boolean) => {
    if (on === live) return;
    live = on;
    opts.onLive?.(on);
  };
  const fatal = (e: unknown) => {
    setLive(false);
    opts.onFatal?.(e);
  };
  (async () => {
    let delay = 500;
    while (!abort.signal.aborted) {
      try {
        opts.onOpen?.();
        for await (const item of opts.open(after, abort.signal)) {
          delay = 500;
          unreachable.value = false;
          const s = opts.seq(item);
          // 0 is a position too when nothing else is known: the head of a feed still empty.
          if (s !== undefined && (s > 0n || after === undefined)) after = s;
          opts.onItem(item);
          if (!abort.signal.aborted) setLive(true);
        }
      } catch (e) {
        if (abort.signal.aborted) return;
        if (e instanceof ConnectError && e.code === Code.Canceled) return;
        if (e instanceof ConnectError && e.code === Code.Unauthenticated) {
          try {
            if (!(await refreshTokens())) return fatal(e);
          } catch {
            /* unreachable: retry below */
          }
        } else if (isNetworkError(e)) {
          unreachable.value = true;
        } else if (
          e instanceof ConnectError &&
          [Code.PermissionDenied, Code.NotFound, Code.FailedPrecondition, Code.InvalidArgument, Code.OutOfRange].includes(e.code)
        ) {
          return fatal(e);
        }
      }
      if (abort.signal.aborted) return;
      // Reopened from now, what happens until it is registered again is missed.
      if (after === undefined) setLive(false);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  })();
  return { stop: () => abort.abort() };
}
