// Orgs and projects: the home page, creating them, members, roles and invitations.
import { useState } from "preact/hooks";
import { api, account } from "../api";
import { OrgService } from "../gen/orbit/system/v1/org_service_pb";
import { ProjectService } from "../gen/orbit/system/v1/project_service_pb";
import { MembershipService } from "../gen/orbit/system/v1/membership_service_pb";
import { Role } from "../gen/orbit/system/v1/access_pb";
import type { Invitation } from "../gen/orbit/system/v1/tenancy_pb";
import { navigate } from "../router";
import { t, fmtTime } from "../i18n";
import { Field, ErrorNote, PageTitle, useSubmit, useLoad, Loading, Empty, roleName, sharedFrom } from "../ui";
import { loadOrgs, orgs, projects, selectOrg, isOrgAdmin, isProjectAdmin, currentOrg, currentProject } from "../state";

export function Home() {
  const invites = useLoad(() => api(MembershipService).listMyInvitations({}), []);
  const org = currentOrg.value;
  return (
    <div>
      <PageTitle>{t("home-title", { name: account.value?.displayName ?? "" })}</PageTitle>
      <MyInvitations list={invites.data?.invitations ?? []} onChange={invites.reload} />
      {orgs.value === null ? (
        <Loading />
      ) : orgs.value.length === 0 ? (
        <Empty>
          <p>{t("home-no-org")}</p>
          <a class="button primary" href="/orgs/new">
            {t("org-create")}
          </a>
        </Empty>
      ) : (
        <section aria-labelledby="projects-h">
          <h2 id="projects-h">{t("home-projects", { org: org?.name ?? "" })}</h2>
          <ProjectList />
        </section>
      )}
    </div>
  );
}

function ProjectList() {
  const ps = projects.value;
  if (ps === null) return <Loading />;
  if (ps.length === 0)
    return (
      <Empty>
        <p>{isOrgAdmin.value ? t("projects-empty-admin") : t("projects-empty-user")}</p>
        {isOrgAdmin.value && currentOrg.value && (
          <a class="button primary" href={`/o/${currentOrg.value.id}/projects/new`}>
            {t("project-create")}
          </a>
        )}
      </Empty>
    );
  return (
    <>
      <ul class="tiles">
        {ps.map((p) => (
          <li>
            <a href={`/p/${p.id}/chat`}>{p.name}</a>
            {p.ownerDid && (
              <span class="shared-mark" title={p.ownerDid}>
                {" "}
                <span aria-hidden="true">⇄ </span>
                {sharedFrom(p)}
              </span>
            )}
            <span class="muted"> {t("created-at", { when: p.createdAt ? fmtTime(Number(p.createdAt.seconds) * 1000) : "" })}</span>
          </li>
        ))}
      </ul>
      {isOrgAdmin.value && currentOrg.value && (
        <a class="button" href={`/o/${currentOrg.value.id}/projects/new`}>
          {t("project-create")}
        </a>
      )}
    </>
  );
}

