// The signed-in person's settings kept by the server (SettingsService), so theme and
// language follow them to another browser. The local choice (localStorage) applies at once;
// the server's copy is applied after sign-in and written on every change.
import { api, account } from "./api";
import { SettingsService } from "./gen/orbit/system/v1/settings_service_pb";
import { Theme as StoredTheme, type NotificationSettings } from "./gen/orbit/system/v1/settings_pb";
import { theme, setTheme, type Theme } from "./theme";
import { chosenLang, setLang, LANGUAGES, type Lang } from "./i18n";

let notifications: NotificationSettings | undefined;
/** Counts local changes, so a server copy fetched before one of them does not undo it. */
let localChanges = 0;

function toStored(t: Theme): StoredTheme {
  return t === "light" ? StoredTheme.LIGHT : t === "dark" ? StoredTheme.DARK : StoredTheme.AUTO;
}

function fromStored(t: StoredTheme): Theme {
  return t === StoredTheme.LIGHT ? "light" : t === StoredTheme.DARK ? "dark" : "auto";
}

/** Applies the person's stored theme and language (another browser may have changed them). */
export async function loadSettings(): Promise<void> {
  if (!account.value) return;
  const before = localChanges;
  try {
    const { settings } = await api(SettingsService).getSettings({});
    if (!settings) return;
    notifications = settings.notifications;
    // The person changed something while this was on its way: their choice wins.
    if (localChanges !== before) return;
    const stored = fromStored(settings.theme);
    if (stored !== theme.value) setTheme(stored);
    const l = (LANGUAGES as readonly string[]).includes(settings.language) ? (settings.language as Lang) : null;
    if (l !== chosenLang.value) await setLang(l);
  } catch {
    // Unreachable or refused: the local choice stays.
  }
}

/** The person picks a theme: applied at once, then stored. */
export function chooseTheme(t: Theme): Promise<void> {
  localChanges++;
  setTheme(t);
  return saveSettings();
}

/** The person picks a language (null: the browser's): applied once loaded, then stored. */
export async function chooseLang(l: Lang | null): Promise<void> {
  localChanges++;
  await setLang(l);
  return saveSettings();
}

/** Stores the current theme and language for the signed-in person. */
async function saveSettings(): Promise<void> {
  if (!account.value) return;
  try {
    await api(SettingsService).updateSettings({
      settings: { language: chosenLang.value ?? "", theme: toStored(theme.value), notifications },
    });
  } catch {
    // Kept locally; the next change tries again.
  }
}
