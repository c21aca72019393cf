// Surveys of a project: a builder for project admins (draft → open → closed),
// answering (with conditional questions), and results that update live (WatchResults) as a
// bar chart drawn with plain HTML, plus the CSV export.
import { useEffect, useState } from "preact/hooks";
import { create } from "@bufbuild/protobuf";
import { api } from "../api";
import { SurveyService } from "../gen/orbit/survey/v1/survey_service_pb";
import {
  AnswerSchema,
  QuestionSchema,
  ResultsVisibility,
  SurveyState,
  type Answer,
  type Question,
  type Results,
  type Survey,
} from "../gen/orbit/survey/v1/survey_pb";
import { navigate } from "../router";
import { t, fmtTime } from "../i18n";
import { Field, ErrorNote, PageTitle, useSubmit, useLoad, Loading, SharedMark } from "../ui";
import { follow } from "../stream";
import { isProjectAdmin } from "../state";

/** A survey, or the builder at "new" (the list of surveys is the survey module's card page). */
export function Surveys({ project, survey }: { project: string; survey: string }) {
  if (survey === "new") return <Builder project={project} />;
  return <SurveyView project={project} id={survey} />;
}

type Kind = "single" | "multiple" | "rating" | "number" | "text" | "pledge";
interface Draft {
  title: string;
  kind: Kind;
  optional: boolean;
  choices: string;
  unit: string;
  minPeople: string;
  /** Show only if question number `condOn` (an earlier choice question, -1: always)… */
  condOn: number;
  /** …was answered with one of these choice ids. */
  condChoices: string[];
}

const choiceLines = (d: Draft) =>
  d.choices
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
const blank = (): Draft => ({ title: "", kind: "single", optional: false, choices: "", unit: "", minPeople: "", condOn: -1, condChoices: [] });

function toQuestion(d: Draft, i: number): Question {
  const choices = choiceLines(d).map((label, j) => ({ id: `c${j + 1}`, label, cap: 0 }));
  const kind = (() => {
    switch (d.kind) {
      case "single":
        return { case: "single" as const, value: { choices } };
      case "multiple":
        return { case: "multiple" as const, value: { choices, minPicks: 0, maxPicks: 0 } };
      case "rating":
        return { case: "rating" as const, value: {} };
      case "number":
        return { case: "number" as const, value: { unit: d.unit } };
      case "text":
        return { case: "text" as const, value: { maxChars: 2000 } };
      case "pledge":
        return { case: "pledge" as const, value: { unit: d.unit, action: d.title, minPeople: Number(d.minPeople) || 0 } };
    }
  })();
  const condition = d.condOn >= 0 && d.condChoices.length ? { questionId: `q${d.condOn + 1}`, choiceIds: d.condChoices } : undefined;
  return create(QuestionSchema, { id: `q${i + 1}`, title: d.title, optional: d.optional, condition, kind } as never);
}

