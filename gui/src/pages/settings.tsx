// Settings of an org (rename, archive) and of a project (rename, archive, federation), and
// the instance's accounts (sys-admins: list, issue a password-reset token).
import { useState } from "preact/hooks";
import { api } from "../api";
import { OrgService } from "../gen/orbit/system/v1/org_service_pb";
import { ProjectService } from "../gen/orbit/system/v1/project_service_pb";
import { AccountService } from "../gen/orbit/system/v1/account_service_pb";
import { t, fmtTime } from "../i18n";
import { Field, ErrorNote, PageTitle, useSubmit, useLoad, Loading } from "../ui";
import { isOrgAdmin, isProjectAdmin, loadOrgs, selectOrg, selectProject, orgId } from "../state";
import { navigate } from "../router";

export function OrgSettings({ org }: { org: string }) {
  const got = useLoad(() => api(OrgService).getOrg({ orgId: org }), [org]);
  const o = got.data?.org;
  const [name, setName] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const rename = useSubmit(async () => {
    await api(OrgService).renameOrg({ orgId: org, name: name ?? o?.name ?? "" });
    await loadOrgs();
    got.reload();
    setSaved(t("profile-saved"));
  });
  const archive = useSubmit(async (archived: boolean) => {
    await api(OrgService).archiveOrg({ orgId: org, archived });
    await loadOrgs();
    if (archived) navigate("/");
    else got.reload();
  });
  if (got.loading && !got.data) return <Loading />;
  if (got.error) return <ErrorNote error={got.error} retry={got.reload} />;
  return (
    <div class="narrow">
      <PageTitle>{t("settings-org-title", { org: o?.name ?? "" })}</PageTitle>
      {saved && (
        <p class="ok" role="status">
          {saved}
        </p>
      )}
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          rename.run();
        }}
      >
        <Field label={t("field-org-name")} name="name" required maxLength={100} value={name ?? o?.name ?? ""} error={rename.fields.name} onInput={(e) => setName(e.currentTarget.value)} />
        <ErrorNote error={rename.error} />
        <button type="submit" disabled={rename.busy || !isOrgAdmin.value}>
          {t("action-save")}
        </button>
      </form>
      {isOrgAdmin.value && (
        <section class="card" aria-labelledby="archive-org-h">
          <h2 id="archive-org-h">{o?.archived ? t("settings-restore") : t("settings-archive")}</h2>
          <p>{t("settings-archive-org-intro")}</p>
          <ErrorNote error={archive.error} />
          <button type="button" class={o?.archived ? "" : "danger"} disabled={archive.busy} onClick={() => archive.run(!o?.archived)}>
            {o?.archived ? t("settings-restore") : t("settings-archive")}
          </button>
        </section>
      )}
    </div>
  );
}

