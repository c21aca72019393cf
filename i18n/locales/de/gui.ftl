# Orbit-Web-Oberfläche — Deutsch

## Shell
skip-to-content = Zum Inhalt springen
nav-main = Hauptnavigation
nav-home = Start
nav-project-members = Projektmitglieder
nav-org-members = Mitglieder und Einladungen
nav-org-audit = Prüfprotokoll
nav-you = Du
nav-account = Konto
nav-keys = API-Schlüssel
nav-instance = Instanz
nav-admin = Verwaltung
nav-audit = Prüfprotokoll der Instanz
switch-org = Organisation
switch-project = Projekt
no-org = Noch keine Organisation
no-project = Noch kein Projekt
choose-project = Projekt wählen …
org-create-option = + Neue Organisation …
project-create-option = + Neues Projekt …
theme = Design
theme-auto = Automatisch
theme-light = Hell
theme-dark = Dunkel
language = Sprache
language-browser = Sprache des Browsers
language-en = English
language-de = Deutsch
language-fr = Français
language-es = Español
language-ar = العربية
logout = Abmelden
banner-unreachable = Der Server ist nicht erreichbar. Prüfe deine Verbindung; Orbit versucht es weiter und lädt diese Seite neu, sobald er wieder da ist.
not-found-title = Diese Seite gibt es nicht, oder du darfst sie nicht sehen.
state-loading = Wird geladen …

## Actions
action-retry = Erneut versuchen
action-save = Speichern
action-cancel = Abbrechen
action-create = Anlegen
action-add = Hinzufügen
action-remove = Entfernen
action-revoke = Widerrufen
action-accept = Annehmen
action-decline = Ablehnen
action-edit = Bearbeiten
action-delete = Löschen
action-close = Schließen
action-copy = Kopieren

## Errors
error-unreachable = Der Server ist nicht erreichbar. Prüfe deine Verbindung und versuche es erneut.
error-denied = Das darfst du hier nicht. Bitte eine Verwaltung dieser Organisation um die nötige Rolle.
error-not-found = Das gibt es nicht (mehr), oder du bist kein Mitglied.
error-too-many = Zu viele Versuche: { $detail }. Warte kurz und versuche es dann erneut.
error-signed-out = Deine Sitzung ist beendet. Melde dich erneut an.
error-exists = Das gibt es schon ({ $detail }). Wähle etwas anderes.
error-conflict = Jemand anderes hat das inzwischen geändert. Lade neu und ändere es noch einmal.
error-invalid = Der Server hat das abgelehnt: { $detail }. Korrigiere es und versuche es erneut.
error-other = Etwas ist schiefgegangen: { $detail }. Versuche es erneut; passiert es wieder, sag deiner Verwaltung Bescheid.

## Fields
field-email = E-Mail-Adresse
field-password = Passwort
field-password-confirm = Passwort wiederholen
field-current-password = Aktuelles Passwort
field-new-password = Neues Passwort
field-display-name = Dein Name
field-org-name = Name der Organisation
field-project-name = Name des Projekts
password-hint = Mindestens 12 Zeichen und kein gängiges Passwort.
password-mismatch = Die beiden Passwörter unterscheiden sich.

## Log-in and sign-up
login-title = Bei Orbit anmelden
login-submit = Anmelden
login-no-account = Noch kein Konto?
login-link = Anmelden
signup-link = Konto anlegen
signup-title = Konto anlegen
signup-submit = Konto anlegen
signup-have-account = Schon ein Konto?
signup-closed = Diese Instanz nimmt keine neuen Konten an. Bitte ihre Verwaltung um ein Konto.
signup-invite-only = Hier können sich nur eingeladene E-Mail-Adressen registrieren.

## First open
setup-title = Orbit einrichten
setup-steps = Einrichtungsschritte
setup-step-account = Verwaltung
setup-step-org = Organisation
setup-step-project = Projekt
setup-account-intro = Das erste Konto einer neuen Instanz verwaltet sie. Wähle es mit Bedacht.
setup-org-intro = Eine Organisation enthält Projekte und die Menschen, die darin arbeiten.
setup-project-intro = Ein Projekt enthält Chaträume, Datensätze, Umfragen und Anrufe.
setup-next = Weiter
setup-finish = Fertigstellen

