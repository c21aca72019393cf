// Federation of an org (org-admins): this instance's DID, sharing a project with another
// instance (an invitation token, shown once), accepting another instance's invitation, the
// org's links (refreshed every few seconds, suspended, resumed, removed) and the events peers
// sent that were refused.
import { useEffect, useState } from "preact/hooks";
import { Code, ConnectError } from "@connectrpc/connect";
import { api, isNetworkError } from "../api";
import { FederationService } from "../gen/orbit/federation/v1/federation_service_pb";
import { LinkRole, LinkState, type Link } from "../gen/orbit/federation/v1/federation_pb";
import { t, fmtTime, fmtAgo } from "../i18n";
import { Field, PageTitle, useLoad, useSubmit, useId, Loading, Empty, describeError, shortDid } from "../ui";
import { projects, currentOrg, modulePages, selectOrg, projectHome } from "../state";

/** How often the links and the refused events are listed again while the page is open. */
const REFRESH_MS = 5000;

/** The modules a link may share, with their names in the GUI. */
const SHAREABLE: [string, () => string][] = [
  ["records", () => t("records-title")],
  ["chat", () => t("chat-title")],
  ["survey", () => t("survey-title")],
];

/** What to tell an org-admin about a refused federation call: the server's own reason (it
 * names the problem precisely), in a sentence of the person's language where it is known. */
export function federationProblem(e: unknown): string {
  if (!(e instanceof ConnectError) || isNetworkError(e)) return describeError(e);
  const raw = e.rawMessage;
  if (e.code === Code.FailedPrecondition && /^federation is off/.test(raw)) return t("federation-off");
  let m = /^the invitation expired at (\d+)/.exec(raw);
  if (m) return t("federation-accept-expired", { when: fmtTime(Number(m[1])) });
  if (/^the invitation was already used/.test(raw)) return t("federation-accept-used");
  m = /^the invitation is meant for the instance (\S+), not this one/.exec(raw);
  if (m) return t("federation-accept-not-for-us", { did: m[1] });
  m = /^the invitation token is malformed: (.*)$/s.exec(raw);
  if (m) return t("federation-accept-malformed", { detail: m[1] });
  if (e.code === Code.PermissionDenied && !/^the peer refused/.test(raw)) return describeError(e);
  if ([Code.FailedPrecondition, Code.InvalidArgument, Code.NotFound, Code.PermissionDenied, Code.Unavailable].includes(e.code)) {
    return t("federation-refused", { detail: raw });
  }
  return describeError(e);
}

function Problem({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <div class="error" role="alert">
      {federationProblem(error)}
    </div>
  );
}

/** A button that copies `text`, saying so (or selecting `select` for the person to copy when
 * the browser does not let the page write the clipboard). */
function CopyButton({ text, select, label }: { text: string; select?: () => HTMLElement | null; label: string }) {
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setDone(t("federation-copied"));
          } catch {
            const el = select?.();
            if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) el.select();
            setDone(t("federation-copy-yourself"));
          }
        }}
      >
        {label}
      </button>{" "}
      <span role="status" class="muted">
        {done ?? ""}
      </span>
    </>
  );
}

