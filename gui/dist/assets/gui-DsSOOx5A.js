var e=`# Interface web d’Orbit — français

## Shell
skip-to-content = Aller au contenu
nav-main = Navigation principale
nav-home = Accueil
nav-project-members = Membres du projet
nav-org-members = Membres et invitations
nav-org-audit = Journal d’audit
nav-you = Vous
nav-account = Compte
nav-keys = Clés d’API
nav-instance = Instance
nav-admin = Administration
nav-audit = Journal d’audit de l’instance
switch-org = Organisation
switch-project = Projet
no-org = Aucune organisation
no-project = Aucun projet
choose-project = Choisir un projet…
org-create-option = + Nouvelle organisation…
project-create-option = + Nouveau projet…
theme = Thème
theme-auto = Automatique
theme-light = Clair
theme-dark = Sombre
language = Langue
language-browser = Langue du navigateur
language-en = English
language-de = Deutsch
language-fr = Français
language-es = Español
language-ar = العربية
logout = Se déconnecter
banner-unreachable = Le serveur est injoignable. Vérifiez votre connexion ; Orbit réessaie et recharge cette page dès son retour.
not-found-title = Cette page n’existe pas, ou vous ne pouvez pas la voir.
state-loading = Chargement…

## Actions
action-retry = Réessayer
action-save = Enregistrer
action-cancel = Annuler
action-create = Créer
action-add = Ajouter
action-remove = Retirer
action-revoke = Révoquer
action-accept = Accepter
action-decline = Refuser
action-edit = Modifier
action-delete = Supprimer
action-close = Fermer
action-copy = Copier

## Errors
error-unreachable = Le serveur est injoignable. Vérifiez votre connexion et réessayez.
error-denied = Vous ne pouvez pas faire cela ici. Demandez le rôle nécessaire à un administrateur de cette organisation.
error-not-found = Cela n’existe pas (ou plus), ou vous n’en êtes pas membre.
error-too-many = Trop de tentatives : { $detail }. Patientez un moment, puis réessayez.
error-signed-out = Votre session est terminée. Reconnectez-vous.
error-exists = Cela existe déjà ({ $detail }). Choisissez autre chose.
error-conflict = Quelqu’un d’autre l’a modifié entre-temps. Rechargez et refaites votre modification.
error-invalid = Le serveur a refusé : { $detail }. Corrigez et réessayez.
error-other = Une erreur s’est produite : { $detail }. Réessayez ; si cela se reproduit, prévenez votre administrateur.

## Fields
field-email = Adresse e-mail
field-password = Mot de passe
field-password-confirm = Répétez le mot de passe
field-current-password = Mot de passe actuel
field-new-password = Nouveau mot de passe
field-display-name = Votre nom
field-org-name = Nom de l’organisation
field-project-name = Nom du projet
password-hint = Au moins 12 caractères, et pas un mot de passe courant.
password-mismatch = Les deux mots de passe diffèrent.

## Log-in and sign-up
login-title = Se connecter à Orbit
login-submit = Se connecter
login-no-account = Pas encore de compte ?
login-link = Se connecter
signup-link = Créer un compte
signup-title = Créez votre compte
signup-submit = Créer le compte
signup-have-account = Vous avez déjà un compte ?
signup-closed = Cette instance n’accepte pas de nouvelles inscriptions. Demandez un compte à son administrateur.
signup-invite-only = Seules les adresses e-mail invitées peuvent s’inscrire ici.

## First open
setup-title = Configurer Orbit
setup-steps = Étapes de configuration
setup-step-account = Administrateur
setup-step-org = Organisation
setup-step-project = Projet
setup-account-intro = Le premier compte d’une nouvelle instance l’administre. Choisissez-le avec soin.
setup-org-intro = Une organisation regroupe des projets et les personnes qui y travaillent.
setup-project-intro = Un projet regroupe salons de discussion, enregistrements, sondages et appels.
setup-next = Suivant
setup-finish = Terminer

## Account
account-title = Votre compte
profile-heading = Profil
profile-saved = Enregistré.
password-heading = Changer le mot de passe
password-submit = Changer le mot de passe
password-changed = Votre mot de passe est changé. Vos autres sessions ont été déconnectées.
sessions-heading = Sessions
sessions-intro = Se déconnecter sur tous les appareils où vous êtes connecté, celui-ci compris.
sessions-logout-everywhere = Se déconnecter partout

## Home, orgs and projects
home-title = Bienvenue, { $name }
home-no-org = Vous n’appartenez encore à aucune organisation. Créez-en une ou acceptez une invitation.
home-projects = Projets de { $org }
projects-empty-admin = Cette organisation n’a pas encore de projet. Créez le premier.
projects-empty-user = Vous n’êtes encore dans aucun projet de cette organisation. Demandez à un administrateur de vous ajouter.
created-at = créé { $when }
org-create = Créer une organisation
project-create = Créer un projet
my-invitations = Vos invitations
invitation-offer = { $inviter } vous invite comme { $role } dans { $place }.
whole-org = Toute l’organisation

## Members
org-members-title = Membres de { $org }
project-members-title = Membres de { $project }
members-empty = Ce projet n’a pas encore de membres.
add-org-admin = Ajouter un administrateur de l’organisation
add-member = Ajouter un membre
invited = Une invitation a été envoyée à { $email }. La personne devient membre dès qu’elle l’accepte.
member-added = { $email } est maintenant membre.
invitations-heading = Invitations en attente
invitations-empty = Aucune invitation en attente.
role-of = Rôle de { $name }
col-name = Nom
col-email = E-mail
col-role = Rôle
col-where = Où
col-expires = Expire
col-actions = Actions
col-created = Créé
col-when = Quand
col-kind = Quoi
col-detail = Détail
col-address = Adresse
col-updated = Modifié
role-0 = Aucun rôle
role-1 = Tout le monde
role-2 = Connecté
role-3 = Utilisateur du projet
role-4 = Administrateur du projet
role-5 = Administrateur de l’organisation
role-6 = Administrateur système

## API keys
keys-title = Clés d’API
keys-empty = Vous n’avez aucune clé d’API.
keys-create = Nouvelle clé pour { $org }
keys-scope = Portée
keys-revoked = Révoquée
keys-secret-once = Copiez ce secret maintenant : il n’est affiché qu’une fois.
keys-need-org = Rejoignez ou créez une organisation pour créer des clés d’API.

## Audit
audit-title = Journal d’audit de l’instance
audit-org-title = Journal d’audit de { $org }
audit-empty = Aucune entrée.
audit-verify = Vérifier la chaîne de hachage
audit-intact = { $entries ->
    [one] Le journal est intact (1 entrée).
   *[other] Le journal est intact ({ $entries } entrées).
}
audit-broken = Le journal a été modifié : { $problem }
pager = Pages
pager-prev = Précédent
pager-next = Suivant
pager-page = Page { $page }

## Chat
chat-page-title = Discussion de { $project }
chat-rooms = Salons
chat-no-rooms = Aucun salon pour l’instant.
chat-create-first = Créez le premier salon pour commencer à discuter.
chat-new-room = Nouveau salon
chat-room-name = Nom du salon
chat-private = Privé (membres seulement)
chat-create-room = Créer le salon
chat-messages = Messages
chat-empty-room = Aucun message pour l’instant. Dites bonjour !
chat-older = Charger les messages plus anciens
chat-someone = Quelqu’un
chat-deleted = Ce message a été supprimé.
chat-edited = (modifié)
chat-edit-label = Texte du message
chat-react = Réagir
chat-react-with = Réagir avec { $emoji }
chat-reaction = { $emoji } : { $count }
chat-reply = Répondre dans le fil
chat-replies-count = { $count ->
    [one] 1 réponse
   *[other] { $count } réponses
}
chat-replies = Réponses
chat-reply-label = Répondre…
chat-thread = Fil
chat-send = Envoyer
chat-message-to = Message à { $room }
chat-typing = { $count ->
    [one] { $names } écrit…
   *[other] { $names } écrivent…
}
chat-unread = { $count ->
    [one] 1 message non lu
   *[other] { $count } messages non lus
}
chat-mentions = { $count ->
    [one] 1 mention de vous
   *[other] { $count } mentions de vous
}

## Records
records-page-title = Enregistrements de { $project }
records-entity-title = Enregistrements : { $entity }
records-entities = Types d’entité
records-entity = Type d’entité
records-entity-rule = Lettres minuscules, chiffres et _, en commençant par une lettre.
records-open = Ouvrir
records-none = Aucun enregistrement. Nommez un type d’entité pour créer le premier.
records-empty = Aucun enregistrement { $entity } pour l’instant.
records-new = Nouvel enregistrement
records-edit = Modifier l’enregistrement { $id }
records-id = Identifiant
records-id-hint = Laisser vide pour un nouvel identifiant.
records-data = Contenu (un objet JSON)
records-json-invalid = Ce n’est pas un objet JSON. Vérifiez les accolades, guillemets et virgules.

## Administration
admin-title = Administration
admin-instance = Cette instance
admin-instance-id = Identifiant de l’instance
admin-version = Version
admin-store = Stockage
admin-started = En service depuis
admin-signup = Inscription
admin-modules = Modules
admin-health = État
admin-relay = Relais de fédération
admin-relay-off = Cette instance fonctionne sans NATS : rien n’est publié.
admin-relay-connected = Connecté à { $url }.
admin-relay-disconnected = Non connecté à { $url }.
admin-module = Module
admin-position = Position
admin-head = Tête
admin-lag = En attente
admin-keys = Clés de chiffrement
admin-database = Base de données
admin-key-version = Version de clé
admin-pending = À rechiffrer
signup-mode-0 = Inconnu
signup-mode-1 = Ouvert à tous
signup-mode-2 = Sur invitation
signup-mode-3 = Fermé
module-state-0 = Inconnu
module-state-1 = En marche
module-state-2 = En échec
module-state-3 = En arrêt

## Surveys
surveys-title = Sondages
surveys-new = Nouveau sondage
surveys-empty = Aucun sondage dans ce projet pour l’instant.
survey-field-title = Titre
survey-description = Description
survey-visibility = Qui voit les résultats
survey-visibility-1 = Tout le monde, en direct
survey-visibility-2 = Chacun après avoir répondu
survey-visibility-3 = Tout le monde après la clôture
survey-anonymous = Anonyme
survey-question-n = Question { $n }
survey-question-title = Question
survey-question-kind = Type de réponse
survey-kind-single = Un choix
survey-kind-multiple = Plusieurs choix
survey-kind-rating = Note de 1 à 5
survey-kind-number = Un nombre
survey-kind-text = Texte libre
survey-kind-pledge = Engagement
survey-choices = Choix, un par ligne
survey-unit = Unité
survey-min-people = Personnes nécessaires (0 : peu importe)
survey-optional = Facultative
survey-optional-label = { $title } (facultatif)
survey-remove-question = Retirer cette question
survey-add-question = Ajouter une question
survey-create-open = Créer et ouvrir
survey-create-draft = Enregistrer comme brouillon
survey-state-0 = Inconnu
survey-state-1 = Brouillon
survey-state-2 = Ouvert
survey-state-3 = Clos
survey-closes = clôture { $when }
survey-open = Ouvrir le sondage
survey-close = Clore le sondage
survey-export = Exporter les réponses (CSV)
survey-draft-note = Ce sondage est un brouillon : personne ne peut y répondre avant son ouverture.
survey-closed-note = Ce sondage est clos.
survey-answer = Votre réponse
survey-submit = Envoyer ma réponse
survey-update = Modifier ma réponse
survey-withdraw = Retirer ma réponse
survey-saved = Votre réponse est enregistrée.
survey-pledge-label = { $title } ({ $unit } que vous engagez)
survey-results = Résultats
survey-results-hidden-0 = Les résultats ne vous sont pas encore visibles.
survey-results-hidden-1 = Les résultats ne vous sont pas encore visibles.
survey-results-hidden-2 = Vous verrez les résultats après avoir répondu.
survey-results-hidden-3 = Les résultats seront affichés à la clôture du sondage.
survey-responses = { $count ->
    [one] 1 réponse
   *[other] { $count } réponses
}
survey-mean = Moyenne : { $mean }
survey-number-stats = Somme { $sum } { $unit }, moyenne { $mean }, de { $min } à { $max }.
survey-pledged = { $people ->
    [one] { $units } { $unit } engagés par 1 personne.
   *[other] { $units } { $unit } engagés par { $people } personnes.
}
survey-threshold-reached = Le seuil est atteint.
survey-threshold-not-reached = Le seuil n’est pas encore atteint.
survey-text-answers = { $count ->
    [one] 1 réponse écrite (dans l’export).
   *[other] { $count } réponses écrites (dans l’export).
}

## Views
nav-views = Vues
views-title = Vues
views-new = Nouvelle vue
views-empty = Aucune vue pour l’instant. Une vue compte et additionne les enregistrements par champ, à jour à chaque changement.
views-group-by = Groupé par
views-rows = Lignes
views-stalled = Arrêtée : { $reason }
views-catching-up = En rattrapage
views-current = À jour
views-field-hint = Un champ du contenu ; des points pour les champs imbriqués (address.city).
views-column-n = Colonne { $n }
views-function = Fonction
views-field = Champ
views-fn-1 = Nombre
views-fn-2 = Somme
views-fn-3 = Minimum
views-fn-4 = Maximum
views-fn-5 = Dernière valeur
views-add-column = Ajouter une colonne
views-view-title = Vue : { $name }
views-describe = Enregistrements de type { $entity }, groupés par { $field }.
views-rebuild = Reconstruire
views-drop = Supprimer la vue
views-no-rows = Aucune ligne : aucun enregistrement correspondant.
views-null = (aucun)

## Calls
calls-title = Appels
calls-empty = Aucun appel en cours. Lancez-en un ci-dessous.
calls-new = Nouvel appel
calls-call-title = Titre de l’appel
calls-start = Lancer un appel
calls-participants-label = Personnes dans l’appel
calls-in-call = { $count ->
    [0] Personne n’est encore dans cet appel.
    [one] 1 personne est dans cet appel.
   *[other] { $count } personnes sont dans cet appel.
}
calls-mic = Micro activé
calls-camera = Caméra activée
calls-join = Rejoindre l’appel
calls-end = Terminer l’appel pour tous
calls-closed = Cet appel est terminé.
calls-disconnected = Vous avez été déconnecté de l’appel. Rejoignez-le pour continuer.
calls-no-media = Aucune caméra ni aucun micro utilisable : vous participez sans. Vérifiez les autorisations du navigateur.
calls-controls = Commandes de l’appel
calls-mute = Couper le micro
calls-unmute = Activer le micro
calls-camera-off = Couper la caméra
calls-camera-on = Activer la caméra
calls-share = Partager l’écran
calls-stop-share = Arrêter le partage
calls-raise-hand = Lever la main
calls-lower-hand = Baisser la main
calls-leave = Quitter
calls-you = Vous
calls-muted = (micro coupé)
calls-alone = Vous êtes seul dans cet appel. Les autres le voient dans les appels du projet.
calls-all = Tous les appels
calls-peer-new = connexion…
calls-peer-connecting = connexion…
calls-peer-connected = connecté
calls-peer-disconnected = connexion perdue, nouvel essai…
calls-peer-failed = pas de connexion (un serveur TURN est peut-être nécessaire)
calls-peer-closed = parti

## Settings, accounts, password reset, e-mail verification
nav-org-settings = Paramètres de l’organisation
nav-project-settings = Paramètres du projet
nav-accounts = Comptes
settings-org-title = Paramètres de { $org }
settings-project-title = Paramètres de { $project }
settings-archive = Archiver
settings-restore = Restaurer
settings-archive-org-intro = Une organisation archivée et ses projets passent en lecture seule et quittent les listes. Vous pouvez la restaurer.
settings-archive-project-intro = Un projet archivé passe en lecture seule et quitte les listes. Vous pouvez le restaurer.
settings-federation = Fédération
settings-federated-on = Les changements de ce projet sont publiés vers les instances fédérées.
settings-federated-off = Ce projet n’est pas fédéré.
settings-federate-start = Fédérer
settings-federate-stop = Arrêter la fédération
accounts-title = Comptes de cette instance
accounts-issue-reset = Émettre une réinitialisation
accounts-reset-issued = Un jeton à usage unique pour { $email }, valable jusqu’au { $expires } :
accounts-reset-how = Remettez-le en personne ou par un canal de confiance : qui le détient peut choisir un nouveau mot de passe sur /reset. Il n’est affiché que maintenant.
login-forgot = Mot de passe oublié ?
reset-link = En choisir un nouveau avec un jeton
reset-title = Choisir un nouveau mot de passe
reset-intro = Un administrateur vous remet un jeton à usage unique. Vos données privées stockées repartent à vide, car elles étaient verrouillées par l’ancien mot de passe.
reset-submit = Enregistrer le mot de passe
reset-done = Votre mot de passe est enregistré.
field-reset-token = Jeton de réinitialisation
field-verify-token = Jeton reçu par e-mail
verify-heading = Confirmez votre adresse e-mail
verify-intro = Nous avons envoyé un jeton à usage unique à votre adresse. Saisissez-le ici.
verify-submit = Confirmer
verify-resend = Envoyer un nouveau jeton
verify-sent = Un nouveau jeton est en route.

## Chat rooms: direct messages and settings
chat-direct = Message direct
chat-direct-with = Message direct à
chat-choose-person = Choisir une personne…
chat-direct-open = Ouvrir
chat-room-settings = Paramètres du salon
chat-topic = Sujet
chat-room-members = Membres de ce salon
chat-leave-room = Quitter le salon
chat-add-to-room = Ajouter à ce salon
chat-archive-room = Archiver le salon
chat-archived = (archivé)
chat-archived-note = Ce salon est archivé : on peut le lire, pas y écrire.

## Page titles that modules declare (ModuleService.ListModules: ModulePage.title_id)
chat-title = Discussion
records-title = Enregistrements
survey-title = Sondages
video-title = Appels

login-new-instance = Une nouvelle instance sans aucun compte ?

survey-condition = Ne poser que si
survey-condition-none = Toujours poser
survey-condition-on = la réponse à la question { $n } ({ $title }) est…
survey-condition-choices = …l’un de ces choix

## Card pages (module manifests: ModulePage.card) and routes of modules this instance lacks
rooms-title = Salons
rooms-intro = Les salons de ce projet que vous pouvez voir. Ouvrez-en un pour y lire et écrire.
rooms-empty = Aucun salon pour l’instant. Créez le premier dans la discussion.
rooms-public = Public
rooms-private = Privé (membres seulement)
rooms-unread = Messages non lus :
calls-call-title-required = Donnez un titre à l’appel.
module-missing-title = Indisponible sur cette instance
module-missing = Cette instance n’a pas de module pour cette page. Demandez à son administrateur, ou revenez à l’accueil.

## Federation (org-admins): sharing projects with other Orbit instances
nav-org-federation = Fédération
federation-title = Fédération de { $org }
federation-intro = Partagez un projet de cette organisation avec une autre instance Orbit, ou suivez-en un qu’une autre instance partage avec vous. Un projet suivi ne reçoit ses modifications que de son propriétaire.
federation-identity = Cette instance
federation-identity-intro = Les autres instances connaissent celle-ci par son DID. Donnez-le à une instance qui veut inviter celle-ci seulement.
federation-copy-did = Copier le DID
federation-copied = Copié.
federation-copy-yourself = Le navigateur n’a pas permis la copie : le texte est sélectionné, copiez-le vous-même.
federation-share = Partager un projet
federation-share-intro = Crée un jeton d’invitation pour l’administration de l’organisation de l’autre instance.
federation-share-none = Cette organisation n’a aucun projet à elle à partager (les projets suivis appartiennent à leur propriétaire).
federation-project = Projet
federation-modules = Ce qui est partagé
federation-for-did = Seulement pour l’instance de ce DID (facultatif)
federation-for-did-hint = Laisser vide : quiconque détient le jeton peut l’accepter, une fois.
federation-share-submit = Créer l’invitation
federation-token = Jeton d’invitation pour { $project }
federation-token-note = Transmettez-le par un canal de confiance. Il sert une fois, jusqu’au { $expires }, et n’est affiché que maintenant.
federation-copy-token = Copier le jeton
federation-accept = Accepter une invitation
federation-accept-intro = Collez le jeton d’une autre instance : son projet est suivi dans cette organisation.
federation-accept-token = Jeton d’invitation
federation-accept-submit = Accepter l’invitation
federation-accepted = Cette organisation suit maintenant { $project } de { $did }.
federation-open-project = Ouvrir { $project }
federation-off = La fédération est désactivée sur cette instance. Une administration de l’instance l’active en définissant \`nats\` (un serveur NATS avec JetStream ; ou --nats, ORBIT_NATS) et \`federation_domain\` (son domaine JetStream ; ou ORBIT_FEDERATION_DOMAIN), puis en redémarrant Orbit.
federation-accept-expired = Cette invitation a expiré le { $when }. Demandez-en une nouvelle à l’autre instance.
federation-accept-used = Cette invitation a déjà servi. Demandez-en une nouvelle à l’autre instance.
federation-accept-not-for-us = Cette invitation est destinée à une autre instance ({ $did }), pas à celle-ci. Donnez à l’autre partie le DID de cette instance et demandez-en une nouvelle.
federation-accept-malformed = Ce n’est pas un jeton d’invitation valide ({ $detail }). Copiez de nouveau le jeton entier.
federation-refused = Le serveur a refusé : { $detail }
federation-links = Liens
federation-links-empty = Aucun lien pour l’instant. Partagez un projet ou acceptez une invitation.
federation-col-project = Projet
federation-col-role = Rôle
federation-col-peer = Autre instance
federation-col-state = État
federation-col-contact = Dernier contact
federation-col-lag = Événements en attente
federation-col-events = Événements
federation-events-in = { $count } reçus
federation-events-out = { $count } pris par l’autre instance
federation-col-link = Lien
federation-col-reason = Raison
federation-col-subject = Sujet
federation-role-owner = Partage
federation-role-member = Suit
federation-peer-unknown = pas encore accepté
federation-state-active = Actif
federation-state-suspended = Suspendu
federation-state-suspended-peer = Suspendu par l’autre instance
federation-state-removed = Supprimé
federation-state-waiting = En attente d’acceptation
federation-unreachable = Injoignable
federation-error = Erreur
federation-never = jamais
federation-suspend = Suspendre
federation-resume = Reprendre
federation-remove-confirm = Supprimer le lien de { $project } des deux côtés ?
federation-remove-yes = Oui, supprimer
federation-dead = Événements refusés
federation-dead-intro = Événements envoyés par une autre instance qui n’ont pas été appliqués, les plus récents d’abord.
federation-dead-empty = Aucun événement refusé.
federation-dead-from = prétendument de { $did }
federation-shared-from = partagé par { $did }
federation-followed-read-only = les modifications viennent de cette instance-là ; les vôtres y sont faites aussi.

## User modules (org-admins): record types defined by an uploaded .proto schema
nav-org-modules = Modules personnalisés
umod-title = Modules personnalisés de { $org }
umod-intro = Un module personnalisé ajoute des types d’enregistrements aux projets de cette organisation. Vous les définissez dans un schéma .proto ; une fois enregistré, chaque type a aussitôt ses pages et son API, sans nouvelle compilation d’Orbit.
umod-empty = Aucun module personnalisé pour l’instant.
umod-create = Nouveau module personnalisé
umod-create-button = Créer le module
umod-name-hint = Une lettre minuscule, puis des lettres minuscules, des chiffres et _ (32 au plus).
umod-description = Description
umod-col-package = Paquet
umod-col-version = Version
umod-col-state = État
umod-col-type = Type d’enregistrement
umod-col-pages = Pages
umod-enabled = Activé
umod-disabled = Désactivé
umod-enable = Activer
umod-disable = Désactiver
umod-disabled-note = Ce module est désactivé : ses pages et son API sont coupées, ses enregistrements sont conservés.
umod-no-schema = Pas encore de schéma
umod-back = Tous les modules personnalisés
umod-package = Son schéma déclare le paquet { $name }.
umod-version = Version { $n }
umod-schema = Schéma
umod-file = Fichier
umod-editor-label = Source du schéma (.proto)
umod-checking = Vérification…
umod-check-ok = Le schéma compile.
umod-problems = Problèmes
umod-breaking = Casserait la version actuelle
umod-changes = Modifications
umod-save = Enregistrer le schéma
umod-saved = Enregistré : la version { $n } est en service.
umod-save-failed-compile = Le schéma ne compile pas :
umod-save-failed-breaking = Le schéma casserait la version actuelle :
umod-history = Versions
umod-history-empty = Aucun schéma envoyé pour l’instant.
umod-version-line = Version { $n }, { $when }
umod-no-changes = Aucune modification indiquée.
umod-pages = Pages
umod-pages-intro = Chaque type d’enregistrement a une liste, un formulaire et une page de détail, dessinés à partir de modèles Adaptive Cards. Créez les vôtres ici, ou revenez à ceux générés.
umod-edit-list = Concevoir la liste
umod-edit-form = Concevoir le formulaire
umod-edit-detail = Concevoir la page de détail
umod-page-list = liste
umod-page-form = formulaire
umod-page-detail = page de détail
umod-page-custom = personnalisée
umod-page-save = Enregistrer la page
umod-page-saved = Page enregistrée.
umod-page-reset = Revenir à la page générée
umod-page-reset-done = La page générée est de retour.
umod-delete = Supprimer le module
umod-delete-intro = Supprimer { $name } efface tous ses enregistrements dans chaque projet de cette organisation. Saisissez son nom pour confirmer.
umod-delete-confirm = Nom du module

# Generated pages of user-module record types (card templates).
ucard-new = Nouvel enregistrement
ucard-empty = Aucun enregistrement pour l’instant.
ucard-back = Retour à la liste
`;export{e as default};