## Account
account-title = Dein Konto
profile-heading = Profil
profile-saved = Gespeichert.
password-heading = Passwort ändern
password-submit = Passwort ändern
password-changed = Dein Passwort ist geändert. Deine anderen Sitzungen wurden abgemeldet.
sessions-heading = Sitzungen
sessions-intro = Auf allen Geräten abmelden, auf denen du angemeldet bist, auch auf diesem.
sessions-logout-everywhere = Überall abmelden

## Home, orgs and projects
home-title = Willkommen, { $name }
home-no-org = Du gehörst noch zu keiner Organisation. Lege eine an oder nimm eine Einladung an.
home-projects = Projekte von { $org }
projects-empty-admin = Diese Organisation hat noch kein Projekt. Lege das erste an.
projects-empty-user = Du bist noch in keinem Projekt dieser Organisation. Bitte eine Verwaltung, dich hinzuzufügen.
created-at = angelegt { $when }
org-create = Organisation anlegen
project-create = Projekt anlegen
my-invitations = Deine Einladungen
invitation-offer = { $inviter } lädt dich als { $role } in { $place } ein.
whole-org = Ganze Organisation

## Members
org-members-title = Mitglieder von { $org }
project-members-title = Mitglieder von { $project }
members-empty = Dieses Projekt hat noch keine Mitglieder.
add-org-admin = Organisationsverwaltung hinzufügen
add-member = Mitglied hinzufügen
invited = Eine Einladung ging an { $email }. Mitglied wird die Person, sobald sie annimmt.
member-added = { $email } ist jetzt Mitglied.
invitations-heading = Offene Einladungen
invitations-empty = Keine offenen Einladungen.
role-of = Rolle von { $name }
col-name = Name
col-email = E-Mail
col-role = Rolle
col-where = Wo
col-expires = Läuft ab
col-actions = Aktionen
col-created = Angelegt
col-when = Wann
col-kind = Was
col-detail = Einzelheiten
col-address = Adresse
col-updated = Geändert
role-0 = Keine Rolle
role-1 = Alle
role-2 = Angemeldet
role-3 = Projektmitglied
role-4 = Projektverwaltung
role-5 = Organisationsverwaltung
role-6 = Systemverwaltung

## API keys
keys-title = API-Schlüssel
keys-empty = Du hast keine API-Schlüssel.
keys-create = Neuer Schlüssel für { $org }
keys-scope = Geltungsbereich
keys-revoked = Widerrufen
keys-secret-once = Kopiere dieses Geheimnis jetzt: Es wird nur einmal gezeigt.
keys-need-org = Tritt einer Organisation bei oder lege eine an, um API-Schlüssel zu erstellen.

## Audit
audit-title = Prüfprotokoll der Instanz
audit-org-title = Prüfprotokoll von { $org }
audit-empty = Keine Einträge.
audit-verify = Hash-Kette prüfen
audit-intact = { $entries ->
    [one] Das Protokoll ist unversehrt (1 Eintrag).
   *[other] Das Protokoll ist unversehrt ({ $entries } Einträge).
}
audit-broken = Das Protokoll wurde verändert: { $problem }
pager = Seiten
pager-prev = Zurück
pager-next = Weiter
pager-page = Seite { $page }

## Chat
chat-page-title = Chat von { $project }
chat-rooms = Räume
chat-no-rooms = Noch keine Räume.
chat-create-first = Lege den ersten Raum an, um loszulegen.
chat-new-room = Neuer Raum
chat-room-name = Name des Raums
chat-private = Privat (nur Mitglieder)
chat-create-room = Raum anlegen
chat-messages = Nachrichten
chat-empty-room = Noch keine Nachrichten. Sag Hallo!
chat-older = Ältere Nachrichten laden
chat-someone = Jemand
chat-deleted = Diese Nachricht wurde gelöscht.
chat-edited = (bearbeitet)
chat-edit-label = Nachrichtentext
chat-react = Reagieren
chat-react-with = Mit { $emoji } reagieren
chat-reaction = { $emoji }: { $count }
chat-reply = Im Thread antworten
chat-replies-count = { $count ->
    [one] 1 Antwort
   *[other] { $count } Antworten
}
chat-replies = Antworten
chat-reply-label = Antworten …
chat-thread = Thread
chat-send = Senden
chat-message-to = Nachricht an { $room }
chat-typing = { $count ->
    [one] { $names } schreibt …
   *[other] { $names } schreiben …
}
chat-unread = { $count ->
    [one] 1 ungelesene Nachricht
   *[other] { $count } ungelesene Nachrichten
}
chat-mentions = { $count ->
    [one] 1 Erwähnung von dir
   *[other] { $count } Erwähnungen von dir
}

