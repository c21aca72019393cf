// Records of a project: pick an entity type, page through a table, create, edit and delete;
// changes by anyone arrive live through FeedService.Subscribe, resumed after the last `seq`.
import { useEffect, useRef, useState } from "preact/hooks";
import type { JsonObject } from "@bufbuild/protobuf";
import { api } from "../api";
import { RecordService } from "../gen/orbit/system/v1/record_service_pb";
import type { Record as OrbitRecord } from "../gen/orbit/system/v1/record_pb";
import { FeedService } from "../gen/orbit/cdc/v1/feed_service_pb";
import { ChangeOperation, type FeedEvent, type FeedMessage } from "../gen/orbit/cdc/v1/feed_pb";
import { navigate } from "../router";
import { t, fmtTime } from "../i18n";
import { Field, ErrorNote, PageTitle, useSubmit, Loading, Empty, SharedMark } from "../ui";
import { follow } from "../stream";
import { orgId, currentProject, tick } from "../state";

const PAGE = 25;
const ENTITY = /^[a-z][a-z0-9_]{0,63}$/;

function knownEntities(project: string): string[] {
  try {
    return JSON.parse(localStorage.getItem(`orbit.entities.${project}`) ?? "[]");
  } catch {
    return [];
  }
}
function remember(project: string, entity: string) {
  const list = knownEntities(project);
  if (!list.includes(entity)) localStorage.setItem(`orbit.entities.${project}`, JSON.stringify([...list, entity].sort()));
}

export function Records({ project, entity }: { project: string; entity?: string }) {
  const [known, setKnown] = useState(() => knownEntities(project));
  const [pick, setPick] = useState("");
  const [pickError, setPickError] = useState<string | null>(null);
  // Whether the table's watch is live: the page's `data-live` (none without a table).
  const [live, setLive] = useState(false);
  // Entity types seen in the project's feed join the list.
  useEffect(() => {
    if (!orgId.value) return;
    const f = follow<FeedMessage>({
      open: async function* (after, signal) {
        // From where this browser last looked (remembered per project), or the oldest
        // retained event (older ones were pruned).
        const head = await api(FeedService).getFeedHead({ orgId: orgId.value!, module: "records" }, { signal });
        const seen = BigInt(localStorage.getItem(`orbit.entities.${project}.seq`) ?? "0");
        let from = after ?? seen;
        if (from < head.prunedThrough || from > head.headSeq) from = head.prunedThrough;
        yield* api(FeedService).subscribe(
          { orgId: orgId.value!, projectId: project, module: "records", start: { case: "afterSeq", value: from } },
          { signal },
        );
      },
      seq: (m) => (m.kind.case === "event" ? m.kind.value.seq : m.kind.case === "heartbeat" ? m.kind.value.headSeq : undefined),
      onItem: (m) => {
        const seq = m.kind.case === "event" ? m.kind.value.seq : m.kind.case === "heartbeat" ? m.kind.value.headSeq : 0n;
        if (seq > 0n) localStorage.setItem(`orbit.entities.${project}.seq`, String(seq));
        if (m.kind.case === "event" && m.kind.value.entity) {
          const e = m.kind.value.entity;
          remember(project, e);
          setKnown((k) => (k.includes(e) ? k : [...k, e].sort()));
        }
      },
      onFatal: () => {},
    });
    return () => f.stop();
  }, [project, orgId.value]);
  const open = (e: string) => {
    if (!ENTITY.test(e)) {
      setPickError(t("records-entity-rule"));
      return;
    }
    setPickError(null);
    remember(project, e);
    setKnown(knownEntities(project));
    navigate(`/p/${project}/records/${e}`);
  };
  return (
    <div data-live={entity ? String(live) : undefined}>
      <PageTitle>{entity ? t("records-entity-title", { entity }) : t("records-page-title", { project: currentProject.value?.name ?? "" })}</PageTitle>
      <SharedMark long />
      <nav aria-label={t("records-entities")} class="entities">
        <ul class="plain inline-list">
          {known.map((e) => (
            <li>
              <a href={`/p/${project}/records/${e}`} aria-current={e === entity ? "page" : undefined}>
                {e}
              </a>
            </li>
          ))}
        </ul>
        <form
          class="inline"
          onSubmit={(ev) => {
            ev.preventDefault();
            open(pick.trim());
          }}
        >
          <Field label={t("records-entity")} name="entity" value={pick} error={pickError} hint={t("records-entity-rule")} onInput={(e) => setPick(e.currentTarget.value)} />
          <button type="submit">{t("records-open")}</button>
        </form>
      </nav>
      {entity ? <Table key={entity} project={project} entity={entity} onLive={setLive} /> : known.length === 0 ? <Empty>{t("records-none")}</Empty> : null}
    </div>
  );
}

