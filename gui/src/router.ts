// Client-side routing with the History API: the server answers every non-gRPC path that is
// not a file with index.html.
import { signal } from "@preact/signals";

export const path = signal(location.pathname);
export const query = signal(new URLSearchParams(location.search));

function sync() {
  path.value = location.pathname;
  query.value = new URLSearchParams(location.search);
}

export function navigate(to: string, replace = false) {
  if (to === location.pathname + location.search) return;
  if (replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  sync();
  window.scrollTo(0, 0);
}

addEventListener("popstate", sync);

/** Follows same-origin links without reloading. */
document.addEventListener("click", (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element).closest?.("a");
  if (!a || a.target || a.hasAttribute("download") || a.getAttribute("href")?.startsWith("#")) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});

/** Matches `pattern` ("/p/:project/chat") against the path; the named parts, or null. */
export function match(pattern: string, p = path.value): Record<string, string> | null {
  const ps = pattern.replace(/\/+$/, "").split("/");
  const xs = p.replace(/\/+$/, "").split("/");
  if (pattern.endsWith("/*")) {
    if (xs.length < ps.length - 1) return null;
  } else if (ps.length !== xs.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < ps.length; i++) {
    if (ps[i] === "*") break;
    if (ps[i].startsWith(":")) out[ps[i].slice(1)] = decodeURIComponent(xs[i]);
    else if (ps[i] !== xs[i]) return null;
  }
  return out;
}

/** Where to go back to after logging in. */
export function here() {
  return location.pathname + location.search;
}
