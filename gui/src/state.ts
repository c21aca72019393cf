// What the whole GUI shares: the caller's orgs and projects, which ones are current, and the
// caller's role in them (to hide pages it may not use; the server decides either way).
import { computed, signal } from "@preact/signals";
import { Code, ConnectError } from "@connectrpc/connect";
import { t } from "./i18n";
import { loadSettings } from "./settings";
import { api, account } from "./api";
import { OrgService } from "./gen/orbit/system/v1/org_service_pb";
import { ProjectService } from "./gen/orbit/system/v1/project_service_pb";
import { MembershipService } from "./gen/orbit/system/v1/membership_service_pb";
import type { Org, Project } from "./gen/orbit/system/v1/tenancy_pb";
import { Role } from "./gen/orbit/system/v1/access_pb";
import { ModuleService } from "./gen/orbit/system/v1/module_service_pb";
import { ModuleState, type ModulePage } from "./gen/orbit/system/v1/module_pb";
import { UserModuleService } from "./gen/orbit/user/v1/user_module_service_pb";
import type { UserModule } from "./gen/orbit/user/v1/user_module_pb";

/** A GUI page a running module declares, with the module's name. */
export interface ModuleRoute {
  module: string;
  page: ModulePage;
  /** A user module's page (an org's uploaded schema, ListProjectModules), not a compiled-in one. */
  user?: boolean;
}

/** Learns the running modules' pages (needs a signed-in caller); on failure the pages already
 * known stay, and `modulePagesError` says why when none are. */
export async function loadModulePages() {
  try {
    const { modules } = await api(ModuleService).listModules({});
    systemPages.value = modules
      .filter((m) => m.state === ModuleState.RUNNING)
      .flatMap((m) => m.pages.map((page) => ({ module: m.name, page })));
    modulePagesError.value = null;
  } catch (e) {
    if (systemPages.value === null) modulePagesError.value = e;
  }
}

let userGen = 0;
/** Learns the user modules of a project's org (ListProjectModules: their pages and descriptor
 * sets); null clears them. On failure the modules already known for that project stay, and
 * `userModules.error` says why when none are. */
export async function loadUserModules(project: string | null) {
  const g = ++userGen;
  if (!project) {
    userModules.value = null;
    return;
  }
  try {
    const { modules } = await api(UserModuleService).listProjectModules({ projectId: project });
    if (g === userGen) userModules.value = { project, modules, error: null };
  } catch (e) {
    if (g !== userGen || userModules.value?.project === project) return;
    // A server without user modules has none for this project; anything else is said.
    const none = e instanceof ConnectError && e.code === Code.Unimplemented;
    userModules.value = { project, modules: [], error: none ? null : e };
  }
}

/** Reads the current project's user modules again (after an org-admin changed one). */
export function reloadUserModules() {
  return loadUserModules(projectId.value);
}

/** The title a module page shows: its Fluent message, or a user module's plain text. */
export function pageTitle(page: ModulePage): string {
  return page.titleId ? t(page.titleId) : page.title;
}

/** Where a project opens: its chat when the instance has one, else its first page in the
 * navigation, else its members. */
export function projectHome(project: string): string {
  const pages = (modulePages.value ?? []).filter((r) => r.page.inNav && /^\/p\/:project\/[^:]*$/.test(r.page.route));
  const first = pages.find((r) => r.module === "chat") ?? pages[0];
  return first ? first.page.route.replace(":project", project) : `/p/${project}/members`;
}

export const orgs = signal<Org[] | null>(null);
/** The GUI pages the instance's running modules declare (ListModules), in module order; null
 * until known. */
const systemPages = signal<ModuleRoute[] | null>(null);
/** The user modules of the current project's org, with their descriptor sets; null while no
 * project is current or before they are first known. */
export const userModules = signal<{ project: string; modules: UserModule[]; error: unknown } | null>(null);
/** Every module page the router knows: the running modules' (null until known), then the user
 * modules' of the current project. */