function Builder({ project }: { project: string }) {
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [visibility, setVisibility] = useState(ResultsVisibility.LIVE);
  const [anonymous, setAnonymous] = useState(false);
  const [qs, setQs] = useState<Draft[]>([blank()]);
  const s = useSubmit(async (open: boolean) => {
    const { survey } = await api(SurveyService).createSurvey({
      projectId: project,
      title,
      description,
      visibility,
      anonymous,
      questions: qs.map(toQuestion),
    });
    if (open) await api(SurveyService).openSurvey({ projectId: project, surveyId: survey!.id });
    navigate(`/p/${project}/surveys/${survey!.id}`);
  });
  const set = (i: number, patch: Partial<Draft>) => setQs(qs.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  return (
    <div class="narrow wide">
      <PageTitle>{t("surveys-new")}</PageTitle>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          s.run(true);
        }}
      >
        <Field label={t("survey-field-title")} name="title" required value={title} error={s.fields.title} onInput={(e) => setTitle(e.currentTarget.value)} />
        <Field label={t("survey-description")} name="description" value={description} error={s.fields.description} onInput={(e) => setDescription(e.currentTarget.value)} />
        <div class="field">
          <label for="survey-visibility">{t("survey-visibility")}</label>
          <select id="survey-visibility" value={visibility} onChange={(e) => setVisibility(Number(e.currentTarget.value))}>
            {[ResultsVisibility.LIVE, ResultsVisibility.AFTER_ANSWER, ResultsVisibility.AFTER_CLOSE].map((v) => (
              <option value={v}>{t(`survey-visibility-${v}`)}</option>
            ))}
          </select>
        </div>
        <label class="check">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.currentTarget.checked)} /> {t("survey-anonymous")}
        </label>
        {qs.map((q, i) => (
          <fieldset class="card">
            <legend>{t("survey-question-n", { n: i + 1 })}</legend>
            <Field label={t("survey-question-title")} name={`q${i}-title`} required value={q.title} onInput={(e) => set(i, { title: e.currentTarget.value })} />
            <div class="field">
              <label for={`q${i}-kind`}>{t("survey-question-kind")}</label>
              <select id={`q${i}-kind`} value={q.kind} onChange={(e) => set(i, { kind: e.currentTarget.value as Kind })}>
                {(["single", "multiple", "rating", "number", "text", "pledge"] as Kind[]).map((k) => (
                  <option value={k}>{t(`survey-kind-${k}`)}</option>
                ))}
              </select>
            </div>
            {(q.kind === "single" || q.kind === "multiple") && (
              <div class="field">
                <label for={`q${i}-choices`}>{t("survey-choices")}</label>
                <textarea id={`q${i}-choices`} rows={4} value={q.choices} onInput={(e) => set(i, { choices: e.currentTarget.value })} />
              </div>
            )}
            {(q.kind === "number" || q.kind === "pledge") && (
              <Field label={t("survey-unit")} name={`q${i}-unit`} value={q.unit} onInput={(e) => set(i, { unit: e.currentTarget.value })} />
            )}
            {q.kind === "pledge" && (
              <Field label={t("survey-min-people")} name={`q${i}-min`} type="number" min={0} value={q.minPeople} onInput={(e) => set(i, { minPeople: e.currentTarget.value })} />
            )}
            <label class="check">
              <input type="checkbox" checked={q.optional} onChange={(e) => set(i, { optional: e.currentTarget.checked })} /> {t("survey-optional")}
            </label>
            {qs.slice(0, i).some((p) => p.kind === "single" || p.kind === "multiple") && (
              <div class="field">
                <label for={`q${i}-cond`}>{t("survey-condition")}</label>
                <select id={`q${i}-cond`} value={q.condOn} onChange={(e) => set(i, { condOn: Number(e.currentTarget.value), condChoices: [] })}>
                  <option value={-1}>{t("survey-condition-none")}</option>
                  {qs.slice(0, i).map((p, j) =>
                    p.kind === "single" || p.kind === "multiple" ? <option value={j}>{t("survey-condition-on", { n: j + 1, title: p.title })}</option> : null,
                  )}
                </select>
              </div>
            )}
            {q.condOn >= 0 && qs[q.condOn] && (
              <fieldset class="question">
                <legend>{t("survey-condition-choices")}</legend>
                {choiceLines(qs[q.condOn]).map((label, j) => {
                  const id = `c${j + 1}`;
                  return (
                    <label class="check">
                      <input
                        type="checkbox"
                        checked={q.condChoices.includes(id)}
                        onChange={(e) =>
                          set(i, { condChoices: e.currentTarget.checked ? [...q.condChoices, id] : q.condChoices.filter((x) => x !== id) })
                        }
                      />{" "}
                      {label}
                    </label>
                  );
                })}
              </fieldset>
            )}
            {qs.length > 1 && (
              <button type="button" class="link danger" onClick={() => setQs(qs.filter((_, j) => j !== i))}>
                {t("survey-remove-question")}
              </button>
            )}
          </fieldset>
        ))}
        <p>
          <button type="button" onClick={() => setQs([...qs, blank()])}>
            {t("survey-add-question")}
          </button>
        </p>
        <ErrorNote error={s.error} />
        {Object.entries(s.fields).map(([f, r]) => (
          <p class="field-error">
            {f}: {r}
          </p>
        ))}
        <button type="submit" class="primary" disabled={s.busy}>
          {t("survey-create-open")}
        </button>{" "}
        <button type="button" disabled={s.busy} onClick={() => s.run(false)}>
          {t("survey-create-draft")}
        </button>
      </form>
    </div>
  );
}