## Records
records-page-title = Datensätze von { $project }
records-entity-title = Datensätze: { $entity }
records-entities = Entitätstypen
records-entity = Entitätstyp
records-entity-rule = Kleinbuchstaben, Ziffern und _, beginnend mit einem Buchstaben.
records-open = Öffnen
records-none = Noch keine Datensätze. Nenne einen Entitätstyp, um den ersten anzulegen.
records-empty = Noch keine { $entity }-Datensätze.
records-new = Neuer Datensatz
records-edit = Datensatz { $id } bearbeiten
records-id = Kennung
records-id-hint = Leer lassen für eine neue Kennung.
records-data = Inhalt (ein JSON-Objekt)
records-json-invalid = Das ist kein JSON-Objekt. Prüfe Klammern, Anführungszeichen und Kommas.

## Administration
admin-title = Verwaltung
admin-instance = Diese Instanz
admin-instance-id = Instanzkennung
admin-version = Version
admin-store = Speicher
admin-started = Läuft seit
admin-signup = Registrierung
admin-modules = Module
admin-health = Zustand
admin-relay = Föderations-Relay
admin-relay-off = Diese Instanz läuft ohne NATS: Es wird nichts veröffentlicht.
admin-relay-connected = Verbunden mit { $url }.
admin-relay-disconnected = Nicht verbunden mit { $url }.
admin-module = Modul
admin-position = Position
admin-head = Stand
admin-lag = Wartend
admin-keys = Schlüssel
admin-database = Datenbank
admin-key-version = Schlüsselversion
admin-pending = Neu zu verschlüsseln
signup-mode-0 = Unbekannt
signup-mode-1 = Offen für alle
signup-mode-2 = Nur mit Einladung
signup-mode-3 = Geschlossen
module-state-0 = Unbekannt
module-state-1 = Läuft
module-state-2 = Fehlgeschlagen
module-state-3 = Hält an

