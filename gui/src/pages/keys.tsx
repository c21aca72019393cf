// API keys of the caller, and the audit log (an org's, or the instance's for sys-admins).
import { useState } from "preact/hooks";
import { api } from "../api";
import { ApiKeyService } from "../gen/orbit/system/v1/api_key_service_pb";
import { AuditService } from "../gen/orbit/system/v1/audit_service_pb";
import { Role } from "../gen/orbit/system/v1/access_pb";
import type { AuditEvent } from "../gen/orbit/system/v1/audit_pb";
import { t, fmtTime } from "../i18n";
import { Field, ErrorNote, PageTitle, useSubmit, useLoad, Loading, Empty, roleName } from "../ui";
import { orgs, projects, orgId, currentOrg } from "../state";

export function ApiKeys() {
  const keys = useLoad(() => api(ApiKeyService).listApiKeys({}), []);
  const [name, setName] = useState("");
  const [project, setProject] = useState("");
  const [role, setRole] = useState<Role>(Role.PROJECT_USER);
  const [secret, setSecret] = useState<string | null>(null);
  const create = useSubmit(async () => {
    const res = await api(ApiKeyService).createApiKey({
      name,
      orgId: orgId.value ?? "",
      projectId: project,
      role,
    });
    setSecret(res.secret);
    setName("");
    keys.reload();
  });
  const revoke = useSubmit(async (id: string) => {
    await api(ApiKeyService).revokeApiKey({ apiKeyId: id });
    keys.reload();
  });
  const orgName = (id: string) => orgs.value?.find((o) => o.id === id)?.name ?? id;
  const projectName = (id: string) => projects.value?.find((p) => p.id === id)?.name ?? id;
  return (
    <div>
      <PageTitle>{t("keys-title")}</PageTitle>
      {secret && (
        <div class="card ok" role="status">
          <p>{t("keys-secret-once")}</p>
          <code class="secret">{secret}</code>
          <button type="button" onClick={() => navigator.clipboard?.writeText(secret)}>
            {t("action-copy")}
          </button>
        </div>
      )}
      <ErrorNote error={revoke.error} />
      {keys.loading && !keys.data ? (
        <Loading />
      ) : keys.error ? (
        <ErrorNote error={keys.error} retry={keys.reload} />
      ) : keys.data!.apiKeys.length === 0 ? (
        <Empty>{t("keys-empty")}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("col-name")}</th>
              <th scope="col">{t("col-where")}</th>
              <th scope="col">{t("col-role")}</th>
              <th scope="col">{t("col-created")}</th>
              <th scope="col">
                <span class="sr-only">{t("col-actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.data!.apiKeys.map((k) => (
              <tr class={k.revoked ? "revoked" : ""}>
                <td>
                  {k.name} <code class="muted">{k.id}</code>
                </td>
                <td>{k.projectId ? projectName(k.projectId) : orgName(k.orgId)}</td>
                <td>{roleName(k.role)}</td>
                <td>{k.createdAt ? fmtTime(Number(k.createdAt.seconds) * 1000) : ""}</td>
                <td>
                  {k.revoked ? (
                    t("keys-revoked")
                  ) : (
                    <button type="button" class="danger" disabled={revoke.busy} onClick={() => revoke.run(k.id)}>
                      {t("action-revoke")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {currentOrg.value ? (
        <section aria-labelledby="new-key-h" class="card">
          <h2 id="new-key-h">{t("keys-create", { org: currentOrg.value.name })}</h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              create.run();
            }}
          >
            <Field
              label={t("col-name")}
              name="name"
              required
              maxLength={100}
              value={name}
              error={create.fields.name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
            <div class="field">
              <label for="key-project">{t("keys-scope")}</label>
              <select
                id="key-project"
                value={project}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setProject(v);
                  setRole(v ? Role.PROJECT_USER : Role.ORG_ADMIN);
                }}
              >
                <option value="">{t("whole-org")}</option>
                {(projects.value ?? []).map((p) => (
                  <option value={p.id}>{p.name}</option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="key-role">{t("col-role")}</label>
              <select id="key-role" value={role} onChange={(e) => setRole(Number(e.currentTarget.value))}>
                {!project && <option value={Role.ORG_ADMIN}>{roleName(Role.ORG_ADMIN)}</option>}
                <option value={Role.PROJECT_ADMIN}>{roleName(Role.PROJECT_ADMIN)}</option>
                <option value={Role.PROJECT_USER}>{roleName(Role.PROJECT_USER)}</option>
              </select>
            </div>
            <ErrorNote error={create.error} />
            <button type="submit" class="primary" disabled={create.busy}>
              {t("action-create")}
            </button>
          </form>
        </section>
      ) : (
        <Empty>{t("keys-need-org")}</Empty>
      )}
    </div>
  );
}

const PAGE = 50;

/** The audit log, a page at a time: an org's, or the whole instance's (`org` empty). */
export function Audit({ org }: { org: string | null }) {
  const [after, setAfter] = useState<bigint[]>([0n]);
  const cursor = after[after.length - 1];
  const page = useLoad(
    () =>
      org
        ? api(AuditService).listOrgAuditEvents({ orgId: org, afterSeq: cursor, pageSize: PAGE })
        : api(AuditService).listAuditEvents({ afterSeq: cursor, pageSize: PAGE }),
    [org, cursor],
  );
  const verify = useSubmit(async () => {
    const res = await api(AuditService).verifyAuditLog({});
    setVerified(res.intact ? t("audit-intact", { entries: Number(res.entries) }) : t("audit-broken", { problem: res.problem }));
  });
  const [verified, setVerified] = useState<string | null>(null);
  const events: AuditEvent[] = page.data?.events ?? [];
  return (
    <div>
      <PageTitle>{org ? t("audit-org-title", { org: currentOrg.value?.name ?? "" }) : t("audit-title")}</PageTitle>
      {!org && (
        <p>
          <button type="button" disabled={verify.busy} onClick={() => verify.run()}>
            {t("audit-verify")}
          </button>{" "}
          {verified && <span role="status">{verified}</span>}
          <ErrorNote error={verify.error} />
        </p>
      )}
      {page.loading && !page.data ? (
        <Loading />
      ) : page.error ? (
        <ErrorNote error={page.error} retry={page.reload} />
      ) : events.length === 0 ? (
        <Empty>{t("audit-empty")}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("col-when")}</th>
              <th scope="col">{t("col-kind")}</th>
              <th scope="col">{t("col-detail")}</th>
              <th scope="col">{t("col-address")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr>
                <td>{String(e.seq)}</td>
                <td>{e.at ? fmtTime(Number(e.at.seconds) * 1000) : ""}</td>
                <td>
                  <code>{e.kind}</code>
                </td>
                <td>{e.detail}</td>
                <td>{e.clientAddress}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager" aria-label={t("pager")}>
        <button type="button" disabled={after.length < 2} onClick={() => setAfter(after.slice(0, -1))}>
          {t("pager-prev")}
        </button>
        <button
          type="button"
          disabled={!page.data || page.data.nextAfterSeq === 0n}
          onClick={() => setAfter([...after, page.data!.nextAfterSeq])}
        >
          {t("pager-next")}
        </button>
      </nav>
    </div>
  );
}