function MyInvitations({ list, onChange }: { list: Invitation[]; onChange: () => void }) {
  const s = useSubmit(async (id: string, accept: boolean) => {
    if (accept) await api(MembershipService).acceptInvitation({ invitationId: id });
    else await api(MembershipService).declineInvitation({ invitationId: id });
    onChange();
    await loadOrgs();
  });
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="my-inv-h" class="card">
      <h2 id="my-inv-h">{t("my-invitations")}</h2>
      <ErrorNote error={s.error} />
      <ul class="plain">
        {list.map((i) => (
          <li>
            {t("invitation-offer", {
              inviter: i.inviterDisplayName,
              role: roleName(i.role),
              place: i.projectName ? `${i.orgName} / ${i.projectName}` : i.orgName,
            })}{" "}
            <button type="button" class="primary" disabled={s.busy} onClick={() => s.run(i.id, true)}>
              {t("action-accept")}
            </button>{" "}
            <button type="button" disabled={s.busy} onClick={() => s.run(i.id, false)}>
              {t("action-decline")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CreateOrg() {
  const [name, setName] = useState("");
  const s = useSubmit(async () => {
    const { org } = await api(OrgService).createOrg({ name });
    await loadOrgs();
    await selectOrg(org!.id);
    navigate(`/o/${org!.id}/projects/new`);
  });
  return (
    <div class="narrow">
      <PageTitle>{t("org-create")}</PageTitle>
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          s.run();
        }}
      >
        <Field
          label={t("field-org-name")}
          name="name"
          required
          maxLength={100}
          value={name}
          error={s.fields.name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <ErrorNote error={s.error} />
        <button type="submit" class="primary" disabled={s.busy}>
          {t("action-create")}
        </button>
      </form>
    </div>
  );
}

export function CreateProject({ org }: { org: string }) {
  const [name, setName] = useState("");
  const s = useSubmit(async () => {
    const { project } = await api(ProjectService).createProject({ orgId: org, name });
    await selectOrg(org);
    navigate(`/p/${project!.id}/chat`);
  });
  return (
    <div class="narrow">
      <PageTitle>{t("project-create")}</PageTitle>
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          s.run();
        }}
      >
        <Field
          label={t("field-project-name")}
          name="name"
          required
          maxLength={100}
          value={name}
          error={s.fields.name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <ErrorNote error={s.error} />
        <button type="submit" class="primary" disabled={s.busy}>
          {t("action-create")}
        </button>
      </form>
    </div>
  );
}

function InvitationTable({ list, onRevoke, busy }: { list: Invitation[]; onRevoke: (i: Invitation) => void; busy: boolean }) {
  if (list.length === 0) return <Empty>{t("invitations-empty")}</Empty>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t("col-email")}</th>
          <th scope="col">{t("col-role")}</th>
          <th scope="col">{t("col-where")}</th>
          <th scope="col">{t("col-expires")}</th>
          <th scope="col">
            <span class="sr-only">{t("col-actions")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {list.map((i) => (
          <tr>
            <td>{i.email}</td>
            <td>{roleName(i.role)}</td>
            <td>{i.projectName || i.orgName}</td>
            <td>{i.expiresAt ? fmtTime(Number(i.expiresAt.seconds) * 1000) : ""}</td>
            <td>
              <button type="button" class="danger" disabled={busy} onClick={() => onRevoke(i)}>
                {t("action-revoke")}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OrgMembers({ org }: { org: string }) {
  const members = useLoad(() => api(MembershipService).listOrgMembers({ orgId: org }), [org]);
  const admin = isOrgAdmin.value;
  const invites = useLoad(
    () => (admin ? api(MembershipService).listInvitations({ orgId: org }) : Promise.resolve(null)),
    [org, admin],
  );
  const [email, setEmail] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const add = useSubmit(async () => {
    const res = await api(MembershipService).addOrgAdmin({ orgId: org, email });
    setNotice(res.invitation ? t("invited", { email }) : t("member-added", { email }));
    setEmail("");
    members.reload();
    invites.reload();
  });
  const act = useSubmit(async (f: () => Promise<unknown>) => {
    await f();
    members.reload();
    invites.reload();
  });
  const projectName = (id: string) => projects.value?.find((p) => p.id === id)?.name ?? id;
  return (
    <div>
      <PageTitle>{t("org-members-title", { org: currentOrg.value?.name ?? "" })}</PageTitle>
      {notice && (
        <p class="ok" role="status">
          {notice}
        </p>
      )}
      <ErrorNote error={act.error} />
      {members.loading && !members.data ? (
        <Loading />
      ) : members.error ? (
        <ErrorNote error={members.error} retry={members.reload} />
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("col-name")}</th>
              <th scope="col">{t("col-email")}</th>
              <th scope="col">{t("col-role")}</th>
              <th scope="col">{t("col-where")}</th>
              {admin && (
                <th scope="col">
                  <span class="sr-only">{t("col-actions")}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {members.data!.memberships.map((m) => (
              <tr>
                <td>{m.displayName}</td>
                <td>{m.email}</td>
                <td>{roleName(m.role)}</td>
                <td>{m.projectId ? projectName(m.projectId) : t("whole-org")}</td>
                {admin && (
                  <td>
                    {m.role === Role.ORG_ADMIN && (
                      <button
                        type="button"
                        class="danger"
                        disabled={act.busy}
                        onClick={() => act.run(() => api(MembershipService).removeOrgAdmin({ orgId: org, accountId: m.accountId }))}
                      >
                        {t("action-remove")}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {admin && (
        <>
          <section aria-labelledby="add-admin-h" class="card">
            <h2 id="add-admin-h">{t("add-org-admin")}</h2>
            <form
              class="inline"
              onSubmit={(e) => {
                e.preventDefault();
                add.run();
              }}
            >
              <Field
                label={t("field-email")}
                name="email"
                type="email"
                required
                value={email}
                error={add.fields.email}
                onInput={(e) => setEmail(e.currentTarget.value)}
              />
              <button type="submit" class="primary" disabled={add.busy}>
                {t("action-add")}
              </button>
            </form>
            <ErrorNote error={add.error} />
          </section>
          <section aria-labelledby="inv-h">
            <h2 id="inv-h">{t("invitations-heading")}</h2>
            {invites.data ? (
              <InvitationTable
                list={invites.data.invitations}
                busy={act.busy}
                onRevoke={(i) => act.run(() => api(MembershipService).revokeInvitation({ orgId: org, invitationId: i.id }))}
              />
            ) : invites.error ? (
              <ErrorNote error={invites.error} retry={invites.reload} />
            ) : (
              <Loading />
            )}
          </section>
        </>
      )}
    </div>
  );
}

export function ProjectMembers({ project }: { project: string }) {
  const members = useLoad(() => api(MembershipService).listProjectMembers({ projectId: project }), [project]);
  const admin = isProjectAdmin.value;
  const invites = useLoad(
    () => (admin ? api(MembershipService).listProjectInvitations({ projectId: project }) : Promise.resolve(null)),
    [project, admin],
  );
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>(Role.PROJECT_USER);
  const [notice, setNotice] = useState<string | null>(null);
  const add = useSubmit(async () => {
    const res = await api(MembershipService).setProjectMember({ projectId: project, email, role });
    setNotice(res.invitation ? t("invited", { email }) : t("member-added", { email }));
    setEmail("");
    members.reload();
    invites.reload();
  });
  const act = useSubmit(async (f: () => Promise<unknown>) => {
    await f();
    members.reload();
    invites.reload();
  });
  return (
    <div>
      <PageTitle>{t("project-members-title", { project: currentProject.value?.name ?? "" })}</PageTitle>
      {notice && (
        <p class="ok" role="status">
          {notice}
        </p>
      )}
      <ErrorNote error={act.error} />
      {members.loading && !members.data ? (
        <Loading />
      ) : members.error ? (
        <ErrorNote error={members.error} retry={members.reload} />
      ) : members.data!.memberships.length === 0 ? (
        <Empty>{t("members-empty")}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("col-name")}</th>
              <th scope="col">{t("col-email")}</th>
              <th scope="col">{t("col-role")}</th>
              {admin && (
                <th scope="col">
                  <span class="sr-only">{t("col-actions")}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {members.data!.memberships.map((m) => (
              <tr>
                <td>{m.displayName}</td>
                <td>{m.email}</td>
                <td>
                  {admin && m.role !== Role.ORG_ADMIN ? (
                    <select
                      aria-label={t("role-of", { name: m.displayName })}
                      value={m.role}
                      disabled={act.busy}
                      onChange={(e) =>
                        act.run(() =>
                          api(MembershipService).setProjectMember({
                            projectId: project,
                            email: m.email,
                            role: Number(e.currentTarget.value),
                          }),
                        )
                      }
                    >
                      <option value={Role.PROJECT_USER}>{roleName(Role.PROJECT_USER)}</option>
                      <option value={Role.PROJECT_ADMIN}>{roleName(Role.PROJECT_ADMIN)}</option>
                    </select>
                  ) : (
                    roleName(m.role)
                  )}
                </td>
                {admin && (
                  <td>
                    <button
                      type="button"
                      class="danger"
                      disabled={act.busy}
                      onClick={() =>
                        act.run(() => api(MembershipService).removeProjectMember({ projectId: project, accountId: m.accountId }))
                      }
                    >
                      {t("action-remove")}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {admin && (
        <>
          <section aria-labelledby="add-member-h" class="card">
            <h2 id="add-member-h">{t("add-member")}</h2>
            <form
              class="inline"
              onSubmit={(e) => {
                e.preventDefault();
                add.run();
              }}
            >
              <Field
                label={t("field-email")}
                name="email"
                type="email"
                required
                value={email}
                error={add.fields.email}
                onInput={(e) => setEmail(e.currentTarget.value)}
              />
              <div class="field">
                <label for="new-member-role">{t("col-role")}</label>
                <select id="new-member-role" value={role} onChange={(e) => setRole(Number(e.currentTarget.value))}>
                  <option value={Role.PROJECT_USER}>{roleName(Role.PROJECT_USER)}</option>
                  <option value={Role.PROJECT_ADMIN}>{roleName(Role.PROJECT_ADMIN)}</option>
                </select>
              </div>
              <button type="submit" class="primary" disabled={add.busy}>
                {t("action-add")}
              </button>
            </form>
            <ErrorNote error={add.error} />
          </section>
          <section aria-labelledby="pinv-h">
            <h2 id="pinv-h">{t("invitations-heading")}</h2>
            {invites.data ? (
              <InvitationTable
                list={invites.data.invitations}
                busy={act.busy}
                onRevoke={(i) =>
                  act.run(() => api(MembershipService).revokeProjectInvitation({ projectId: project, invitationId: i.id }))
                }
              />
            ) : invites.error ? (
              <ErrorNote error={invites.error} retry={invites.reload} />
            ) : (
              <Loading />
            )}
          </section>
        </>
      )}
    </div>
  );
}