## Surveys
surveys-title = Umfragen
surveys-new = Neue Umfrage
surveys-empty = In diesem Projekt gibt es noch keine Umfragen.
survey-field-title = Titel
survey-description = Beschreibung
survey-visibility = Wer die Ergebnisse sieht
survey-visibility-1 = Alle, live
survey-visibility-2 = Jede Person nach ihrer Antwort
survey-visibility-3 = Alle nach dem Ende der Umfrage
survey-anonymous = Anonym
survey-question-n = Frage { $n }
survey-question-title = Frage
survey-question-kind = Art der Antwort
survey-kind-single = Eine Auswahl
survey-kind-multiple = Mehrere Auswahlen
survey-kind-rating = Bewertung von 1 bis 5
survey-kind-number = Eine Zahl
survey-kind-text = Freitext
survey-kind-pledge = Zusage
survey-choices = Auswahlmöglichkeiten, eine pro Zeile
survey-unit = Einheit
survey-min-people = Benötigte Personen (0: beliebig)
survey-optional = Optional
survey-optional-label = { $title } (optional)
survey-remove-question = Diese Frage entfernen
survey-add-question = Frage hinzufügen
survey-create-open = Anlegen und öffnen
survey-create-draft = Als Entwurf speichern
survey-state-0 = Unbekannt
survey-state-1 = Entwurf
survey-state-2 = Offen
survey-state-3 = Geschlossen
survey-closes = endet { $when }
survey-open = Umfrage öffnen
survey-close = Umfrage schließen
survey-export = Antworten exportieren (CSV)
survey-draft-note = Diese Umfrage ist ein Entwurf: Niemand kann antworten, bevor sie geöffnet ist.
survey-closed-note = Diese Umfrage ist geschlossen.
survey-answer = Deine Antwort
survey-submit = Antwort senden
survey-update = Antwort ändern
survey-withdraw = Antwort zurückziehen
survey-saved = Deine Antwort ist gespeichert.
survey-pledge-label = { $title } ({ $unit }, die du zusagst)
survey-results = Ergebnisse
survey-results-hidden-0 = Die Ergebnisse sind für dich noch nicht sichtbar.
survey-results-hidden-1 = Die Ergebnisse sind für dich noch nicht sichtbar.
survey-results-hidden-2 = Du siehst die Ergebnisse, sobald du geantwortet hast.
survey-results-hidden-3 = Die Ergebnisse erscheinen, wenn die Umfrage endet.
survey-responses = { $count ->
    [one] 1 Antwort
   *[other] { $count } Antworten
}
survey-mean = Durchschnitt: { $mean }
survey-number-stats = Summe { $sum } { $unit }, Durchschnitt { $mean }, von { $min } bis { $max }.
survey-pledged = { $people ->
    [one] { $units } { $unit } zugesagt von 1 Person.
   *[other] { $units } { $unit } zugesagt von { $people } Personen.
}
survey-threshold-reached = Die Schwelle ist erreicht.
survey-threshold-not-reached = Die Schwelle ist noch nicht erreicht.
survey-text-answers = { $count ->
    [one] 1 schriftliche Antwort (im Export).
   *[other] { $count } schriftliche Antworten (im Export).
}

## Views
nav-views = Sichten
views-title = Sichten
views-new = Neue Sicht
views-empty = Noch keine Sichten. Eine Sicht zählt und summiert Datensätze nach einem Feld und bleibt aktuell, wenn sie sich ändern.
views-group-by = Gruppiert nach
views-rows = Zeilen
views-stalled = Angehalten: { $reason }
views-catching-up = Holt auf
views-current = Aktuell
views-field-hint = Ein Feld des Inhalts; Punkte für verschachtelte Felder (address.city).
views-column-n = Spalte { $n }
views-function = Funktion
views-field = Feld
views-fn-1 = Anzahl
views-fn-2 = Summe
views-fn-3 = Minimum
views-fn-4 = Maximum
views-fn-5 = Neuester Wert
views-add-column = Spalte hinzufügen
views-view-title = Sicht: { $name }
views-describe = Datensätze vom Typ { $entity }, gruppiert nach { $field }.
views-rebuild = Neu aufbauen
views-drop = Sicht löschen
views-no-rows = Noch keine Zeilen: Keine passenden Datensätze.
views-null = (keiner)

## Calls
calls-title = Anrufe
calls-empty = Gerade läuft kein Anruf. Starte unten einen.
calls-new = Neuer Anruf
calls-call-title = Titel des Anrufs
calls-start = Anruf starten
calls-participants-label = Personen im Anruf
calls-in-call = { $count ->
    [0] Noch niemand ist in diesem Anruf.
    [one] 1 Person ist in diesem Anruf.
   *[other] { $count } Personen sind in diesem Anruf.
}
calls-mic = Mikrofon an
calls-camera = Kamera an
calls-join = Anruf beitreten
calls-end = Anruf für alle beenden
calls-closed = Dieser Anruf ist beendet.
calls-disconnected = Die Verbindung zum Anruf ist abgebrochen. Tritt erneut bei, um weiterzumachen.
calls-no-media = Keine Kamera und kein Mikrofon nutzbar: Du nimmst ohne sie teil. Prüfe die Berechtigungen des Browsers.
calls-controls = Anrufsteuerung
calls-mute = Stummschalten
calls-unmute = Ton an
calls-camera-off = Kamera aus
calls-camera-on = Kamera an
calls-share = Bildschirm teilen
calls-stop-share = Teilen beenden
calls-raise-hand = Hand heben
calls-lower-hand = Hand senken
calls-leave = Verlassen
calls-you = Du
calls-muted = (stumm)
calls-alone = Du bist allein in diesem Anruf. Andere sehen ihn bei den Anrufen des Projekts.
calls-all = Alle Anrufe
calls-peer-new = verbindet …
calls-peer-connecting = verbindet …
calls-peer-connected = verbunden
calls-peer-disconnected = Verbindung verloren, neuer Versuch …
calls-peer-failed = keine Verbindung (eventuell wird ein TURN-Server gebraucht)
calls-peer-closed = gegangen