export const modulePages = computed<ModuleRoute[] | null>(() => {
  const system = systemPages.value;
  if (system === null) return null;
  const known = userModules.value;
  const users = (known?.project === projectId.value ? known.modules : []).flatMap((m) =>
    m.disabled ? [] : m.pages.map((page) => ({ module: m.name, page, user: true })),
  );
  return [...system, ...users];
});
/** Why the module pages could not be learnt (while none are known). */
export const modulePagesError = signal<unknown>(null);
export const projects = signal<Project[] | null>(null);
export const orgId = signal<string | null>(localStorage.getItem("orbit.org"));
export const projectId = signal<string | null>(null);
export const orgRole = signal<Role>(Role.UNSPECIFIED);
/** The org whose `orgRole` is known. */
export const orgRoleOf = signal<string | null>(null);
export const projectRole = signal<Role>(Role.UNSPECIFIED);
/** Bumped when something everyone shows may have changed (after reconnecting, too). */
export const tick = signal(0);

export const currentOrg = computed(() => orgs.value?.find((o) => o.id === orgId.value) ?? null);
export const currentProject = computed(
  () => projects.value?.find((p) => p.id === projectId.value) ?? null,
);
export const isSysAdmin = computed(() => account.value?.sysAdmin === true);
export const isOrgAdmin = computed(() => isSysAdmin.value || orgRole.value === Role.ORG_ADMIN);
export const isProjectAdmin = computed(
  () => isOrgAdmin.value || projectRole.value === Role.PROJECT_ADMIN,
);

export async function loadOrgs() {
  // After sign-in (and at start, signed in): the person's stored theme and language.
  void loadSettings();
  const res = await api(OrgService).listOrgs({});
  orgs.value = res.orgs;
  if (!res.orgs.some((o) => o.id === orgId.value)) {
    await selectOrg(res.orgs[0]?.id ?? null);
  } else if (projects.value === null) {
    await selectOrg(orgId.value);
  }
}

export async function selectOrg(id: string | null) {
  if (id) localStorage.setItem("orbit.org", id);
  else localStorage.removeItem("orbit.org");
  const changed = orgId.value !== id;
  orgId.value = id;
  if (changed) {
    projects.value = null;
    orgRole.value = Role.UNSPECIFIED;
    orgRoleOf.value = null;
  }
  if (!id) {
    projects.value = [];
    return;
  }
  const [ps, members] = await Promise.all([
    api(ProjectService).listProjects({ orgId: id }),
    api(MembershipService).listOrgMembers({ orgId: id }),
  ]);
  if (orgId.value !== id) return;
  projects.value = ps.projects;
  const me = account.value?.id;
  orgRole.value = members.memberships.some((m) => m.accountId === me && m.role === Role.ORG_ADMIN)
    ? Role.ORG_ADMIN
    : Role.PROJECT_USER;
  orgRoleOf.value = id;
}

/** Makes a project current (and its org), learning the caller's role in it. */
let wantedProject: string | null = null;
export async function selectProject(id: string | null) {
  wantedProject = id;
  if (!id) {
    projectId.value = null;
    projectRole.value = Role.UNSPECIFIED;
    return;
  }
  const { project } = await api(ProjectService).getProject({ projectId: id });
  if (project && project.orgId !== orgId.value) await selectOrg(project.orgId);
  if (project && !projects.value?.some((p) => p.id === id)) {
    projects.value = [...(projects.value ?? []), project];
  }
  const members = await api(MembershipService).listProjectMembers({ projectId: id });
  if (wantedProject !== id) return;
  const me = members.memberships.find((m) => m.accountId === account.value?.id);
  projectRole.value = me?.role ?? Role.PROJECT_USER;
  // Current only once the caller's role in it is known, so no page shows with a wrong role.
  if (wantedProject === id) projectId.value = id;
}

export function resetState() {
  orgs.value = null;
  userModules.value = null;
  orgRoleOf.value = null;
  projects.value = null;
  projectId.value = null;
  orgRole.value = Role.UNSPECIFIED;
  projectRole.value = Role.UNSPECIFIED;
}
