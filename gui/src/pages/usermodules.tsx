// User modules of an org (org-admins): the list and a new one; one module's schema (.proto
// files in a code editor, checked by the server as the admin types — validate_only — with its
// compile errors at their line and column, what would break and what it adds), saving a new
// version, the versions so far, its pages' card templates (the Adaptive Cards designer),
// disabling and deleting. The code editor and the designer load lazily, each its own chunk.
import { useEffect, useRef, useState } from "preact/hooks";
import { Code, ConnectError } from "@connectrpc/connect";
import { fromBinary } from "@bufbuild/protobuf";
import { FieldDescriptorProto_Label, FieldDescriptorProto_Type, FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { api } from "../api";
import { navigate } from "../router";
import { UserModuleService } from "../gen/orbit/user/v1/user_module_service_pb";
import type { EntityPages, EntityType, SchemaError, UserModule } from "../gen/orbit/user/v1/user_module_pb";
import type { ModulePage } from "../gen/orbit/system/v1/module_pb";
import { t, fmtTime } from "../i18n";
import { Field, ErrorNote, PageTitle, useSubmit, useLoad, Loading, Empty, lazyPage, describeError } from "../ui";
import { currentOrg, reloadUserModules } from "../state";
import type { Editor, Problem } from "./editor";
import "./usermodules.css";

const PageDesigner = lazyPage(() => import("./designer").then((m) => m.PageDesigner));

/** How long typing pauses before the schema is checked. */
const CHECK_AFTER_MS = 600;

/** The package a module's schema declares: the server's once known, else the one it will ask. */
const packageOf = (m: UserModule) => m.package || `orbit.user.${m.namespace}.${m.name}.v1`;

export function UserModules({ org }: { org: string }) {
  const list = useLoad(() => api(UserModuleService).listModules({ orgId: org }), [org]);
  const modules = list.data?.modules ?? [];
  return (
    <div>
      <PageTitle>{t("umod-title", { org: currentOrg.value?.name ?? "" })}</PageTitle>
      <p class="wide">{t("umod-intro")}</p>
      {list.loading && !list.data ? (
        <Loading />
      ) : list.error ? (
        <ErrorNote error={list.error} retry={list.reload} />
      ) : modules.length === 0 ? (
        <Empty>{t("umod-empty")}</Empty>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("col-name")}</th>
                <th scope="col">{t("umod-description")}</th>
                <th scope="col">{t("umod-col-package")}</th>
                <th scope="col">{t("umod-col-version")}</th>
                <th scope="col">{t("umod-col-state")}</th>
              </tr>
            </thead>
            <tbody>
              {modules.map((m) => (
                <tr key={m.name}>
                  <td>
                    <a href={`/o/${org}/modules/${m.name}`}>{m.name}</a>
                  </td>
                  <td>{m.description}</td>
                  <td>
                    <code>{packageOf(m)}</code>
                  </td>
                  <td>{m.version || t("umod-no-schema")}</td>
                  <td>{m.disabled ? t("umod-disabled") : t("umod-enabled")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateModule org={org} />
    </div>
  );
}

function CreateModule({ org }: { org: string }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const create = useSubmit(async () => {
    const res = await api(UserModuleService).createModule({ orgId: org, name: name.trim(), description: description.trim() });
    navigate(`/o/${org}/modules/${res.module?.name ?? name.trim()}`);
  });
  return (
    <section aria-labelledby="umod-new-h" class="card narrow">
      <h2 id="umod-new-h">{t("umod-create")}</h2>
      <form
        aria-labelledby="umod-new-h"
        onSubmit={(e) => {
          e.preventDefault();
          create.run();
        }}
      >
        <Field
          label={t("col-name")}
          name="name"
          required
          maxLength={32}
          pattern="[a-z][a-z0-9_]*"
          hint={t("umod-name-hint")}
          value={name}
          error={create.fields.name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <Field
          label={t("umod-description")}
          name="description"
          maxLength={200}
          value={description}
          error={create.fields.description}
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
        <ErrorNote error={create.error} />
        <button type="submit" class="primary" disabled={create.busy}>
          {t("umod-create-button")}
        </button>
      </form>
    </section>
  );
}

/** One module; keyed by name so another module starts afresh. */
export function UserModuleDetail({ org, name }: { org: string; name: string }) {
  return <Detail key={name} org={org} name={name} />;
}

function Detail({ org, name }: { org: string; name: string }) {
  const got = useLoad(() => api(UserModuleService).getModule({ orgId: org, name }), [org, name]);
  const changed = () => {
    got.reload();
    void reloadUserModules();
  };
  if (got.loading && !got.data) return <Loading />;
  if (got.error && !got.data) {
    return (
      <div>
        <PageTitle>{name}</PageTitle>
        <ErrorNote error={got.error} retry={got.reload} />
        <p>
          <a href={`/o/${org}/modules`}>{t("umod-back")}</a>
        </p>
      </div>
    );
  }
  const m = got.data!.module!;
  const versions = got.data!.versions;
  return (
    <div class="umod">
      <p>
        <a href={`/o/${org}/modules`}>{t("umod-back")}</a>
      </p>
      <PageTitle>{m.name}</PageTitle>
      {m.description && <p>{m.description}</p>}
      <p class="muted">
        {t("umod-package", { name: packageOf(m) })} · {m.version ? t("umod-version", { n: m.version }) : t("umod-no-schema")}
      </p>
      {m.disabled && <p class="notice">{t("umod-disabled-note")}</p>}
      <SchemaEditor org={org} module={m} latest={versions[versions.length - 1]?.files ?? []} onSaved={changed} />
      <Pages org={org} module={m} custom={got.data!.customPages} onChanged={changed} />
      <section aria-labelledby="umod-history-h">
        <h2 id="umod-history-h">{t("umod-history")}</h2>
        {versions.length === 0 ? (
          <Empty>{t("umod-history-empty")}</Empty>
        ) : (
          <ul class="plain umod-versions">
            {[...versions].reverse().map((v) => (
              <li key={v.version}>
                <details>
                  <summary>{t("umod-version-line", { n: v.version, when: fmtTime(v.uploadedAtMs) })}</summary>
                  {v.changes.length ? (
                    <ul>
                      {v.changes.map((c) => (
                        <li>{c}</li>
                      ))}
                    </ul>
                  ) : (
                    <p class="muted">{t("umod-no-changes")}</p>
                  )}
                  {v.files.map((f) => (
                    <figure class="umod-source">
                      <figcaption>
                        <code>{f.name}</code>
                      </figcaption>
                      <pre tabIndex={0}>{f.content}</pre>
                    </figure>
                  ))}
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
      <State org={org} module={m} onChanged={changed} />
      <Delete org={org} module={m} />
    </div>
  );
}

interface SourceFile {
  name: string;
  content: string;
}

/** What the server said of the text being edited (validate_only). */
interface Check {
  /** The files it was about (stale results are dropped). */
  of: SourceFile[];
  errors: SchemaError[];
  breaking: string[];
  changes: string[];
}

/** A first schema for a new module: its package, the options import and one record type. */
function starter(m: UserModule): SourceFile[] {
  const content = `syntax = "proto3";

package ${packageOf(m)};

import "orbit/user/v1/options.proto";

message Item {
  option (orbit.user.v1.entity) = {};
  string id = 1;
  string name = 2;
}
`;
  return [{ name: `${m.name}.proto`, content }];
}

/** "file:line:column: message" lines of a refused upload, as errors at their place. */
function parseErrors(message: string): SchemaError[] {
  return message.split("\n").flatMap((line) => {
    const m = /^(.+?):(\d+):(\d+): (.*)$/.exec(line.trim());
    return m ? [{ file: m[1], line: Number(m[2]), column: Number(m[3]), message: m[4] } as SchemaError] : [];
  });
}

const place = (e: SchemaError) => (e.line ? `${e.file}:${e.line}:${e.column}` : e.file);

function SchemaEditor({ org, module: m, latest, onSaved }: { org: string; module: UserModule; latest: { name: string; content: string }[]; onSaved: () => void }) {
  const [files, setFiles] = useState<SourceFile[]>(() => (latest.length ? latest.map((f) => ({ name: f.name, content: f.content })) : starter(m)));
  const [current, setCurrent] = useState(0);
  const [check, setCheck] = useState<Check | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [editorError, setEditorError] = useState<unknown>(null);
  const [ready, setReady] = useState(false);
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Editor | null>(null);
  const filesRef = useRef(files);
  filesRef.current = files;
  const currentRef = useRef(current);
  currentRef.current = current;
  const file = files[current] ?? files[0];

  // The editor (its own chunk): made once, fed the current file.
  useEffect(() => {
    let gone = false;
    import("./editor").then(
      ({ protoEditor }) => {
        if (gone || !host.current) return;
        editor.current = protoEditor(host.current, {
          text: filesRef.current[currentRef.current]?.content ?? "",
          label: t("umod-editor-label"),
          onChange: (text) => {
            setSaved(null);
            setSaveError(null);
            setFiles((fs) => fs.map((f, i) => (i === currentRef.current ? { ...f, content: text } : f)));
          },
        });
        setReady(true);
      },
      (e) => setEditorError(e),
    );
    return () => {
      gone = true;
      editor.current?.destroy();
      editor.current = null;
    };
  }, []);
  useEffect(() => {
    editor.current?.setText(file?.content ?? "");
  }, [current]);

  // Checked by the server a moment after typing stops; nothing is applied.
  useEffect(() => {
    let gone = false;
    const timer = setTimeout(async () => {
      try {
        const res = await api(UserModuleService).uploadSchema({ orgId: org, name: m.name, files, validateOnly: true });
        if (gone) return;
        setCheck({ of: files, errors: res.errors, breaking: res.breaking, changes: res.changes });
        setCheckError(null);
      } catch (e) {
        if (!gone) setCheckError(e);
      }
    }, CHECK_AFTER_MS);
    return () => {
      gone = true;
      clearTimeout(timer);
    };
  }, [files]);

  const errors = saveError instanceof ConnectError && saveError.code === Code.InvalidArgument ? parseErrors(saveError.rawMessage) : check?.errors ?? [];
  const fresh = check?.of === files;
  // The current file's problems in the editor, at their line and column.
  useEffect(() => {
    const mine = errors.filter((e) => e.file === file?.name || (!e.file && files.length === 1));
    editor.current?.setProblems(mine.map((e): Problem => ({ line: e.line, column: e.column, message: e.message })));
  }, [check, saveError, current, ready]);

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    setSaved(null);
    try {
      const res = await api(UserModuleService).uploadSchema({ orgId: org, name: m.name, files });
      setSaved(res.module?.version ?? 0);
      setCheck({ of: files, errors: [], breaking: [], changes: [] });
      onSaved();
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="umod-schema-h" class="umod-schema">
      <h2 id="umod-schema-h">{t("umod-schema")}</h2>
      {files.length > 1 && (
        <div class="field">
          <label for="umod-file">{t("umod-file")}</label>
          <select id="umod-file" value={String(current)} onChange={(e) => setCurrent(Number(e.currentTarget.value))}>
            {files.map((f, i) => (
              <option value={String(i)}>{f.name}</option>
            ))}
          </select>
        </div>
      )}
      <p class="muted">
        <code>{file?.name}</code>
      </p>
      {editorError ? <ErrorNote error={editorError} /> : <div ref={host} class="umod-editor" />}
      {!ready && !editorError && <Loading />}
      <div class="umod-check" role="status" aria-live="polite">
        {checkError ? (
          <span class="field-error">{describeError(checkError)}</span>
        ) : !fresh && !saveError ? (
          <span class="muted">{t("umod-checking")}</span>
        ) : errors.length === 0 && !saveError ? (
          <span class="ok-text">{t("umod-check-ok")}</span>
        ) : null}
      </div>
      {errors.length > 0 && (
        <div class="umod-problems">
          <h3 id="umod-problems-h">{t("umod-problems")}</h3>
          <ul aria-labelledby="umod-problems-h">
            {errors.map((e) => (
              <li>
                {e.line > 0 ? (
                  <button
                    type="button"
                    class="link"
                    onClick={() => {
                      const i = files.findIndex((f) => f.name === e.file);
                      if (i >= 0 && i !== current) setCurrent(i);
                      setTimeout(() => editor.current?.goto(e.line, e.column));
                    }}
                  >
                    {place(e)}
                  </button>
                ) : (
                  place(e) && <code>{place(e)}</code>
                )}
                {place(e) ? ": " : ""}
                {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {fresh && check!.breaking.length > 0 && (
        <div class="umod-breaking">
          <h3 id="umod-breaking-h">{t("umod-breaking")}</h3>
          <ul aria-labelledby="umod-breaking-h">
            {check!.breaking.map((b) => (
              <li>{b}</li>
            ))}
          </ul>
        </div>
      )}
      {fresh && check!.changes.length > 0 && (
        <div class="umod-changes">
          <h3 id="umod-changes-h">{t("umod-changes")}</h3>
          <ul aria-labelledby="umod-changes-h">
            {check!.changes.map((c) => (
              <li>{c}</li>
            ))}
          </ul>
        </div>
      )}
      {saveError ? <SaveProblem error={saveError} /> : null}
      {saved !== null && (
        <p class="ok" role="status">
          {t("umod-saved", { n: saved })}
        </p>
      )}
      <p>
        <button type="button" class="primary" disabled={saving} onClick={() => void save()}>
          {t("umod-save")}
        </button>
      </p>
    </section>
  );
}

/** Why an upload was refused: the compiler's errors or what it would break, one per line. */
function SaveProblem({ error }: { error: unknown }) {
  if (!(error instanceof ConnectError) || (error.code !== Code.InvalidArgument && error.code !== Code.FailedPrecondition)) {
    return <ErrorNote error={error} />;
  }
  const lines = error.rawMessage.split("\n").filter((l) => l.trim());
  return (
    <div class="error" role="alert">
      <p>{error.code === Code.InvalidArgument ? t("umod-save-failed-compile") : t("umod-save-failed-breaking")}</p>
      <ul>
        {lines.map((l) => (
          <li>{l}</li>
        ))}
      </ul>
    </div>
  );
}

type PageKind = "list" | "form" | "detail";
const KINDS: PageKind[] = ["list", "form", "detail"];
const CARD_FIELD = { list: "listCard", form: "formCard", detail: "detailCard" } as const;

/** The generated (or set) page of a record type: its list reads `<service>/List`; the form is
 * at the list's route + `/new`, the detail page at the list's route + `/:id`. */
function pageOf(m: UserModule, e: EntityType, kind: PageKind): ModulePage | undefined {
  const list = m.pages.find((p) => p.data.some((d) => d.method === `${e.service}/List`));
  if (!list || kind === "list") return list;
  if (kind === "form") return m.pages.find((p) => p.route === `${list.route}/new`);
  return m.pages.find((p) => p.route.startsWith(`${list.route}/:`) && p.route.split("/").length === list.route.split("/").length + 1);
}

/** What a record type's pages are expanded with, made up from its fields (the designer's
 * preview): `list` (List), `record` (Get), the route parameters and the texts. */
function sampleData(m: UserModule, e: EntityType): Record<string, unknown> {
  let record: Record<string, unknown> = { id: "id" };
  try {
    const set = fromBinary(FileDescriptorSetSchema, m.descriptorSet);
    const short = e.message.split(".").pop()!;
    const pkg = e.message.slice(0, -short.length - 1);
    const msg = set.file.filter((f) => f.package === pkg).flatMap((f) => f.messageType).find((d) => d.name === short);
    for (const f of msg?.field ?? []) {
      const T = FieldDescriptorProto_Type;
      const one =
        f.type === T.STRING ? f.name : f.type === T.BOOL ? false : f.type === T.MESSAGE ? {} : f.type === T.BYTES ? "" : f.type === T.ENUM ? 0 : 0;
      record[f.jsonName || f.name] = f.label === FieldDescriptorProto_Label.REPEATED ? [one] : one;
    }
  } catch (err) {
    console.warn("descriptor set", err);
    record = { id: "id" };
  }
  // The record's field in requests and answers: the type's name in lowerCamelCase.
  const short = e.message.split(".").pop()!;
  const key = short.charAt(0).toLowerCase() + short.slice(1);
  const rec = { [key]: record, version: "1" };
  return { project: "project", id: "id", list: { records: [rec], nextPageToken: "" }, record: rec };
}

function Pages({ org, module: m, custom, onChanged }: { org: string; module: UserModule; custom: EntityPages[]; onChanged: () => void }) {
  const [open, setOpen] = useState<{ entity: EntityType; kind: PageKind } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!m.entities.length) return null;
  const customOf = (e: EntityType) => custom.find((c) => c.message === e.message);
  /** Sets one template of a record type, keeping its others ("" goes back to the default). */
  const setCard = async (e: EntityType, kind: PageKind, card: string) => {
    const c = customOf(e);
    const pages = { message: e.message, listCard: c?.listCard ?? "", formCard: c?.formCard ?? "", detailCard: c?.detailCard ?? "" };
    pages[CARD_FIELD[kind]] = card;
    await api(UserModuleService).setPages({ orgId: org, name: m.name, pages });
    setDone(card ? t("umod-page-saved") : t("umod-page-reset-done"));
    setOpen(null);
    onChanged();
  };
  return (
    <section aria-labelledby="umod-pages-h">
      <h2 id="umod-pages-h">{t("umod-pages")}</h2>
      <p class="muted wide">{t("umod-pages-intro")}</p>
      {done && (
        <p class="ok" role="status">
          {done}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">{t("umod-col-type")}</th>
            <th scope="col">{t("umod-col-pages")}</th>
          </tr>
        </thead>
        <tbody>
          {m.entities.map((e) => (
            <tr key={e.message}>
              <td>
                {e.label} <code class="muted">{e.message}</code>
              </td>
              <td>
                <div class="controls">
                  {KINDS.map((k) => {
                    const own = !!customOf(e)?.[CARD_FIELD[k]];
                    return (
                      <button
                        type="button"
                        aria-expanded={open?.entity.message === e.message && open.kind === k}
                        onClick={() => {
                          setDone(null);
                          setOpen({ entity: e, kind: k });
                        }}
                      >
                        {t(`umod-edit-${k}`)}
                        {own ? ` (${t("umod-page-custom")})` : ""}
                      </button>
                    );
                  })}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && (
        <PageDesigner
          key={`${open.entity.message} ${open.kind}`}
          title={`${open.entity.label}: ${t(`umod-page-${open.kind}`)}`}
          card={customOf(open.entity)?.[CARD_FIELD[open.kind]] || pageOf(m, open.entity, open.kind)?.card || "{}"}
          custom={!!customOf(open.entity)?.[CARD_FIELD[open.kind]]}
          sampleData={sampleData(m, open.entity)}
          onSave={(card: string) => setCard(open.entity, open.kind, card)}
          onReset={() => setCard(open.entity, open.kind, "")}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}

function State({ org, module: m, onChanged }: { org: string; module: UserModule; onChanged: () => void }) {
  const set = useSubmit(async () => {
    await api(UserModuleService).setModuleDisabled({ orgId: org, name: m.name, disabled: !m.disabled });
    onChanged();
  });
  return (
    <section aria-labelledby="umod-state-h">
      <h2 id="umod-state-h">{t("umod-col-state")}</h2>
      <p>
        {m.disabled ? t("umod-disabled") : t("umod-enabled")}{" "}
        <button type="button" disabled={set.busy} onClick={() => set.run()}>
          {m.disabled ? t("umod-enable") : t("umod-disable")}
        </button>
      </p>
      <ErrorNote error={set.error} />
    </section>
  );
}

function Delete({ org, module: m }: { org: string; module: UserModule }) {
  const [confirm, setConfirm] = useState("");
  const del = useSubmit(async () => {
    await api(UserModuleService).deleteModule({ orgId: org, name: m.name, confirm });
    void reloadUserModules();
    navigate(`/o/${org}/modules`);
  });
  return (
    <section aria-labelledby="umod-delete-h" class="card narrow">
      <h2 id="umod-delete-h">{t("umod-delete")}</h2>
      <p>{t("umod-delete-intro", { name: m.name })}</p>
      <form
        aria-labelledby="umod-delete-h"
        onSubmit={(e) => {
          e.preventDefault();
          if (confirm === m.name) del.run();
        }}
      >
        <Field
          label={t("umod-delete-confirm")}
          name="confirm"
          autoComplete="off"
          value={confirm}
          error={del.fields.confirm}
          onInput={(e) => setConfirm(e.currentTarget.value)}
        />
        <ErrorNote error={del.error} />
        <button type="submit" class="danger" disabled={del.busy || confirm !== m.name}>
          {t("umod-delete")}
        </button>
      </form>
    </section>
  );
}
