var e=`# Interfaz web de Orbit — español

## Shell
skip-to-content = Saltar al contenido
nav-main = Navegación principal
nav-home = Inicio
nav-project-members = Miembros del proyecto
nav-org-members = Miembros e invitaciones
nav-org-audit = Registro de auditoría
nav-you = Tú
nav-account = Cuenta
nav-keys = Claves de API
nav-instance = Instancia
nav-admin = Administración
nav-audit = Auditoría de la instancia
switch-org = Organización
switch-project = Proyecto
no-org = Aún no hay organización
no-project = Aún no hay proyecto
choose-project = Elige un proyecto…
org-create-option = + Nueva organización…
project-create-option = + Nuevo proyecto…
theme = Tema
theme-auto = Automático
theme-light = Claro
theme-dark = Oscuro
language = Idioma
language-browser = Idioma del navegador
language-en = English
language-de = Deutsch
language-fr = Français
language-es = Español
language-ar = العربية
logout = Cerrar sesión
banner-unreachable = No se puede contactar con el servidor. Comprueba tu conexión; Orbit lo sigue intentando y recarga esta página cuando vuelva.
not-found-title = Esta página no existe o no puedes verla.
state-loading = Cargando…

## Actions
action-retry = Reintentar
action-save = Guardar
action-cancel = Cancelar
action-create = Crear
action-add = Añadir
action-remove = Quitar
action-revoke = Revocar
action-accept = Aceptar
action-decline = Rechazar
action-edit = Editar
action-delete = Eliminar
action-close = Cerrar
action-copy = Copiar

## Errors
error-unreachable = No se puede contactar con el servidor. Comprueba tu conexión e inténtalo de nuevo.
error-denied = No puedes hacer esto aquí. Pide el rol necesario a un administrador de esta organización.
error-not-found = Esto no existe (ya), o no eres miembro.
error-too-many = Demasiados intentos: { $detail }. Espera un momento y vuelve a intentarlo.
error-signed-out = Tu sesión terminó. Vuelve a iniciar sesión.
error-exists = Esto ya existe ({ $detail }). Elige otro.
error-conflict = Otra persona lo cambió mientras tanto. Recarga y vuelve a hacer tu cambio.
error-invalid = El servidor lo rechazó: { $detail }. Corrígelo y vuelve a intentarlo.
error-other = Algo salió mal: { $detail }. Vuelve a intentarlo; si sigue pasando, avisa a tu administrador.

## Fields
field-email = Correo electrónico
field-password = Contraseña
field-password-confirm = Repite la contraseña
field-current-password = Contraseña actual
field-new-password = Contraseña nueva
field-display-name = Tu nombre
field-org-name = Nombre de la organización
field-project-name = Nombre del proyecto
password-hint = Al menos 12 caracteres y no una contraseña común.
password-mismatch = Las dos contraseñas no coinciden.

## Log-in and sign-up
login-title = Iniciar sesión en Orbit
login-submit = Iniciar sesión
login-no-account = ¿Aún no tienes cuenta?
login-link = Iniciar sesión
signup-link = Crear una cuenta
signup-title = Crea tu cuenta
signup-submit = Crear cuenta
signup-have-account = ¿Ya tienes cuenta?
signup-closed = Esta instancia no admite nuevos registros. Pide una cuenta a su administrador.
signup-invite-only = Aquí solo pueden registrarse direcciones invitadas.

## First open
setup-title = Configurar Orbit
setup-steps = Pasos de configuración
setup-step-account = Administrador
setup-step-org = Organización
setup-step-project = Proyecto
setup-account-intro = La primera cuenta de una instancia nueva la administra. Elígela con cuidado.
setup-org-intro = Una organización contiene proyectos y a las personas que trabajan en ellos.
setup-project-intro = Un proyecto contiene salas de chat, registros, encuestas y llamadas.
setup-next = Siguiente
setup-finish = Terminar

## Account
account-title = Tu cuenta
profile-heading = Perfil
profile-saved = Guardado.
password-heading = Cambiar contraseña
password-submit = Cambiar contraseña
password-changed = Tu contraseña ha cambiado. Se cerraron tus otras sesiones.
sessions-heading = Sesiones
sessions-intro = Cerrar sesión en todos los dispositivos donde la tienes abierta, incluido este.
sessions-logout-everywhere = Cerrar sesión en todas partes

## Home, orgs and projects
home-title = Bienvenido/a, { $name }
home-no-org = Aún no perteneces a ninguna organización. Crea una o acepta una invitación.
home-projects = Proyectos de { $org }
projects-empty-admin = Esta organización aún no tiene proyectos. Crea el primero.
projects-empty-user = Aún no estás en ningún proyecto de esta organización. Pide a un administrador que te añada.
created-at = creado { $when }
org-create = Crear una organización
project-create = Crear un proyecto
my-invitations = Tus invitaciones
invitation-offer = { $inviter } te invita como { $role } en { $place }.
whole-org = Toda la organización

## Members
org-members-title = Miembros de { $org }
project-members-title = Miembros de { $project }
members-empty = Este proyecto aún no tiene miembros.
add-org-admin = Añadir un administrador de la organización
add-member = Añadir un miembro
invited = Se envió una invitación a { $email }. Será miembro cuando la acepte.
member-added = { $email } ya es miembro.
invitations-heading = Invitaciones abiertas
invitations-empty = No hay invitaciones abiertas.
role-of = Rol de { $name }
col-name = Nombre
col-email = Correo
col-role = Rol
col-where = Dónde
col-expires = Caduca
col-actions = Acciones
col-created = Creado
col-when = Cuándo
col-kind = Qué
col-detail = Detalle
col-address = Dirección
col-updated = Actualizado
role-0 = Sin rol
role-1 = Cualquiera
role-2 = Con sesión
role-3 = Usuario del proyecto
role-4 = Administrador del proyecto
role-5 = Administrador de la organización
role-6 = Administrador del sistema

## API keys
keys-title = Claves de API
keys-empty = No tienes claves de API.
keys-create = Nueva clave para { $org }
keys-scope = Alcance
keys-revoked = Revocada
keys-secret-once = Copia este secreto ahora: solo se muestra una vez.
keys-need-org = Únete a una organización o crea una para crear claves de API.

## Audit
audit-title = Auditoría de la instancia
audit-org-title = Registro de auditoría de { $org }
audit-empty = No hay entradas.
audit-verify = Verificar la cadena de hashes
audit-intact = { $entries ->
    [one] El registro está intacto (1 entrada).
   *[other] El registro está intacto ({ $entries } entradas).
}
audit-broken = El registro fue modificado: { $problem }
pager = Páginas
pager-prev = Anterior
pager-next = Siguiente
pager-page = Página { $page }

## Chat
chat-page-title = Chat de { $project }
chat-rooms = Salas
chat-no-rooms = Aún no hay salas.
chat-create-first = Crea la primera sala para empezar a hablar.
chat-new-room = Nueva sala
chat-room-name = Nombre de la sala
chat-private = Privada (solo miembros)
chat-create-room = Crear sala
chat-messages = Mensajes
chat-empty-room = Aún no hay mensajes. ¡Saluda!
chat-older = Cargar mensajes anteriores
chat-someone = Alguien
chat-deleted = Este mensaje fue eliminado.
chat-edited = (editado)
chat-edit-label = Texto del mensaje
chat-react = Reaccionar
chat-react-with = Reaccionar con { $emoji }
chat-reaction = { $emoji }: { $count }
chat-reply = Responder en el hilo
chat-replies-count = { $count ->
    [one] 1 respuesta
   *[other] { $count } respuestas
}
chat-replies = Respuestas
chat-reply-label = Responder…
chat-thread = Hilo
chat-send = Enviar
chat-message-to = Mensaje a { $room }
chat-typing = { $count ->
    [one] { $names } está escribiendo…
   *[other] { $names } están escribiendo…
}
chat-unread = { $count ->
    [one] 1 mensaje sin leer
   *[other] { $count } mensajes sin leer
}
chat-mentions = { $count ->
    [one] 1 mención tuya
   *[other] { $count } menciones tuyas
}

## Records
records-page-title = Registros de { $project }
records-entity-title = Registros: { $entity }
records-entities = Tipos de entidad
records-entity = Tipo de entidad
records-entity-rule = Letras minúsculas, dígitos y _, empezando por una letra.
records-open = Abrir
records-none = Aún no hay registros. Escribe un tipo de entidad para crear el primero.
records-empty = Aún no hay registros de { $entity }.
records-new = Nuevo registro
records-edit = Editar el registro { $id }
records-id = Id
records-id-hint = Déjalo vacío para un id nuevo.
records-data = Contenido (un objeto JSON)
records-json-invalid = Esto no es un objeto JSON. Revisa llaves, comillas y comas.

## Administration
admin-title = Administración
admin-instance = Esta instancia
admin-instance-id = Id de la instancia
admin-version = Versión
admin-store = Almacenamiento
admin-started = En marcha desde
admin-signup = Registro
admin-modules = Módulos
admin-health = Estado
admin-relay = Relé de federación
admin-relay-off = Esta instancia funciona sin NATS: no se publica nada.
admin-relay-connected = Conectado a { $url }.
admin-relay-disconnected = Sin conexión con { $url }.
admin-module = Módulo
admin-position = Posición
admin-head = Cabeza
admin-lag = Pendientes
admin-keys = Claves de cifrado
admin-database = Base de datos
admin-key-version = Versión de clave
admin-pending = Por recifrar
signup-mode-0 = Desconocido
signup-mode-1 = Abierto a todos
signup-mode-2 = Por invitación
signup-mode-3 = Cerrado
module-state-0 = Desconocido
module-state-1 = En marcha
module-state-2 = Con fallo
module-state-3 = Deteniéndose

## Surveys
surveys-title = Encuestas
surveys-new = Nueva encuesta
surveys-empty = Aún no hay encuestas en este proyecto.
survey-field-title = Título
survey-description = Descripción
survey-visibility = Quién ve los resultados
survey-visibility-1 = Todos, en directo
survey-visibility-2 = Cada persona tras responder
survey-visibility-3 = Todos cuando se cierre
survey-anonymous = Anónima
survey-question-n = Pregunta { $n }
survey-question-title = Pregunta
survey-question-kind = Tipo de respuesta
survey-kind-single = Una opción
survey-kind-multiple = Varias opciones
survey-kind-rating = Valoración de 1 a 5
survey-kind-number = Un número
survey-kind-text = Texto libre
survey-kind-pledge = Compromiso
survey-choices = Opciones, una por línea
survey-unit = Unidad
survey-min-people = Personas necesarias (0: cualquiera)
survey-optional = Opcional
survey-optional-label = { $title } (opcional)
survey-remove-question = Quitar esta pregunta
survey-add-question = Añadir una pregunta
survey-create-open = Crear y abrir
survey-create-draft = Guardar como borrador
survey-state-0 = Desconocido
survey-state-1 = Borrador
survey-state-2 = Abierta
survey-state-3 = Cerrada
survey-closes = se cierra { $when }
survey-open = Abrir la encuesta
survey-close = Cerrar la encuesta
survey-export = Exportar respuestas (CSV)
survey-draft-note = Esta encuesta es un borrador: nadie puede responder hasta que se abra.
survey-closed-note = Esta encuesta está cerrada.
survey-answer = Tu respuesta
survey-submit = Enviar mi respuesta
survey-update = Cambiar mi respuesta
survey-withdraw = Retirar mi respuesta
survey-saved = Tu respuesta está guardada.
survey-pledge-label = { $title } ({ $unit } que te comprometes)
survey-results = Resultados
survey-results-hidden-0 = Aún no puedes ver los resultados.
survey-results-hidden-1 = Aún no puedes ver los resultados.
survey-results-hidden-2 = Verás los resultados cuando hayas respondido.
survey-results-hidden-3 = Los resultados se muestran cuando se cierre la encuesta.
survey-responses = { $count ->
    [one] 1 respuesta
   *[other] { $count } respuestas
}
survey-mean = Media: { $mean }
survey-number-stats = Suma { $sum } { $unit }, media { $mean }, de { $min } a { $max }.
survey-pledged = { $people ->
    [one] { $units } { $unit } comprometidos por 1 persona.
   *[other] { $units } { $unit } comprometidos por { $people } personas.
}
survey-threshold-reached = Se alcanzó el umbral.
survey-threshold-not-reached = Aún no se alcanzó el umbral.
survey-text-answers = { $count ->
    [one] 1 respuesta escrita (en la exportación).
   *[other] { $count } respuestas escritas (en la exportación).
}

## Views
nav-views = Vistas
views-title = Vistas
views-new = Nueva vista
views-empty = Aún no hay vistas. Una vista cuenta y suma registros por un campo y se mantiene al día.
views-group-by = Agrupado por
views-rows = Filas
views-stalled = Detenida: { $reason }
views-catching-up = Poniéndose al día
views-current = Al día
views-field-hint = Un campo del contenido; puntos para campos anidados (address.city).
views-column-n = Columna { $n }
views-function = Función
views-field = Campo
views-fn-1 = Cuenta
views-fn-2 = Suma
views-fn-3 = Mínimo
views-fn-4 = Máximo
views-fn-5 = Último valor
views-add-column = Añadir una columna
views-view-title = Vista: { $name }
views-describe = Registros de tipo { $entity }, agrupados por { $field }.
views-rebuild = Reconstruir
views-drop = Eliminar la vista
views-no-rows = Aún no hay filas: ningún registro coincide.
views-null = (ninguno)

## Calls
calls-title = Llamadas
calls-empty = No hay llamadas en curso. Empieza una abajo.
calls-new = Nueva llamada
calls-call-title = Título de la llamada
calls-start = Empezar una llamada
calls-participants-label = Personas en la llamada
calls-in-call = { $count ->
    [0] Aún no hay nadie en esta llamada.
    [one] Hay 1 persona en esta llamada.
   *[other] Hay { $count } personas en esta llamada.
}
calls-mic = Micrófono activado
calls-camera = Cámara activada
calls-join = Unirse a la llamada
calls-end = Terminar la llamada para todos
calls-closed = Esta llamada ha terminado.
calls-disconnected = Te desconectaste de la llamada. Vuelve a unirte para seguir.
calls-no-media = No se pudo usar cámara ni micrófono: participas sin ellos. Revisa los permisos del navegador.
calls-controls = Controles de la llamada
calls-mute = Silenciar
calls-unmute = Activar sonido
calls-camera-off = Apagar cámara
calls-camera-on = Encender cámara
calls-share = Compartir pantalla
calls-stop-share = Dejar de compartir
calls-raise-hand = Levantar la mano
calls-lower-hand = Bajar la mano
calls-leave = Salir
calls-you = Tú
calls-muted = (silenciado)
calls-alone = Estás solo en esta llamada. Los demás la ven en las llamadas del proyecto.
calls-all = Todas las llamadas
calls-peer-new = conectando…
calls-peer-connecting = conectando…
calls-peer-connected = conectado
calls-peer-disconnected = conexión perdida, reintentando…
calls-peer-failed = sin conexión (quizá haga falta un servidor TURN)
calls-peer-closed = salió

## Settings, accounts, password reset, e-mail verification
nav-org-settings = Ajustes de la organización
nav-project-settings = Ajustes del proyecto
nav-accounts = Cuentas
settings-org-title = Ajustes de { $org }
settings-project-title = Ajustes de { $project }
settings-archive = Archivar
settings-restore = Restaurar
settings-archive-org-intro = Una organización archivada y sus proyectos pasan a solo lectura y salen de las listas. Puedes restaurarla.
settings-archive-project-intro = Un proyecto archivado pasa a solo lectura y sale de las listas. Puedes restaurarlo.
settings-federation = Federación
settings-federated-on = Los cambios de este proyecto se publican a las instancias federadas.
settings-federated-off = Este proyecto no está federado.
settings-federate-start = Empezar a federar
settings-federate-stop = Dejar de federar
accounts-title = Cuentas de esta instancia
accounts-issue-reset = Emitir un restablecimiento de contraseña
accounts-reset-issued = Un token de un solo uso para { $email }, válido hasta { $expires }:
accounts-reset-how = Entrégalo en persona o por un canal de confianza: quien lo tenga puede poner una contraseña nueva en /reset. Solo se muestra ahora.
login-forgot = ¿Olvidaste tu contraseña?
reset-link = Pon una nueva con un token
reset-title = Poner una contraseña nueva
reset-intro = Un administrador te da un token de un solo uso. Tus datos privados guardados empiezan vacíos, porque estaban cerrados con la contraseña anterior.
reset-submit = Guardar contraseña
reset-done = Tu contraseña está guardada.
field-reset-token = Token de restablecimiento
field-verify-token = Token del correo
verify-heading = Confirma tu correo electrónico
verify-intro = Enviamos un token de un solo uso a tu dirección. Escríbelo aquí.
verify-submit = Confirmar
verify-resend = Enviar un token nuevo
verify-sent = Va en camino un token nuevo.

## Chat rooms: direct messages and settings
chat-direct = Mensaje directo
chat-direct-with = Mensaje directo a
chat-choose-person = Elige una persona…
chat-direct-open = Abrir
chat-room-settings = Ajustes de la sala
chat-topic = Tema
chat-room-members = Miembros de esta sala
chat-leave-room = Salir de la sala
chat-add-to-room = Añadir a esta sala
chat-archive-room = Archivar la sala
chat-archived = (archivada)
chat-archived-note = Esta sala está archivada: se puede leer, no escribir.

## Page titles that modules declare (ModuleService.ListModules: ModulePage.title_id)
chat-title = Chat
records-title = Registros
survey-title = Encuestas
video-title = Llamadas

login-new-instance = ¿Una instancia nueva sin ninguna cuenta?

survey-condition = Preguntar solo si
survey-condition-none = Preguntar siempre
survey-condition-on = la respuesta a la pregunta { $n } ({ $title }) es…
survey-condition-choices = …una de estas

## Card pages (module manifests: ModulePage.card) and routes of modules this instance lacks
rooms-title = Salas
rooms-intro = Las salas de este proyecto que puedes ver. Abre una para leer y escribir en ella.
rooms-empty = Aún no hay salas. Crea la primera en el chat.
rooms-public = Pública
rooms-private = Privada (solo miembros)
rooms-unread = Mensajes sin leer:
calls-call-title-required = Ponle un título a la llamada.
module-missing-title = No disponible en esta instancia
module-missing = Esta instancia no tiene ningún módulo para esta página. Pregunta a su administrador o vuelve al inicio.

## Federation (org-admins): sharing projects with other Orbit instances
nav-org-federation = Federación
federation-title = Federación de { $org }
federation-intro = Comparta un proyecto de esta organización con otra instancia de Orbit, o siga uno que otra instancia comparte con usted. Un proyecto seguido recibe sus cambios solo de su propietario.
federation-identity = Esta instancia
federation-identity-intro = Las demás instancias conocen esta por su DID. Déselo a una instancia que quiera invitar solo a esta.
federation-copy-did = Copiar el DID
federation-copied = Copiado.
federation-copy-yourself = El navegador no permitió copiar: el texto está seleccionado, cópielo usted.
federation-share = Compartir un proyecto
federation-share-intro = Crea un token de invitación para la administración de la organización de la otra instancia.
federation-share-none = Esta organización no tiene ningún proyecto propio que compartir (los proyectos seguidos pertenecen a su propietario).
federation-project = Proyecto
federation-modules = Qué se comparte
federation-for-did = Solo para la instancia con este DID (opcional)
federation-for-did-hint = Déjelo vacío: quien tenga el token puede aceptarlo, una vez.
federation-share-submit = Crear la invitación
federation-token = Token de invitación para { $project }
federation-token-note = Entréguelo por un canal de confianza. Sirve una vez, hasta el { $expires }, y solo se muestra ahora.
federation-copy-token = Copiar el token
federation-accept = Aceptar una invitación
federation-accept-intro = Pegue un token de otra instancia: su proyecto se sigue en esta organización.
federation-accept-token = Token de invitación
federation-accept-submit = Aceptar la invitación
federation-accepted = Esta organización sigue ahora { $project } de { $did }.
federation-open-project = Abrir { $project }
federation-off = La federación está desactivada en esta instancia. Una administración de la instancia la activa definiendo \`nats\` (un servidor NATS con JetStream; o --nats, ORBIT_NATS) y \`federation_domain\` (su dominio JetStream; o ORBIT_FEDERATION_DOMAIN), y reiniciando Orbit.
federation-accept-expired = Esta invitación caducó el { $when }. Pida una nueva a la otra instancia.
federation-accept-used = Esta invitación ya se usó. Pida una nueva a la otra instancia.
federation-accept-not-for-us = Esta invitación es para otra instancia ({ $did }), no para esta. Dé a la otra parte el DID de esta instancia y pida una nueva.
federation-accept-malformed = Esto no es un token de invitación válido ({ $detail }). Copie de nuevo el token entero.
federation-refused = El servidor lo rechazó: { $detail }
federation-links = Enlaces
federation-links-empty = Aún no hay enlaces. Comparta un proyecto o acepte una invitación.
federation-col-project = Proyecto
federation-col-role = Rol
federation-col-peer = Otra instancia
federation-col-state = Estado
federation-col-contact = Último contacto
federation-col-lag = Eventos pendientes
federation-col-events = Eventos
federation-events-in = { $count } recibidos
federation-events-out = { $count } tomados por la otra instancia
federation-col-link = Enlace
federation-col-reason = Motivo
federation-col-subject = Asunto
federation-role-owner = Comparte
federation-role-member = Sigue
federation-peer-unknown = aún no aceptado
federation-state-active = Activo
federation-state-suspended = Suspendido
federation-state-suspended-peer = Suspendido por la otra instancia
federation-state-removed = Eliminado
federation-state-waiting = Esperando la aceptación
federation-unreachable = Inalcanzable
federation-error = Error
federation-never = nunca
federation-suspend = Suspender
federation-resume = Reanudar
federation-remove-confirm = ¿Eliminar el enlace de { $project } en ambos lados?
federation-remove-yes = Sí, eliminar
federation-dead = Eventos rechazados
federation-dead-intro = Eventos que envió otra instancia y que no se aplicaron, los más recientes primero.
federation-dead-empty = No hay eventos rechazados.
federation-dead-from = supuestamente de { $did }
federation-shared-from = compartido desde { $did }
federation-followed-read-only = los cambios vienen de esa instancia; los tuyos también se hacen allí.

## User modules (org-admins): record types defined by an uploaded .proto schema
nav-org-modules = Módulos propios
umod-title = Módulos propios de { $org }
umod-intro = Un módulo propio añade tipos de registro a los proyectos de esta organización. Los define en un esquema .proto; una vez guardado, cada tipo tiene al instante sus páginas y su API, sin una nueva compilación de Orbit.
umod-empty = Aún no hay módulos propios.
umod-create = Nuevo módulo propio
umod-create-button = Crear módulo
umod-name-hint = Una letra minúscula, luego letras minúsculas, dígitos y _ (32 como máximo).
umod-description = Descripción
umod-col-package = Paquete
umod-col-version = Versión
umod-col-state = Estado
umod-col-type = Tipo de registro
umod-col-pages = Páginas
umod-enabled = Activado
umod-disabled = Desactivado
umod-enable = Activar
umod-disable = Desactivar
umod-disabled-note = Este módulo está desactivado: sus páginas y su API están apagadas, sus registros se conservan.
umod-no-schema = Aún sin esquema
umod-back = Todos los módulos propios
umod-package = Su esquema declara el paquete { $name }.
umod-version = Versión { $n }
umod-schema = Esquema
umod-file = Archivo
umod-editor-label = Código del esquema (.proto)
umod-checking = Comprobando…
umod-check-ok = El esquema compila.
umod-problems = Problemas
umod-breaking = Rompería la versión actual
umod-changes = Cambios
umod-save = Guardar esquema
umod-saved = Guardado: la versión { $n } está en servicio.
umod-save-failed-compile = El esquema no compila:
umod-save-failed-breaking = El esquema rompería la versión actual:
umod-history = Versiones
umod-history-empty = Aún no se ha subido ningún esquema.
umod-version-line = Versión { $n }, { $when }
umod-no-changes = No se indican cambios.
umod-pages = Páginas
umod-pages-intro = Cada tipo de registro tiene una lista, un formulario y una página de detalle, dibujados a partir de plantillas de Adaptive Cards. Diseñe las suyas aquí o vuelva a las generadas.
umod-edit-list = Diseñar la lista
umod-edit-form = Diseñar el formulario
umod-edit-detail = Diseñar la página de detalle
umod-page-list = lista
umod-page-form = formulario
umod-page-detail = página de detalle
umod-page-custom = propia
umod-page-save = Guardar página
umod-page-saved = Página guardada.
umod-page-reset = Volver a la página generada
umod-page-reset-done = La página generada ha vuelto.
umod-delete = Eliminar módulo
umod-delete-intro = Eliminar { $name } borra todos sus registros en cada proyecto de esta organización. Escriba su nombre para confirmar.
umod-delete-confirm = Nombre del módulo

# Generated pages of user-module record types (card templates).
ucard-new = Nuevo registro
ucard-empty = Todavía no hay registros.
ucard-back = Volver a la lista
`;export{e as default};