# Orbit CLI — français.

error-prefix = erreur
prompt-email = Adresse e-mail
prompt-password = Mot de passe
login-needs-email = indiquez --email (le mot de passe est lu sur l’entrée standard)
profile-added = profil { $name } → { $server }
profile-using = profil { $name } utilisé
profile-removed = profil { $name } supprimé
profile-unknown = aucun profil { $name }
keys-rotated-background = clés renouvelées ; un `orbit serve` en cours rechiffre les anciens enregistrements en arrière-plan (ou à son prochain démarrage) ; suivez-le avec `orbit keys status`
keys-rotated = clés renouvelées ; rechiffrement de { $pending } enregistrements et événements de modification
keys-progress = { $done } sur { $pending } rechiffrés
keys-done = terminé : chaque enregistrement est scellé avec la version de clé actuelle
audit-intact = { $entries ->
    [one] journal d’audit intact : { $entries } entrée vérifiée
   *[other] journal d’audit intact : { $entries } entrées vérifiées
}
views-none = aucune vue n’est déclarée
admin-created = compte sys-admin { $id } ({ $email }) créé
demo-ready = données de démonstration prêtes : ouvrez { $server }/ dans un navigateur et connectez-vous en tant que { $email } avec le mot de passe { $password } (conservé dans { $file })
