// Materialised views of a project: declare a group-by view (project admins), read its rows,
// and watch them change live (WatchView, resumed after its last delta).
import { useEffect, useState } from "preact/hooks";
import { toJson, type JsonValue } from "@bufbuild/protobuf";
import { ValueSchema, type Value } from "@bufbuild/protobuf/wkt";
import { api } from "../api";
import { ViewService } from "../gen/orbit/cdc/v1/view_service_pb";
import { AggregateFunction, ViewState, type ViewMessage, type ViewRow } from "../gen/orbit/cdc/v1/view_pb";
import { ChangeOperation } from "../gen/orbit/cdc/v1/feed_pb";
import { navigate } from "../router";
import { t } from "../i18n";
import { Field, ErrorNote, PageTitle, useSubmit, useLoad, Loading, Empty } from "../ui";
import { follow } from "../stream";
import { isProjectAdmin } from "../state";

export function Views({ project, view }: { project: string; view?: string }) {
  if (view === "new") return <NewView project={project} />;
  if (view) return <ViewRows project={project} name={view} />;
  return <ViewList project={project} />;
}

function ViewList({ project }: { project: string }) {
  const list = useLoad(() => api(ViewService).listViews({ projectId: project }), [project]);
  return (
    <div>
      <PageTitle>{t("views-title")}</PageTitle>
      {isProjectAdmin.value && (
        <p>
          <a class="button primary" href={`/p/${project}/views/new`}>
            {t("views-new")}
          </a>
        </p>
      )}
      {list.loading && !list.data ? (
        <Loading />
      ) : list.error ? (
        <ErrorNote error={list.error} retry={list.reload} />
      ) : list.data!.views.length === 0 ? (
        <Empty>{t("views-empty")}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("col-name")}</th>
              <th scope="col">{t("records-entity")}</th>
              <th scope="col">{t("views-group-by")}</th>
              <th scope="col">{t("views-rows")}</th>
              <th scope="col">{t("admin-health")}</th>
            </tr>
          </thead>
          <tbody>
            {list.data!.views.map((v) => (
              <tr>
                <td>
                  <a href={`/p/${project}/views/${v.declaration?.name}`}>{v.declaration?.name}</a>
                </td>
                <td>{v.declaration?.entity}</td>
                <td>{v.declaration?.groupBy}</td>
                <td>{String(v.rows)}</td>
                <td>{v.state === ViewState.STALLED ? t("views-stalled", { reason: v.stalledReason }) : v.checkpointSeq < v.headSeq ? t("views-catching-up") : t("views-current")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const FUNCTIONS = [AggregateFunction.COUNT, AggregateFunction.SUM, AggregateFunction.MIN, AggregateFunction.MAX, AggregateFunction.LATEST];

function NewView({ project }: { project: string }) {
  const [name, setName] = useState("");
  const [entity, setEntity] = useState("");
  const [groupBy, setGroupBy] = useState("");
  const [aggs, setAggs] = useState([{ name: "count", fn: AggregateFunction.COUNT, field: "" }]);
  const s = useSubmit(async () => {
    await api(ViewService).createView({
      projectId: project,
      declaration: { name, entity, groupBy, aggregates: aggs.map((a) => ({ name: a.name, function: a.fn, field: a.field })) },
    });
    navigate(`/p/${project}/views/${name}`);
  });
  const set = (i: number, patch: Partial<(typeof aggs)[number]>) => setAggs(aggs.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <div class="narrow">
      <PageTitle>{t("views-new")}</PageTitle>
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          s.run();
        }}
      >
        <Field label={t("col-name")} name="name" required value={name} error={s.fields.name} hint={t("records-entity-rule")} onInput={(e) => setName(e.currentTarget.value)} />
        <Field label={t("records-entity")} name="entity" required value={entity} error={s.fields.entity} onInput={(e) => setEntity(e.currentTarget.value)} />
        <Field label={t("views-group-by")} name="group_by" required value={groupBy} error={s.fields.group_by} hint={t("views-field-hint")} onInput={(e) => setGroupBy(e.currentTarget.value)} />
        {aggs.map((a, i) => (
          <fieldset class="card">
            <legend>{t("views-column-n", { n: i + 1 })}</legend>
            <Field label={t("col-name")} name={`agg${i}-name`} required value={a.name} onInput={(e) => set(i, { name: e.currentTarget.value })} />
            <div class="field">
              <label for={`agg${i}-fn`}>{t("views-function")}</label>
              <select id={`agg${i}-fn`} value={a.fn} onChange={(e) => set(i, { fn: Number(e.currentTarget.value) })}>
                {FUNCTIONS.map((f) => (
                  <option value={f}>{t(`views-fn-${f}`)}</option>
                ))}
              </select>
            </div>
            {a.fn !== AggregateFunction.COUNT && (
              <Field label={t("views-field")} name={`agg${i}-field`} required value={a.field} onInput={(e) => set(i, { field: e.currentTarget.value })} />
            )}
            {aggs.length > 1 && (
              <button type="button" class="link danger" onClick={() => setAggs(aggs.filter((_, j) => j !== i))}>
                {t("action-remove")}
              </button>
            )}
          </fieldset>
        ))}
        <p>
          <button type="button" onClick={() => setAggs([...aggs, { name: "", fn: AggregateFunction.SUM, field: "" }])}>
            {t("views-add-column")}
          </button>
        </p>
        <ErrorNote error={s.error} />
        {Object.entries(s.fields)
          .filter(([f]) => !["name", "entity", "group_by"].includes(f))
          .map(([f, r]) => (
            <p class="field-error">
              {f}: {r}
            </p>
          ))}
        <button type="submit" class="primary" disabled={s.busy}>
          {t("action-create")}
        </button>
      </form>
    </div>
  );
}

const json = (g: Value | undefined): JsonValue => (g ? toJson(ValueSchema, g) : null);
const keyOf = (g: Value | undefined) => JSON.stringify(json(g));

function show(v: JsonValue | undefined): string {
  if (v === undefined || v === null) return "";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

function ViewRows({ project, name }: { project: string; name: string }) {
  const info = useLoad(() => api(ViewService).getView({ projectId: project, name }), [project, name]);
  const [rows, setRows] = useState<Map<string, ViewRow> | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Whether the watch is live: the page's `data-live`.
  const [watching, setWatching] = useState(false);
  useEffect(() => {
    let live = true;
    // The deltas the watch brought while a read is on its way, one map per read (a group's
    // newest row, or null: deleted): the read may have been made before them.
    const pending = new Set<Map<string, ViewRow | null>>();
    // The watch (from now) and a read of every row at once, for a quick first view; read again
    // once the watch is live (registered at the server, its first heartbeat came), as a delta
    // committed before that is not in the watch. (Opened from now again after a break, it is
    // live, and read, again; resumed after its last delta, it misses nothing.)
    const f = follow<ViewMessage>({
      open: (after, signal) =>
        api(ViewService).watchView(
          { projectId: project, name, start: after === undefined ? { case: "fromNow", value: true } : { case: "afterSeq", value: after } },
          { signal },
        ),
      seq: (m) => (m.kind.case === "delta" ? m.kind.value.seq : m.kind.case === "heartbeat" ? m.kind.value.headSeq : undefined),
      onItem: (m) => {
        if (m.kind.case !== "delta" || !m.kind.value.row) return;
        const d = m.kind.value;
        const key = keyOf(d.row!.group);
        for (const meanwhile of pending) meanwhile.set(key, d.operation === ChangeOperation.DELETE ? null : d.row!);
        setRows((rs) => {
          const n = new Map(rs ?? []);
          if (d.operation === ChangeOperation.DELETE) n.delete(keyOf(d.row!.group));
          else n.set(keyOf(d.row!.group), d.row!);
          return n;
        });
      },
      onLive: (on) => {
        if (!live) return;
        setWatching(on);
        if (on) read().catch(() => {});
      },
      onFatal: (e) => live && setError(e),
    });
    // Read every row, with the deltas that came meanwhile on top; while the view is still
    // folding older events (just declared or rebuilt), read again each second until it has
    // caught up with the feed.
    const read = async () => {
      const meanwhile = new Map<string, ViewRow | null>();
      pending.add(meanwhile);
      try {
        const all = new Map<string, ViewRow>();
        let token = "";
        do {
          const res = await api(ViewService).queryView({ projectId: project, name, pageSize: 1000, pageToken: token });
          for (const r of res.rows) all.set(keyOf(r.group), r);
          token = res.nextPageToken;
        } while (token && live);
        if (!live) return;
        for (const [key, row] of meanwhile) {
          if (row) all.set(key, row);
          else all.delete(key);
        }
        setRows(all);
      } finally {
        pending.delete(meanwhile);
      }
      const { view } = await api(ViewService).getView({ projectId: project, name });
      if (live && view && view.checkpointSeq < view.headSeq) {
        clearTimeout(timer);
        timer = setTimeout(() => read().catch(() => {}), 1000);
      }
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    read().catch((e) => live && setError(e));
    return () => {
      live = false;
      clearTimeout(timer);
      f.stop();
      setWatching(false);
    };
  }, [project, name]);
  const act = useSubmit(async (what: "rebuild" | "drop") => {
    if (what === "rebuild") {
      await api(ViewService).rebuildView({ projectId: project, name });
      info.reload();
    } else {
      await api(ViewService).dropView({ projectId: project, name });
      navigate(`/p/${project}/views`);
    }
  });
  const decl = info.data?.view?.declaration;
  const cols = decl?.aggregates.map((a) => a.name) ?? [];
  const list = [...(rows?.values() ?? [])].sort((a, b) => keyOf(a.group).localeCompare(keyOf(b.group)));
  return (
    <div data-live={String(watching)}>
      <PageTitle>{t("views-view-title", { name })}</PageTitle>
      {decl && <p class="muted">{t("views-describe", { entity: decl.entity, field: decl.groupBy })}</p>}
      {isProjectAdmin.value && (
        <p>
          <button type="button" disabled={act.busy} onClick={() => act.run("rebuild")}>
            {t("views-rebuild")}
          </button>{" "}
          <button type="button" class="danger" disabled={act.busy} onClick={() => act.run("drop")}>
            {t("views-drop")}
          </button>
        </p>
      )}
      <ErrorNote error={error ?? info.error ?? act.error} />
      {rows === null ? (
        !error && <Loading />
      ) : list.length === 0 ? (
        <Empty>{t("views-no-rows")}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{decl?.groupBy ?? t("views-group-by")}</th>
              {cols.map((c) => (
                <th scope="col">{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr>
                <td>{json(r.group) === null ? <em>{t("views-null")}</em> : typeof json(r.group) === "object" ? JSON.stringify(json(r.group)) : String(json(r.group))}</td>
                {cols.map((c) => (
                  <td>{show(r.values?.[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
