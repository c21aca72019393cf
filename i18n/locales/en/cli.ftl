# Orbit CLI — English (the reference language: every id here exists in every language).
# Messages people read at a terminal; machine output (JSON, YAML, tables of API data) is not
# translated.

error-prefix = error
prompt-email = E-mail
prompt-password = Password
login-needs-email = give --email (the password is read from standard input)
profile-added = profile { $name } → { $server }
profile-using = using profile { $name }
profile-removed = removed profile { $name }
profile-unknown = no profile { $name }
keys-rotated-background = keys rotated; a running `orbit serve` re-encrypts older records in the background (or at its next start); follow it with `orbit keys status`
keys-rotated = keys rotated; re-encrypting { $pending } records and change events
keys-progress = re-encrypted { $done } of { $pending }
keys-done = done: every record is sealed with the current key version
audit-intact = { $entries ->
    [one] audit log intact: { $entries } entry verified
   *[other] audit log intact: { $entries } entries verified
}
views-none = no views are declared
admin-created = created sys-admin account { $id } ({ $email })
demo-ready = demo data ready: open { $server }/ in a browser and log in as { $email } with password { $password } (kept in { $file })
