# Orbit CLI — Deutsch.

error-prefix = Fehler
prompt-email = E-Mail
prompt-password = Passwort
login-needs-email = gib --email an (das Passwort wird von der Standardeingabe gelesen)
profile-added = Profil { $name } → { $server }
profile-using = Profil { $name } wird verwendet
profile-removed = Profil { $name } entfernt
profile-unknown = kein Profil { $name }
keys-rotated-background = Schlüssel gewechselt; ein laufendes `orbit serve` verschlüsselt ältere Datensätze im Hintergrund neu (oder beim nächsten Start); verfolge es mit `orbit keys status`
keys-rotated = Schlüssel gewechselt; { $pending } Datensätze und Änderungsereignisse werden neu verschlüsselt
keys-progress = { $done } von { $pending } neu verschlüsselt
keys-done = fertig: jeder Datensatz ist mit der aktuellen Schlüsselversion versiegelt
audit-intact = { $entries ->
    [one] Audit-Protokoll intakt: { $entries } Eintrag geprüft
   *[other] Audit-Protokoll intakt: { $entries } Einträge geprüft
}
views-none = es sind keine Sichten angelegt
admin-created = Sys-Admin-Konto { $id } ({ $email }) angelegt
demo-ready = Demodaten bereit: öffne { $server }/ im Browser und melde dich als { $email } mit dem Passwort { $password } an (gespeichert in { $file })
