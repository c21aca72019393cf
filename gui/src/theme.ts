// Light, dark or auto (follows the OS setting live, through a media query listener).
import { signal } from "@preact/signals";

export type Theme = "light" | "dark" | "auto";
const KEY = "orbit.theme";
const media = matchMedia("(prefers-color-scheme: dark)");

export const theme = signal<Theme>(read());

function read(): Theme {
  const v = localStorage.getItem(KEY);
  return v === "light" || v === "dark" ? v : "auto";
}

function apply() {
  const t = theme.value;
  const dark = t === "dark" || (t === "auto" && media.matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
}

export function setTheme(t: Theme) {
  if (t === "auto") localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, t);
  theme.value = t;
  apply();
}

media.addEventListener("change", apply);
apply();