function visible(q: Question, answers: Map<string, Answer>): boolean {
  const c = q.condition;
  if (!c || !c.questionId) return true;
  const a = answers.get(c.questionId);
  return a?.value.case === "choices" && a.value.value.choiceIds.some((id) => c.choiceIds.includes(id));
}

function SurveyView({ project, id }: { project: string; id: string }) {
  const got = useLoad(() => api(SurveyService).getSurvey({ projectId: project, surveyId: id }), [project, id]);
  const [results, setResults] = useState<Results | null>(null);
  const [hidden, setHidden] = useState(false);
  const survey = got.data?.survey;
  // Results, live: the first message comes as soon as the survey's visibility allows.
  useEffect(() => {
    // The watch sends nothing until the survey's visibility lets the caller see results: ask
    // once, to tell "hidden" from "loading".
    api(SurveyService)
      .getResults({ projectId: project, surveyId: id })
      .then(
        (r) => r.results && setResults((cur) => cur ?? r.results!),
        () => setHidden(true),
      );
    const f = follow({
      open: (_after, signal) => api(SurveyService).watchResults({ projectId: project, surveyId: id }, { signal }),
      seq: () => undefined,
      onItem: (m) => {
        if (m.kind.case === "results") {
          setResults(m.kind.value);
          setHidden(false);
        }
      },
      onFatal: () => setHidden(true),
    });
    return () => f.stop();
  }, [project, id, got.data?.myResponse?.version]);
  const admin = isProjectAdmin.value;
  const act = useSubmit(async (what: "open" | "close") => {
    if (what === "open") await api(SurveyService).openSurvey({ projectId: project, surveyId: id });
    else await api(SurveyService).closeSurvey({ projectId: project, surveyId: id });
    got.reload();
  });
  const exportCsv = useSubmit(async () => {
    const parts: Uint8Array[] = [];
    for await (const c of api(SurveyService).exportResponses({ projectId: project, surveyId: id })) parts.push(c.chunk);
    const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: "text/csv" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${survey?.title ?? "survey"}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  if (got.loading && !got.data) return <Loading />;
  if (got.error) return <ErrorNote error={got.error} retry={got.reload} />;
  if (!survey) return null;
  return (
    <div>
      <PageTitle>{survey.title}</PageTitle>
      <SharedMark long />
      <p class="muted">
        {t(`survey-state-${survey.state}`)}
        {survey.closesAtMs > 0n && ` · ${t("survey-closes", { when: fmtTime(survey.closesAtMs) })}`}
        {survey.anonymous && ` · ${t("survey-anonymous")}`}
      </p>
      {survey.description && <p>{survey.description}</p>}
      {admin && (
        <p class="actions">
          {survey.state !== SurveyState.OPEN && (
            <button type="button" class="primary" disabled={act.busy} onClick={() => act.run("open")}>
              {t("survey-open")}
            </button>
          )}
          {survey.state === SurveyState.OPEN && (
            <button type="button" disabled={act.busy} onClick={() => act.run("close")}>
              {t("survey-close")}
            </button>
          )}{" "}
          <button type="button" disabled={exportCsv.busy} onClick={() => exportCsv.run()}>
            {t("survey-export")}
          </button>
          <ErrorNote error={act.error ?? exportCsv.error} />
        </p>
      )}
      <div class="survey-grid">
        {survey.state === SurveyState.OPEN ? (
          <AnswerForm project={project} survey={survey} mine={got.data?.myResponse?.answers ?? []} hasResponse={!!got.data?.myResponse} onDone={got.reload} />
        ) : (
          <p class="notice">{survey.state === SurveyState.DRAFT ? t("survey-draft-note") : t("survey-closed-note")}</p>
        )}
        <section aria-labelledby="results-h">
          <h2 id="results-h">{t("survey-results")}</h2>
          {results ? <ResultsView survey={survey} results={results} /> : hidden ? <p>{t(`survey-results-hidden-${survey.visibility}`)}</p> : <Loading />}
        </section>
      </div>
    </div>
  );
}

function AnswerForm({ project, survey, mine, hasResponse, onDone }: { project: string; survey: Survey; mine: Answer[]; hasResponse: boolean; onDone: () => void }) {
  const [answers, setAnswers] = useState(() => new Map(mine.map((a) => [a.questionId, a])));
  const [saved, setSaved] = useState(false);
  const setA = (qid: string, value: Answer["value"]) => {
    const n = new Map(answers);
    if (value.case === undefined) n.delete(qid);
    else n.set(qid, create(AnswerSchema, { questionId: qid, value } as never));
    setAnswers(n);
    setSaved(false);
  };
  const submit = useSubmit(async () => {
    const list = survey.questions.filter((q) => visible(q, answers)).map((q) => answers.get(q.id)).filter((a): a is Answer => !!a);
    await api(SurveyService).submitResponse({ projectId: project, surveyId: survey.id, answers: list });
    setSaved(true);
    onDone();
  });
  const withdraw = useSubmit(async () => {
    await api(SurveyService).withdrawResponse({ projectId: project, surveyId: survey.id });
    setAnswers(new Map());
    onDone();
  });
  return (
    <form
      class="card"
      aria-label={t("survey-answer")}
      onSubmit={(e) => {
        e.preventDefault();
        submit.run();
      }}
    >
      {survey.questions
        .filter((q) => visible(q, answers))
        .map((q) => (
          <QuestionInput q={q} answer={answers.get(q.id)} error={submit.fields[q.id]} onChange={(v) => setA(q.id, v)} />
        ))}
      <ErrorNote error={submit.error ?? withdraw.error} />
      {Object.keys(submit.fields).length > 0 && (
        <p class="field-error">{Object.entries(submit.fields).map(([f, r]) => `${f}: ${r}`).join("; ")}</p>
      )}
      {saved && (
        <p class="ok" role="status">
          {t("survey-saved")}
        </p>
      )}
      <button type="submit" class="primary" disabled={submit.busy}>
        {hasResponse ? t("survey-update") : t("survey-submit")}
      </button>{" "}
      {hasResponse && (
        <button type="button" disabled={withdraw.busy} onClick={() => withdraw.run()}>
          {t("survey-withdraw")}
        </button>
      )}
    </form>
  );
}

function QuestionInput({ q, answer, error, onChange }: { q: Question; answer?: Answer; error?: string; onChange: (v: Answer["value"]) => void }) {
  const name = `answer-${q.id}`;
  const label = q.optional ? t("survey-optional-label", { title: q.title }) : q.title;
  const k = q.kind;
  const picks = answer?.value.case === "choices" ? answer.value.value.choiceIds : [];
  if (k.case === "single" || k.case === "multiple") {
    const multi = k.case === "multiple";
    return (
      <fieldset class="question">
        <legend>{label}</legend>
        {k.value.choices.map((c) => (
          <label class="check">
            <input
              type={multi ? "checkbox" : "radio"}
              name={name}
              checked={picks.includes(c.id)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                const ids = multi ? (on ? [...picks, c.id] : picks.filter((x) => x !== c.id)) : [c.id];
                onChange(ids.length ? { case: "choices", value: { choiceIds: ids } as never } : { case: undefined });
              }}
            />{" "}
            {c.label}
          </label>
        ))}
        {error && <small class="field-error">{error}</small>}
      </fieldset>
    );
  }
  if (k.case === "rating") {
    const v = answer?.value.case === "rating" ? answer.value.value : 0;
    return (
      <fieldset class="question rating">
        <legend>{label}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label class="check">
            <input type="radio" name={name} checked={v === n} onChange={() => onChange({ case: "rating", value: n })} /> {n}
          </label>
        ))}
      </fieldset>
    );
  }
  if (k.case === "number" || k.case === "pledge") {
    const v = answer?.value.case === "number" ? String(answer.value.value) : answer?.value.case === "pledge" ? String(answer.value.value) : "";
    const unit = k.value.unit;
    return (
      <Field
        label={k.case === "pledge" ? t("survey-pledge-label", { title: label, unit }) : unit ? `${label} (${unit})` : label}
        name={name}
        type="number"
        min={k.case === "pledge" ? 1 : undefined}
        step={k.case === "pledge" ? 1 : "any"}
        value={v}
        error={error}
        onInput={(e) => {
          const s = e.currentTarget.value;
          if (s === "") return onChange({ case: undefined });
          onChange(k.case === "pledge" ? { case: "pledge", value: BigInt(Math.max(0, Math.floor(Number(s)))) } : { case: "number", value: Number(s) });
        }}
      />
    );
  }
  if (k.case === "text") {
    const v = answer?.value.case === "text" ? answer.value.value : "";
    return (
      <div class="field">
        <label for={name}>{label}</label>
        <textarea id={name} rows={3} maxLength={k.value.maxChars || undefined} value={v} onInput={(e) => onChange(e.currentTarget.value ? { case: "text", value: e.currentTarget.value } : { case: undefined })} />
        {error && <small class="field-error">{error}</small>}
      </div>
    );
  }
  return null;
}