export function ProjectSettings({ project }: { project: string }) {
  const got = useLoad(() => api(ProjectService).getProject({ projectId: project }), [project]);
  const p = got.data?.project;
  const [name, setName] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const refresh = async () => {
    await selectOrg(orgId.value);
    await selectProject(project);
    got.reload();
  };
  const rename = useSubmit(async () => {
    await api(ProjectService).renameProject({ projectId: project, name: name ?? p?.name ?? "" });
    await refresh();
    setSaved(t("profile-saved"));
  });
  const federate = useSubmit(async (federated: boolean) => {
    await api(ProjectService).setProjectFederation({ projectId: project, federated });
    got.reload();
  });
  const archive = useSubmit(async (archived: boolean) => {
    await api(ProjectService).archiveProject({ projectId: project, archived });
    if (archived) {
      await selectOrg(orgId.value);
      navigate("/");
    } else got.reload();
  });
  if (got.loading && !got.data) return <Loading />;
  if (got.error) return <ErrorNote error={got.error} retry={got.reload} />;
  return (
    <div class="narrow">
      <PageTitle>{t("settings-project-title", { project: p?.name ?? "" })}</PageTitle>
      {saved && (
        <p class="ok" role="status">
          {saved}
        </p>
      )}
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          rename.run();
        }}
      >
        <Field label={t("field-project-name")} name="name" required maxLength={100} value={name ?? p?.name ?? ""} error={rename.fields.name} onInput={(e) => setName(e.currentTarget.value)} />
        <ErrorNote error={rename.error} />
        <button type="submit" disabled={rename.busy || !isProjectAdmin.value}>
          {t("action-save")}
        </button>
      </form>
      {isOrgAdmin.value && (
        <>
          <section class="card" aria-labelledby="fed-h">
            <h2 id="fed-h">{t("settings-federation")}</h2>
            <p>{p?.federated ? t("settings-federated-on") : t("settings-federated-off")}</p>
            <ErrorNote error={federate.error} />
            <button type="button" disabled={federate.busy} onClick={() => federate.run(!p?.federated)}>
              {p?.federated ? t("settings-federate-stop") : t("settings-federate-start")}
            </button>
          </section>
          <section class="card" aria-labelledby="archive-p-h">
            <h2 id="archive-p-h">{p?.archived ? t("settings-restore") : t("settings-archive")}</h2>
            <p>{t("settings-archive-project-intro")}</p>
            <ErrorNote error={archive.error} />
            <button type="button" class={p?.archived ? "" : "danger"} disabled={archive.busy} onClick={() => archive.run(!p?.archived)}>
              {p?.archived ? t("settings-restore") : t("settings-archive")}
            </button>
          </section>
        </>
      )}
    </div>
  );
}

export function Accounts() {
  const [tokens, setTokens] = useState<string[]>([""]);
  const token = tokens[tokens.length - 1];
  const page = useLoad(() => api(AccountService).listAccounts({ pageSize: 50, pageToken: token }), [token]);
  const [reset, setReset] = useState<{ email: string; token: string; expires: string } | null>(null);
  const issue = useSubmit(async (id: string, email: string) => {
    const res = await api(AccountService).issuePasswordReset({ accountId: id });
    setReset({ email, token: res.resetToken, expires: res.expiresAt ? fmtTime(Number(res.expiresAt.seconds) * 1000) : "" });
  });
  return (
    <div>
      <PageTitle>{t("accounts-title")}</PageTitle>
      {reset && (
        <div class="card ok" role="status">
          <p>{t("accounts-reset-issued", { email: reset.email, expires: reset.expires })}</p>
          <code class="secret">{reset.token}</code>
          <p>{t("accounts-reset-how")}</p>
        </div>
      )}
      <ErrorNote error={issue.error} />
      {page.loading && !page.data ? (
        <Loading />
      ) : page.error ? (
        <ErrorNote error={page.error} retry={page.reload} />
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("col-name")}</th>
              <th scope="col">{t("col-email")}</th>
              <th scope="col">{t("col-created")}</th>
              <th scope="col">
                <span class="sr-only">{t("col-actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {page.data!.accounts.map((a) => (
              <tr>
                <td>
                  {a.displayName} {a.sysAdmin && <span class="muted">({t("role-6")})</span>}
                </td>
                <td>{a.email}</td>
                <td>{a.createdAt ? fmtTime(Number(a.createdAt.seconds) * 1000) : ""}</td>
                <td>
                  <button type="button" disabled={issue.busy} onClick={() => issue.run(a.id, a.email)}>
                    {t("accounts-issue-reset")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager" aria-label={t("pager")}>
        <button type="button" disabled={tokens.length < 2} onClick={() => setTokens(tokens.slice(0, -1))}>
          {t("pager-prev")}
        </button>
        <button type="button" disabled={!page.data?.nextPageToken} onClick={() => setTokens([...tokens, page.data!.nextPageToken])}>
          {t("pager-next")}
        </button>
      </nav>
    </div>
  );
}
