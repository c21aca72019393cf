// The instance's admin page (sys-admins): what runs, module health, relay and key status.
import { api } from "../api";
import { SystemService } from "../gen/orbit/system/v1/system_service_pb";
import { ModuleService } from "../gen/orbit/system/v1/module_service_pb";
import { ModuleState } from "../gen/orbit/system/v1/module_pb";
import { RelayService } from "../gen/orbit/cdc/v1/relay_service_pb";
import { t, fmtTime } from "../i18n";
import { ErrorNote, PageTitle, useLoad, Loading } from "../ui";

export function Admin() {
  const info = useLoad(() => api(SystemService).getInstanceInfo({}), []);
  const modules = useLoad(() => api(ModuleService).listModules({}), []);
  const relay = useLoad(() => api(RelayService).getRelayStatus({}), []);
  const keys = useLoad(() => api(SystemService).getKeyStatus({}), []);
  const i = info.data?.info;
  const r = relay.data?.status;
  return (
    <div>
      <PageTitle>{t("admin-title")}</PageTitle>
      <section aria-labelledby="inst-h" class="card">
        <h2 id="inst-h">{t("admin-instance")}</h2>
        {i ? (
          <dl class="facts">
            <dt>{t("admin-instance-id")}</dt>
            <dd>
              <code>{i.instanceId}</code>
            </dd>
            <dt>{t("admin-version")}</dt>
            <dd>{i.version}</dd>
            <dt>{t("admin-store")}</dt>
            <dd>{i.storeBackend}</dd>
            <dt>{t("admin-started")}</dt>
            <dd>{i.startedAt ? fmtTime(Number(i.startedAt.seconds) * 1000) : ""}</dd>
            <dt>{t("admin-signup")}</dt>
            <dd>{t(`signup-mode-${i.signUp}`)}</dd>
          </dl>
        ) : info.error ? (
          <ErrorNote error={info.error} retry={info.reload} />
        ) : (
          <Loading />
        )}
      </section>
      <section aria-labelledby="mod-h">
        <h2 id="mod-h">{t("admin-modules")}</h2>
        {modules.data ? (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("col-name")}</th>
                <th scope="col">{t("admin-version")}</th>
                <th scope="col">{t("admin-health")}</th>
                <th scope="col">{t("col-detail")}</th>
              </tr>
            </thead>
            <tbody>
              {modules.data.modules.map((m) => (
                <tr>
                  <td>
                    <strong>{m.name}</strong>
                  </td>
                  <td>{m.version}</td>
                  <td>
                    <span class={`health h${m.state}`}>{t(`module-state-${m.state}`)}</span>
                  </td>
                  <td>{m.state === ModuleState.FAILED ? m.error : m.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : modules.error ? (
          <ErrorNote error={modules.error} retry={modules.reload} />
        ) : (
          <Loading />
        )}
      </section>
      <section aria-labelledby="relay-h">
        <h2 id="relay-h">{t("admin-relay")}</h2>
        {r ? (
          !r.enabled ? (
            <p>{t("admin-relay-off")}</p>
          ) : (
            <>
              <p>
                {r.connected ? t("admin-relay-connected", { url: r.natsUrl }) : t("admin-relay-disconnected", { url: r.natsUrl })}
              </p>
              {r.lastError && <p class="error">{r.lastError}</p>}
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("admin-module")}</th>
                    <th scope="col">{t("admin-position")}</th>
                    <th scope="col">{t("admin-head")}</th>
                    <th scope="col">{t("admin-lag")}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.feeds.map((f) => (
                    <tr>
                      <td>{f.module}</td>
                      <td>{String(f.position)}</td>
                      <td>{String(f.headSeq)}</td>
                      <td>{String(f.lag)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )
        ) : relay.error ? (
          <ErrorNote error={relay.error} retry={relay.reload} />
        ) : (
          <Loading />
        )}
      </section>
      <section aria-labelledby="keys-h">
        <h2 id="keys-h">{t("admin-keys")}</h2>
        {keys.data ? (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin-database")}</th>
                <th scope="col">{t("admin-key-version")}</th>
                <th scope="col">{t("admin-pending")}</th>
              </tr>
            </thead>
            <tbody>
              {keys.data.keys.map((k) => (
                <tr>
                  <td>{k.database}</td>
                  <td>{k.currentKeyVersion}</td>
                  <td>{String(k.recordsPendingReencryption)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : keys.error ? (
          <ErrorNote error={keys.error} retry={keys.reload} />
        ) : (
          <Loading />
        )}
      </section>
    </div>
  );
}