## Settings, accounts, password reset, e-mail verification
nav-org-settings = Einstellungen der Organisation
nav-project-settings = Projekteinstellungen
nav-accounts = Konten
settings-org-title = Einstellungen von { $org }
settings-project-title = Einstellungen von { $project }
settings-archive = Archivieren
settings-restore = Wiederherstellen
settings-archive-org-intro = Eine archivierte Organisation und ihre Projekte sind nur noch lesbar und verschwinden aus den Listen. Du kannst sie wiederherstellen.
settings-archive-project-intro = Ein archiviertes Projekt ist nur noch lesbar und verschwindet aus den Listen. Du kannst es wiederherstellen.
settings-federation = Föderation
settings-federated-on = Die Änderungen dieses Projekts werden an föderierte Instanzen veröffentlicht.
settings-federated-off = Dieses Projekt ist nicht föderiert.
settings-federate-start = Föderation starten
settings-federate-stop = Föderation beenden
accounts-title = Konten dieser Instanz
accounts-issue-reset = Passwort-Zurücksetzung ausstellen
accounts-reset-issued = Ein einmaliges Token für { $email }, gültig bis { $expires }:
accounts-reset-how = Übergib es persönlich oder über einen vertrauenswürdigen Weg: Wer es hat, kann unter /reset ein neues Passwort setzen. Es wird nur jetzt gezeigt.
login-forgot = Passwort vergessen?
reset-link = Mit einem Token ein neues setzen
reset-title = Neues Passwort setzen
reset-intro = Eine Verwaltung gibt dir ein einmaliges Token. Deine gespeicherten privaten Daten beginnen leer, weil sie mit dem alten Passwort verschlossen waren.
reset-submit = Passwort setzen
reset-done = Dein Passwort ist gesetzt.
field-reset-token = Token zum Zurücksetzen
field-verify-token = Token aus der E-Mail
verify-heading = E-Mail-Adresse bestätigen
verify-intro = Wir haben ein einmaliges Token an deine Adresse geschickt. Gib es hier ein.
verify-submit = Bestätigen
verify-resend = Neues Token senden
verify-sent = Ein neues Token ist unterwegs.

## Chat rooms: direct messages and settings
chat-direct = Direktnachricht
chat-direct-with = Direktnachricht an
chat-choose-person = Person wählen …
chat-direct-open = Öffnen
chat-room-settings = Raumeinstellungen
chat-topic = Thema
chat-room-members = Mitglieder dieses Raums
chat-leave-room = Raum verlassen
chat-add-to-room = Zu diesem Raum hinzufügen
chat-archive-room = Raum archivieren
chat-archived = (archiviert)
chat-archived-note = Dieser Raum ist archiviert: Er kann gelesen, aber nicht beschrieben werden.

## Page titles that modules declare (ModuleService.ListModules: ModulePage.title_id)
chat-title = Chat
records-title = Datensätze
survey-title = Umfragen
video-title = Anrufe

login-new-instance = Eine neue Instanz ohne Konto?

survey-condition = Nur fragen, wenn
survey-condition-none = Immer fragen
survey-condition-on = die Antwort auf Frage { $n } ({ $title }) …
survey-condition-choices = … eine hiervon ist

## Card pages (module manifests: ModulePage.card) and routes of modules this instance lacks
rooms-title = Räume
rooms-intro = Die Räume dieses Projekts, die du sehen darfst. Öffne einen, um darin zu lesen und zu schreiben.
rooms-empty = Noch keine Räume. Lege den ersten im Chat an.
rooms-public = Öffentlich
rooms-private = Privat (nur Mitglieder)
rooms-unread = Ungelesene Nachrichten:
calls-call-title-required = Gib dem Anruf einen Titel.
module-missing-title = Auf dieser Instanz nicht verfügbar
module-missing = Diese Instanz hat kein Modul für diese Seite. Frag ihre Verwaltung oder geh zurück zur Startseite.