const byId = (a: OrbitRecord, b: OrbitRecord) => (a.id < b.id ? -1 : 1);

/** `rows` with a change of the feed applied, unless a row shows that version or a newer one. */
function applyChange(rows: OrbitRecord[], ev: FeedEvent, project: string, entity: string): OrbitRecord[] {
  const i = rows.findIndex((r) => r.id === ev.id);
  if (i >= 0 && rows[i].version >= ev.seq) return rows;
  if (ev.operation === ChangeOperation.DELETE) return i >= 0 ? rows.filter((_, j) => j !== i) : rows;
  const rec = { ...(i >= 0 ? rows[i] : { projectId: project, entity, id: ev.id }), data: ev.data, version: ev.seq, updatedAt: ev.committedAt } as OrbitRecord;
  if (i >= 0) return rows.map((r, j) => (j === i ? rec : r));
  return [...rows, rec].sort(byId);
}

/** The table of one entity type; `onLive` (stable: a state setter) says whether its watch is live. */
function Table({ project, entity, onLive }: { project: string; entity: string; onLive: (live: boolean) => void }) {
  const [tokens, setTokens] = useState<string[]>([""]);
  const [rows, setRows] = useState<OrbitRecord[] | null>(null);
  const [next, setNext] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<OrbitRecord | "new" | null>(null);
  const token = tokens[tokens.length - 1];
  // The changes the watch brought while a listing is on its way, one list per listing: the
  // listing may have been read before them, so they are applied to it when it comes.
  const pending = useRef(new Set<FeedEvent[]>());
  const loadRef = useRef<() => void>(() => {});
  const load = () => {
    setError(null);
    const meanwhile: FeedEvent[] = [];
    pending.current.add(meanwhile);
    api(RecordService)
      .listRecords({ projectId: project, entity, pageSize: PAGE, pageToken: token })
      .then(
        (res) => {
          setRows(meanwhile.reduce((rs, ev) => applyChange(rs, ev, project, entity), res.records));
          setNext(res.nextPageToken);
        },
        setError,
      )
      .finally(() => pending.current.delete(meanwhile));
  };
  loadRef.current = load;
  useEffect(load, [project, entity, token, tick.value]);
  // Live: puts and deletes of this entity type update the page shown. The watch opens from now
  // while the page is listed; once it is live (registered at the server, its first heartbeat
  // came) the page is listed again, as a change made before that is not in the watch.
  useEffect(() => {
    if (!orgId.value) return;
    const f = follow<FeedMessage>({
      open: (after, signal) =>
        api(FeedService).subscribe(
          {
            orgId: orgId.value!,
            projectId: project,
            module: "records",
            entity,
            start: after === undefined ? { case: "fromNow", value: true } : { case: "afterSeq", value: after },
          },
          { signal },
        ),
      seq: (m) => (m.kind.case === "event" ? m.kind.value.seq : m.kind.case === "heartbeat" ? m.kind.value.headSeq : undefined),
      onItem: (m) => {
        if (m.kind.case !== "event") return;
        const ev = m.kind.value;
        for (const meanwhile of pending.current) meanwhile.push(ev);
        setRows((rs) => rs && applyChange(rs, ev, project, entity));
      },
      onLive: (on) => {
        onLive(on);
        if (on) loadRef.current();
      },
      onFatal: setError,
    });
    return () => {
      f.stop();
      onLive(false);
    };
  }, [project, entity, orgId.value]);
  const del = useSubmit(async (r: OrbitRecord) => {
    await api(RecordService).deleteRecord({ projectId: project, entity, id: r.id, expectVersion: r.version });
    setRows((rs) => rs?.filter((x) => x.id !== r.id) ?? rs);
  });
  const cols = Array.from(new Set((rows ?? []).flatMap((r) => Object.keys(r.data ?? {})))).slice(0, 8);
  return (
    <section aria-labelledby="records-h">
      <h2 id="records-h" class="sr-only">
        {entity}
      </h2>
      <p>
        <button type="button" class="primary" onClick={() => setEditing("new")}>
          {t("records-new")}
        </button>
      </p>
      {editing && (
        <Editor
          project={project}
          entity={entity}
          record={editing === "new" ? null : editing}
          onDone={(r) => {
            setEditing(null);
            if (r) setRows((rs) => (rs ? [...rs.filter((x) => x.id !== r.id), r].sort(byId) : rs));
          }}
        />
      )}
      <ErrorNote error={error ?? del.error} retry={error ? load : undefined} />
      {rows === null ? (
        !error && <Loading />
      ) : rows.length === 0 ? (
        <Empty>{t("records-empty", { entity })}</Empty>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("records-id")}</th>
                {cols.map((c) => (
                  <th scope="col">{c}</th>
                ))}
                <th scope="col">{t("col-updated")}</th>
                <th scope="col">
                  <span class="sr-only">{t("col-actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <code>{r.id}</code>
                  </td>
                  {cols.map((c) => (
                    <td>{show(r.data?.[c])}</td>
                  ))}
                  <td>{r.updatedAt ? fmtTime(Number(r.updatedAt.seconds) * 1000) : ""}</td>
                  <td class="actions">
                    <button type="button" onClick={() => setEditing(r)}>
                      {t("action-edit")}
                    </button>{" "}
                    <button type="button" class="danger" disabled={del.busy} onClick={() => del.run(r)}>
                      {t("action-delete")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pager" aria-label={t("pager")}>
        <button type="button" disabled={tokens.length < 2} onClick={() => setTokens(tokens.slice(0, -1))}>
          {t("pager-prev")}
        </button>
        <span class="muted">{t("pager-page", { page: tokens.length })}</span>
        <button type="button" disabled={!next} onClick={() => setTokens([...tokens, next])}>
          {t("pager-next")}
        </button>
      </nav>
    </section>
  );
}

function show(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

function Editor({ project, entity, record, onDone }: { project: string; entity: string; record: OrbitRecord | null; onDone: (r: OrbitRecord | null) => void }) {
  const [id, setId] = useState(record?.id ?? "");
  const [json, setJson] = useState(JSON.stringify(record?.data ?? {}, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const s = useSubmit(async () => {
    let data: JsonObject;
    try {
      data = JSON.parse(json);
      if (typeof data !== "object" || data === null || Array.isArray(data)) throw new Error();
    } catch {
      setJsonError(t("records-json-invalid"));
      return;
    }
    setJsonError(null);
    const res = await api(RecordService).putRecord({
      projectId: project,
      entity,
      id: id.trim(),
      data,
      expectVersion: record ? record.version : id.trim() ? 0n : undefined,
    });
    onDone(res.record ?? null);
  });
  return (
    <form
      class="card"
      aria-label={record ? t("records-edit", { id: record.id }) : t("records-new")}
      onSubmit={(e) => {
        e.preventDefault();
        s.run();
      }}
    >
      <Field label={t("records-id")} name="id" value={id} disabled={!!record} hint={record ? undefined : t("records-id-hint")} error={s.fields.id} onInput={(e) => setId(e.currentTarget.value)} />
      <div class="field">
        <label for="record-json">{t("records-data")}</label>
        <textarea
          id="record-json"
          rows={8}
          class="mono"
          value={json}
          aria-invalid={jsonError || s.fields.data ? "true" : undefined}
          aria-describedby={jsonError || s.fields.data ? "record-json-err" : undefined}
          onInput={(e) => setJson(e.currentTarget.value)}
        />
        {(jsonError || s.fields.data) && (
          <small id="record-json-err" class="field-error">
            {jsonError ?? s.fields.data}
          </small>
        )}
      </div>
      <ErrorNote error={s.error} />
      <button type="submit" class="primary" disabled={s.busy}>
        {t("action-save")}
      </button>{" "}
      <button type="button" onClick={() => onDone(null)}>
        {t("action-cancel")}
      </button>
    </form>
  );
}
