# Orbit CLI — español.

error-prefix = error
prompt-email = Correo electrónico
prompt-password = Contraseña
login-needs-email = indica --email (la contraseña se lee de la entrada estándar)
profile-added = perfil { $name } → { $server }
profile-using = usando el perfil { $name }
profile-removed = perfil { $name } eliminado
profile-unknown = no hay ningún perfil { $name }
keys-rotated-background = claves rotadas; un `orbit serve` en marcha vuelve a cifrar los registros antiguos en segundo plano (o en su próximo arranque); síguelo con `orbit keys status`
keys-rotated = claves rotadas; volviendo a cifrar { $pending } registros y eventos de cambio
keys-progress = { $done } de { $pending } vueltos a cifrar
keys-done = listo: cada registro está sellado con la versión de clave actual
audit-intact = { $entries ->
    [one] registro de auditoría intacto: { $entries } entrada verificada
   *[other] registro de auditoría intacto: { $entries } entradas verificadas
}
views-none = no hay vistas declaradas
admin-created = cuenta de sys-admin { $id } ({ $email }) creada
demo-ready = datos de demostración listos: abre { $server }/ en un navegador e inicia sesión como { $email } con la contraseña { $password } (guardada en { $file })