function Bar({ label, value, max }: { label: string; value: number; max: number }) {
  const pct = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <li class="bar">
      <span class="bar-label">{label}</span>
      <span class="bar-track" aria-hidden="true">
        <span class="bar-fill" style={{ width: `${pct}%` }} />
      </span>
      <span class="bar-value">{value}</span>
    </li>
  );
}

function ResultsView({ survey, results }: { survey: Survey; results: Results }) {
  return (
    <div aria-live="polite">
      <p>{t("survey-responses", { count: Number(results.responses) })}</p>
      {results.questions.map((r) => {
        const q = survey.questions.find((x) => x.id === r.questionId);
        if (!q) return null;
        const k = q.kind;
        return (
          <div class="result">
            <h3>{q.title}</h3>
            {(k.case === "single" || k.case === "multiple") && (
              <ul class="plain bars" aria-label={q.title}>
                {k.value.choices.map((c) => {
                  const n = Number(r.choices.find((x) => x.choiceId === c.id)?.count ?? 0n);
                  return <Bar label={c.label} value={n} max={Number(r.answered) || 1} />;
                })}
              </ul>
            )}
            {k.case === "rating" && (
              <>
                <p>{t("survey-mean", { mean: r.ratingMean.toFixed(2) })}</p>
                <ul class="plain bars" aria-label={q.title}>
                  {r.ratingHistogram.map((n, i) => (
                    <Bar label={String(i + 1)} value={Number(n)} max={Number(r.answered) || 1} />
                  ))}
                </ul>
              </>
            )}
            {k.case === "number" && (
              <p>{t("survey-number-stats", { sum: r.numberSum, mean: r.numberMean.toFixed(2), min: r.numberMin, max: r.numberMax, unit: k.value.unit })}</p>
            )}
            {k.case === "pledge" && (
              <p>
                {t("survey-pledged", { units: Number(r.pledgedUnits), unit: k.value.unit, people: Number(r.pledgers) })}{" "}
                <strong>{r.thresholdReached ? t("survey-threshold-reached") : t("survey-threshold-not-reached")}</strong>
              </p>
            )}
            {k.case === "text" && <p>{t("survey-text-answers", { count: Number(r.answered) })}</p>}
          </div>
        );
      })}
    </div>
  );
}