export function Federation({ org }: { org: string }) {
  const peers = useLoad(() => api(FederationService).peers({ orgId: org }), [org]);
  const dead = useLoad(() => api(FederationService).listDeadLetters({ orgId: org, limit: 100 }), [org]);
  useEffect(() => {
    const timer = setInterval(() => {
      peers.reload();
      dead.reload();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [peers.reload, dead.reload]);
  const links = peers.data?.links ?? [];
  return (
    <div class="federation">
      <PageTitle>{t("federation-title", { org: currentOrg.value?.name ?? "" })}</PageTitle>
      <p>{t("federation-intro")}</p>
      <Identity />
      <div class="federation-forms">
        <Share org={org} onShared={peers.reload} />
        <Accept org={org} onAccepted={peers.reload} />
      </div>
      <section aria-labelledby="fed-links-h">
        <h2 id="fed-links-h">{t("federation-links")}</h2>
        {peers.loading && !peers.data ? (
          <Loading />
        ) : (
          <>
            {peers.error && <Problem error={peers.error} />}
            {peers.data && (links.length === 0 ? <Empty>{t("federation-links-empty")}</Empty> : <Links org={org} links={links} onChanged={peers.reload} />)}
          </>
        )}
      </section>
      <section aria-labelledby="fed-dead-h">
        <h2 id="fed-dead-h">{t("federation-dead")}</h2>
        <p class="muted">{t("federation-dead-intro")}</p>
        {dead.loading && !dead.data ? (
          <Loading />
        ) : (
          <>
            {dead.error && <Problem error={dead.error} />}
            {dead.data &&
              (dead.data.deadLetters.length === 0 ? (
                <Empty>{t("federation-dead-empty")}</Empty>
              ) : (
                <div class="scroll">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t("col-when")}</th>
                        <th scope="col">{t("federation-col-link")}</th>
                        <th scope="col">{t("federation-col-reason")}</th>
                        <th scope="col">{t("federation-col-subject")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {dead.data.deadLetters.map((d) => {
                        const link = links.find((l) => l.id === d.linkId);
                        return (
                          <tr key={d.id}>
                            <td>{fmtTime(d.receivedAtMs)}</td>
                            <td>{link ? link.projectName : <code>{d.linkId}</code>}</td>
                            <td>
                              {d.reason}
                              {d.originDid && (
                                <div class="muted" title={d.originDid}>
                                  {t("federation-dead-from", { did: shortDid(d.originDid) })}
                                </div>
                              )}
                            </td>
                            <td>
                              <code class="wrap">{d.subject}</code>
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              ))}
          </>
        )}
      </section>
    </div>
  );
}

function Identity() {
  const me = useLoad(() => api(FederationService).whoami({}), []);
  const did = me.data?.identity?.did ?? "";
  return (
    <section class="card" aria-labelledby="fed-me-h">
      <h2 id="fed-me-h">{t("federation-identity")}</h2>
      {me.loading && !me.data ? (
        <Loading />
      ) : me.error ? (
        <Problem error={me.error} />
      ) : (
        <>
          <p>{t("federation-identity-intro")}</p>
          <code class="secret" id="fed-did">
            {did}
          </code>
          <CopyButton text={did} label={t("federation-copy-did")} />
        </>
      )}
    </section>
  );
}

function Share({ org, onShared }: { org: string; onShared: () => void }) {
  const own = (projects.value ?? []).filter((p) => !p.ownerDid && !p.archived);
  const running = SHAREABLE.filter(([m]) => !modulePages.value || modulePages.value.some((r) => r.module === m));
  const [project, setProject] = useState("");
  const [modules, setModules] = useState<string[]>(SHAREABLE.map(([m]) => m));
  const [forDid, setForDid] = useState("");
  const [made, setMade] = useState<{ token: string; project: string; expires: string } | null>(null);
  const tokenId = useId("fed-token");
  const chosen = project || own[0]?.id || "";
  const offered = modules.filter((m) => running.some(([r]) => r === m));
  const share = useSubmit(async () => {
    setMade(null);
    const res = await api(FederationService).createInvitation({
      orgId: org,
      projectId: chosen,
      modules: offered,
      forDid: forDid.trim(),
    });
    const inv = res.invitation;
    setMade({
      token: res.token,
      project: inv?.projectName ?? own.find((p) => p.id === chosen)?.name ?? "",
      expires: inv ? fmtTime(inv.expiresAtMs) : "",
    });
    setForDid("");
    onShared();
  });
  return (
    <section class="card" aria-labelledby="fed-share-h">
      <h2 id="fed-share-h">{t("federation-share")}</h2>
      {projects.value === null ? (
        <Loading />
      ) : own.length === 0 ? (
        <Empty>{t("federation-share-none")}</Empty>
      ) : (
        <form
          aria-labelledby="fed-share-h"
          onSubmit={(e) => {
            e.preventDefault();
            share.run();
          }}
        >
          <p>{t("federation-share-intro")}</p>
          <div class="field">
            <label for="fed-project">{t("federation-project")}</label>
            <select id="fed-project" value={chosen} onChange={(e) => setProject(e.currentTarget.value)}>
              {own.map((p) => (
                <option value={p.id}>{p.name}</option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>{t("federation-modules")}</legend>
            {running.map(([m, name]) => (
              <label class="check">
                <input
                  type="checkbox"
                  name="modules"
                  value={m}
                  checked={modules.includes(m)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setModules((l) => (on ? [...l.filter((x) => x !== m), m] : l.filter((x) => x !== m)));
                  }}
                />
                {name()}
              </label>
            ))}
          </fieldset>
          <Field
            label={t("federation-for-did")}
            name="for_did"
            value={forDid}
            spellcheck={false}
            autocomplete="off"
            placeholder="did:key:z6Mk…"
            hint={t("federation-for-did-hint")}
            error={share.fields.for_did}
            onInput={(e) => setForDid(e.currentTarget.value)}
          />
          <Problem error={share.error} />
          <button type="submit" class="primary" disabled={share.busy || offered.length === 0}>
            {t("federation-share-submit")}
          </button>
        </form>
      )}
      {made && (
        <div class="ok fed-token" role="status">
          <label for={tokenId}>{t("federation-token", { project: made.project })}</label>
          <textarea id={tokenId} readOnly rows={4} class="mono" value={made.token} onFocus={(e) => e.currentTarget.select()} />
          <p>{t("federation-token-note", { expires: made.expires })}</p>
          <CopyButton text={made.token} label={t("federation-copy-token")} select={() => document.getElementById(tokenId)} />
        </div>
      )}
    </section>
  );
}

function Accept({ org, onAccepted }: { org: string; onAccepted: () => void }) {
  const [token, setToken] = useState("");
  const [link, setLink] = useState<Link | null>(null);
  const id = useId("fed-accept");
  const accept = useSubmit(async () => {
    setLink(null);
    const res = await api(FederationService).acceptInvitation({ orgId: org, token: token.trim() });
    setLink(res.link ?? null);
    setToken("");
    onAccepted();
    // The followed project is in this org now: the switcher lists it.
    await selectOrg(org);
  });
  return (
    <section class="card" aria-labelledby="fed-accept-h">
      <h2 id="fed-accept-h">{t("federation-accept")}</h2>
      <form
        aria-labelledby="fed-accept-h"
        onSubmit={(e) => {
          e.preventDefault();
          accept.run();
        }}
      >
        <p>{t("federation-accept-intro")}</p>
        <div class="field">
          <label for={id}>{t("federation-accept-token")}</label>
          <textarea
            id={id}
            rows={4}
            class="mono"
            required
            spellcheck={false}
            value={token}
            aria-invalid={accept.error ? "true" : undefined}
            aria-describedby={accept.error ? `${id}-err` : undefined}
            onInput={(e) => setToken(e.currentTarget.value)}
          />
        </div>
        <div id={`${id}-err`}>
          <Problem error={accept.error} />
        </div>
        <button type="submit" class="primary" disabled={accept.busy || !token.trim()}>
          {t("federation-accept-submit")}
        </button>
      </form>
      {link && (
        <div class="ok" role="status">
          <p title={link.peerDid}>{t("federation-accepted", { project: link.projectName, did: shortDid(link.peerDid) })}</p>
          <a href={projectHome(link.projectId)}>{t("federation-open-project", { project: link.projectName })}</a>
        </div>
      )}
    </section>
  );
}

function stateName(l: Link): string {
  switch (l.state) {
    case LinkState.ACTIVE:
      return t("federation-state-active");
    case LinkState.SUSPENDED:
      return l.suspendedBy === "peer" ? t("federation-state-suspended-peer") : t("federation-state-suspended");
    case LinkState.REMOVED:
      return t("federation-state-removed");
    default:
      return t("federation-state-waiting");
  }
}

function Links({ org, links, onChanged }: { org: string; links: Link[]; onChanged: () => void }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const act = useSubmit(async (what: "suspend" | "resume" | "remove", linkId: string) => {
    const fed = api(FederationService);
    if (what === "suspend") await fed.suspendLink({ orgId: org, linkId });
    else if (what === "resume") await fed.resumeLink({ orgId: org, linkId });
    else await fed.removeLink({ orgId: org, linkId });
    setConfirming(null);
    onChanged();
  });
  const now = Date.now();
  return (
    <>
      <Problem error={act.error} />
      <div class="scroll">
        <table class="links">
          <thead>
            <tr>
              <th scope="col">{t("federation-col-project")}</th>
              <th scope="col">{t("federation-col-role")}</th>
              <th scope="col">{t("federation-col-peer")}</th>
              <th scope="col">{t("federation-col-state")}</th>
              <th scope="col">{t("federation-col-contact")}</th>
              <th scope="col">{t("federation-col-lag")}</th>
              <th scope="col">{t("federation-col-events")}</th>
              <th scope="col">
                <span class="sr-only">{t("col-actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr key={l.id} class={l.state === LinkState.REMOVED ? "revoked" : ""} data-link={l.id}>
                <td>{l.state === LinkState.REMOVED ? l.projectName : <a href={projectHome(l.projectId)}>{l.projectName}</a>}</td>
                <td>{l.role === LinkRole.MEMBER ? t("federation-role-member") : t("federation-role-owner")}</td>
                <td>{l.peerDid ? <code class="nowrap" title={l.peerDid}>{shortDid(l.peerDid)}</code> : <span class="muted">{t("federation-peer-unknown")}</span>}</td>
                <td>
                  <span class="link-state">{stateName(l)}</span>
                  {l.unreachable && l.state !== LinkState.REMOVED && <span class="badge mention">{t("federation-unreachable")}</span>}
                  {l.error && (
                    <>
                      {" "}
                      <span class="badge mention" title={l.error}>
                        {t("federation-error")}
                      </span>
                      <div class="muted small">{l.error}</div>
                    </>
                  )}
                </td>
                <td>{l.lastContactMs > 0n ? <span title={fmtTime(l.lastContactMs)}>{fmtAgo(l.lastContactMs, now)}</span> : <span class="muted">{t("federation-never")}</span>}</td>
                <td>{String(l.lag)}</td>
                <td>
                  {l.role === LinkRole.MEMBER
                    ? t("federation-events-in", { count: Number(l.eventsIn) })
                    : t("federation-events-out", { count: Number(l.eventsOut) })}
                </td>
                <td class="actions">
                  {confirming === l.id ? (
                    <span role="group" aria-label={t("federation-remove-confirm", { project: l.projectName })}>
                      <span>{t("federation-remove-confirm", { project: l.projectName })}</span>{" "}
                      <button type="button" class="danger" disabled={act.busy} onClick={() => act.run("remove", l.id)}>
                        {t("federation-remove-yes")}
                      </button>{" "}
                      <button type="button" onClick={() => setConfirming(null)}>
                        {t("action-cancel")}
                      </button>
                    </span>
                  ) : (
                    <>
                      {l.state === LinkState.ACTIVE && (
                        <button type="button" disabled={act.busy} onClick={() => act.run("suspend", l.id)}>
                          {t("federation-suspend")}
                        </button>
                      )}
                      {l.state === LinkState.SUSPENDED && (
                        <button type="button" disabled={act.busy} onClick={() => act.run("resume", l.id)}>
                          {t("federation-resume")}
                        </button>
                      )}{" "}
                      {l.state !== LinkState.REMOVED && (
                        <button type="button" class="danger" disabled={act.busy} onClick={() => setConfirming(l.id)}>
                          {t("action-remove")}
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