## Federation (org-admins): sharing projects with other Orbit instances
nav-org-federation = Föderation
federation-title = Föderation von { $org }
federation-intro = Teilen Sie ein Projekt dieser Organisation mit einer anderen Orbit-Instanz, oder folgen Sie einem, das eine andere Instanz mit Ihnen teilt. Ein gefolgtes Projekt erhält seine Änderungen nur von seinem Eigentümer.
federation-identity = Diese Instanz
federation-identity-intro = Andere Instanzen kennen diese Instanz an ihrer DID. Geben Sie sie einer Instanz, die nur diese hier einladen will.
federation-copy-did = DID kopieren
federation-copied = Kopiert.
federation-copy-yourself = Der Browser hat das Kopieren nicht erlaubt: Der Text ist markiert, kopieren Sie ihn selbst.
federation-share = Ein Projekt teilen
federation-share-intro = Erstellt ein Einladungstoken für die Organisationsadministration der anderen Instanz.
federation-share-none = Diese Organisation hat kein eigenes Projekt zum Teilen (gefolgte Projekte gehören ihrem Eigentümer).
federation-project = Projekt
federation-modules = Was geteilt wird
federation-for-did = Nur für die Instanz mit dieser DID (optional)
federation-for-did-hint = Leer lassen: Wer das Token hat, kann es annehmen, einmal.
federation-share-submit = Einladung erstellen
federation-token = Einladungstoken für { $project }
federation-token-note = Geben Sie es über einen vertrauenswürdigen Weg weiter. Es gilt einmal, bis { $expires }, und wird nur jetzt angezeigt.
federation-copy-token = Token kopieren
federation-accept = Eine Einladung annehmen
federation-accept-intro = Fügen Sie ein Token einer anderen Instanz ein: Deren Projekt wird in dieser Organisation gefolgt.
federation-accept-token = Einladungstoken
federation-accept-submit = Einladung annehmen
federation-accepted = Diese Organisation folgt jetzt { $project } von { $did }.
federation-open-project = { $project } öffnen
federation-off = Die Föderation ist auf dieser Instanz ausgeschaltet. Eine Instanzadministration schaltet sie ein, indem sie `nats` (ein NATS-Server mit JetStream; oder --nats, ORBIT_NATS) und `federation_domain` (seine JetStream-Domain; oder ORBIT_FEDERATION_DOMAIN) setzt und Orbit neu startet.
federation-accept-expired = Diese Einladung ist am { $when } abgelaufen. Bitten Sie die andere Instanz um eine neue.
federation-accept-used = Diese Einladung wurde schon verwendet. Bitten Sie die andere Instanz um eine neue.
federation-accept-not-for-us = Diese Einladung gilt einer anderen Instanz ({ $did }), nicht dieser. Geben Sie der anderen Seite die DID dieser Instanz und bitten Sie um eine neue.
federation-accept-malformed = Das ist kein gültiges Einladungstoken ({ $detail }). Kopieren Sie das ganze Token noch einmal.
federation-refused = Der Server hat das abgelehnt: { $detail }
federation-links = Verbindungen
federation-links-empty = Noch keine Verbindungen. Teilen Sie ein Projekt oder nehmen Sie eine Einladung an.
federation-col-project = Projekt
federation-col-role = Rolle
federation-col-peer = Andere Instanz
federation-col-state = Zustand
federation-col-contact = Letzter Kontakt
federation-col-lag = Wartende Ereignisse
federation-col-events = Ereignisse
federation-events-in = { $count } empfangen
federation-events-out = { $count } von der anderen Instanz abgeholt
federation-col-link = Verbindung
federation-col-reason = Grund
federation-col-subject = NATS-Subject
federation-role-owner = Teilt
federation-role-member = Folgt
federation-peer-unknown = noch nicht angenommen
federation-state-active = Aktiv
federation-state-suspended = Pausiert
federation-state-suspended-peer = Von der anderen Instanz pausiert
federation-state-removed = Entfernt
federation-state-waiting = Wartet auf Annahme
federation-unreachable = Nicht erreichbar
federation-error = Fehler
federation-never = nie
federation-suspend = Pausieren
federation-resume = Fortsetzen
federation-remove-confirm = Die Verbindung von { $project } auf beiden Seiten entfernen?
federation-remove-yes = Ja, entfernen
federation-dead = Abgelehnte Ereignisse
federation-dead-intro = Ereignisse einer anderen Instanz, die nicht übernommen wurden, die neuesten zuerst.
federation-dead-empty = Keine abgelehnten Ereignisse.
federation-dead-from = angeblich von { $did }
federation-shared-from = geteilt von { $did }
federation-followed-read-only = Änderungen kommen von jener Instanz; deine werden ebenfalls dort vorgenommen.

## User modules (org-admins): record types defined by an uploaded .proto schema
nav-org-modules = Eigene Module
umod-title = Eigene Module von { $org }
umod-intro = Ein eigenes Modul fügt den Projekten dieser Organisation Datensatztypen hinzu. Sie definieren sie in einem .proto-Schema; nach dem Speichern hat jeder Typ sofort seine Seiten und seine API, ohne neuen Orbit-Build.
umod-empty = Noch keine eigenen Module.
umod-create = Neues eigenes Modul
umod-create-button = Modul anlegen
umod-name-hint = Ein Kleinbuchstabe, dann Kleinbuchstaben, Ziffern und _ (höchstens 32).
umod-description = Beschreibung
umod-col-package = Paket
umod-col-version = Version
umod-col-state = Zustand
umod-col-type = Datensatztyp
umod-col-pages = Seiten
umod-enabled = Aktiv
umod-disabled = Deaktiviert
umod-enable = Aktivieren
umod-disable = Deaktivieren
umod-disabled-note = Dieses Modul ist deaktiviert: Seiten und API sind aus, seine Datensätze bleiben erhalten.
umod-no-schema = Noch kein Schema
umod-back = Alle eigenen Module
umod-package = Sein Schema deklariert das Paket { $name }.
umod-version = Version { $n }
umod-schema = Schema
umod-file = Datei
umod-editor-label = Schema-Quelltext (.proto)
umod-checking = Wird geprüft …
umod-check-ok = Das Schema lässt sich übersetzen.
umod-problems = Probleme
umod-breaking = Würde die aktuelle Version brechen
umod-changes = Änderungen
umod-save = Schema speichern
umod-saved = Gespeichert: Version { $n } ist in Betrieb.
umod-save-failed-compile = Das Schema lässt sich nicht übersetzen:
umod-save-failed-breaking = Das Schema würde die aktuelle Version brechen:
umod-history = Versionen
umod-history-empty = Noch kein Schema hochgeladen.
umod-version-line = Version { $n }, { $when }
umod-no-changes = Keine Änderungen aufgeführt.
umod-pages = Seiten
umod-pages-intro = Jeder Datensatztyp hat eine Liste, ein Formular und eine Detailseite aus Adaptive-Card-Vorlagen. Gestalten Sie hier eigene oder kehren Sie zur erzeugten zurück.
umod-edit-list = Liste gestalten
umod-edit-form = Formular gestalten
umod-edit-detail = Detailseite gestalten
umod-page-list = Liste
umod-page-form = Formular
umod-page-detail = Detailseite
umod-page-custom = eigene
umod-page-save = Seite speichern
umod-page-saved = Seite gespeichert.
umod-page-reset = Zurück zur erzeugten Seite
umod-page-reset-done = Die erzeugte Seite ist zurück.
umod-delete = Modul löschen
umod-delete-intro = Das Löschen von { $name } entfernt alle seine Datensätze in jedem Projekt dieser Organisation. Geben Sie zur Bestätigung seinen Namen ein.
umod-delete-confirm = Name des Moduls

# Generated pages of user-module record types (card templates).
ucard-new = Neuer Eintrag
ucard-empty = Noch keine Einträge.
ucard-back = Zurück zur Liste
