// Log-in, sign-up, the first-open wizard and the account page (name, password, sessions).
import { useEffect, useState } from "preact/hooks";
import { api, account, saveTokens, logOut } from "../api";
import { AccountService } from "../gen/orbit/system/v1/account_service_pb";
import { SystemService } from "../gen/orbit/system/v1/system_service_pb";
import { OrgService } from "../gen/orbit/system/v1/org_service_pb";
import { ProjectService } from "../gen/orbit/system/v1/project_service_pb";
import { SignUpMode } from "../gen/orbit/system/v1/instance_pb";
import { navigate, query } from "../router";
import { t } from "../i18n";
import { Field, ErrorNote, PageTitle, useSubmit, useLoad } from "../ui";
import { loadOrgs, orgs, resetState, selectOrg } from "../state";

function nextPath() {
  const n = query.value.get("next");
  return n && n.startsWith("/") && !n.startsWith("//") ? n : "/";
}

export function LogIn() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  // A fresh instance has nobody to log in: its first open is the set-up wizard.
  const info = useLoad(() => api(SystemService).getInstanceInfo({}), []);
  useEffect(() => {
    if (info.data?.info && !info.data.info.hasAccounts) navigate("/setup", true);
  }, [info.data]);
  const s = useSubmit(async () => {
    const res = await api(AccountService).logIn({ email, password });
    saveTokens(res.tokens);
    resetState();
    account.value = res.account ?? null;
    await loadOrgs();
    navigate(nextPath(), true);
  });
  return (
    <div class="narrow">
      <PageTitle>{t("login-title")}</PageTitle>
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          s.run();
        }}
      >
        <Field
          label={t("field-email")}
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          error={s.fields.email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <Field
          label={t("field-password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          error={s.fields.password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <ErrorNote error={s.error} />
        <button type="submit" class="primary" disabled={s.busy}>
          {t("login-submit")}
        </button>
      </form>
      <p>
        {t("login-no-account")} <a href={`/signup${location.search}`}>{t("signup-link")}</a>
      </p>
      <p>
        {t("login-forgot")} <a href="/reset">{t("reset-link")}</a>
      </p>
      <p class="muted">
        {t("login-new-instance")} <a href="/setup">{t("setup-title")}</a>
      </p>
    </div>
  );
}

/** Sets a new password with a one-time token an administrator handed over. */
export function ResetPassword() {
  const [token, setToken] = useState(query.value.get("token") ?? "");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [done, setDone] = useState(false);
  const s = useSubmit(async () => {
    if (password !== confirm) {
      s.setFields({ confirm: t("password-mismatch") });
      return;
    }
    await api(AccountService).resetPassword({ resetToken: token.trim(), newPassword: password });
    setDone(true);
  });
  return (
    <div class="narrow">
      <PageTitle>{t("reset-title")}</PageTitle>
      {done ? (
        <p class="ok" role="status">
          {t("reset-done")} <a href="/login">{t("login-link")}</a>
        </p>
      ) : (
        <form
          class="card"
          onSubmit={(e) => {
            e.preventDefault();
            s.run();
          }}
        >
          <p>{t("reset-intro")}</p>
          <Field label={t("field-reset-token")} name="reset_token" required autoComplete="off" value={token} error={s.fields.reset_token} onInput={(e) => setToken(e.currentTarget.value)} />
          <Field
            label={t("field-new-password")}
            name="new_password"
            type="password"
            required
            minLength={12}
            autoComplete="new-password"
            hint={t("password-hint")}
            value={password}
            error={s.fields.new_password ?? s.fields.password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <Field label={t("field-password-confirm")} name="confirm" type="password" required autoComplete="new-password" value={confirm} error={s.fields.confirm} onInput={(e) => setConfirm(e.currentTarget.value)} />
          <ErrorNote error={s.error} />
          <button type="submit" class="primary" disabled={s.busy}>
            {t("reset-submit")}
          </button>
        </form>
      )}
    </div>
  );
}

function SignUpForm({ onDone, submitLabel }: { onDone: (sysAdmin: boolean) => void; submitLabel: string }) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const s = useSubmit(async () => {
    if (password !== confirm) {
      s.setFields({ confirm: t("password-mismatch") });
      return;
    }
    const res = await api(AccountService).signUp({ email, password, displayName: name });
    saveTokens(res.tokens);
    resetState();
    account.value = res.account ?? null;
    onDone(res.account?.sysAdmin === true);
  });
  return (
    <form
      class="card"
      onSubmit={(e) => {
        e.preventDefault();
        s.run();
      }}
    >
      <Field
        label={t("field-display-name")}
        name="display_name"
        required
        maxLength={100}
        autoComplete="name"
        value={name}
        error={s.fields.display_name}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <Field
        label={t("field-email")}
        name="email"
        type="email"
        required
        autoComplete="username"
        value={email}
        error={s.fields.email}
        onInput={(e) => setEmail(e.currentTarget.value)}
      />
      <Field
        label={t("field-password")}
        name="password"
        type="password"
        required
        minLength={12}
        autoComplete="new-password"
        hint={t("password-hint")}
        value={password}
        error={s.fields.password}
        onInput={(e) => setPassword(e.currentTarget.value)}
      />
      <Field
        label={t("field-password-confirm")}
        name="confirm"
        type="password"
        required
        autoComplete="new-password"
        value={confirm}
        error={s.fields.confirm}
        onInput={(e) => setConfirm(e.currentTarget.value)}
      />
      <ErrorNote error={s.error} />
      <button type="submit" class="primary" disabled={s.busy}>
        {submitLabel}
      </button>
    </form>
  );
}

export function SignUp() {
  const info = useLoad(() => api(SystemService).getInstanceInfo({}), []);
  const mode = info.data?.info?.signUp;
  return (
    <div class="narrow">
      <PageTitle>{t("signup-title")}</PageTitle>
      {mode === SignUpMode.CLOSED && <p class="notice">{t("signup-closed")}</p>}
      {mode === SignUpMode.INVITE && <p class="notice">{t("signup-invite-only")}</p>}
      <SignUpForm
        submitLabel={t("signup-submit")}
        onDone={async (sysAdmin) => {
          await loadOrgs();
          // The instance's first account sets it up; anyone else lands home, where their
          // invitations wait (or an org can be made).
          if (sysAdmin && (orgs.value ?? []).length === 0) navigate("/setup", true);
          else navigate(nextPath(), true);
        }}
      />
      <p>
        {t("signup-have-account")} <a href={`/login${location.search}`}>{t("login-link")}</a>
      </p>
    </div>
  );
}

/** First open: the administrator's account (unless signed in), then the first org and project. */
export function Setup() {
  const [orgName, setOrgName] = useState("");
  const [projectName, setProjectName] = useState("");
  const [orgIdMade, setOrgIdMade] = useState<string | null>(null);
  const signedIn = !!account.value;
  const step = !signedIn ? 1 : orgIdMade === null ? 2 : 3;
  const orgStep = useSubmit(async () => {
    const { org } = await api(OrgService).createOrg({ name: orgName });
    await loadOrgs();
    await selectOrg(org!.id);
    setOrgIdMade(org!.id);
  });
  const projectStep = useSubmit(async () => {
    const { project } = await api(ProjectService).createProject({ orgId: orgIdMade!, name: projectName });
    await selectOrg(orgIdMade);
    navigate(`/p/${project!.id}/chat`, true);
  });
  return (
    <div class="narrow">
      <PageTitle>{t("setup-title")}</PageTitle>
      <ol class="steps" aria-label={t("setup-steps")}>
        {[t("setup-step-account"), t("setup-step-org"), t("setup-step-project")].map((label, i) => (
          <li class={i + 1 === step ? "current" : i + 1 < step ? "done" : ""} aria-current={i + 1 === step ? "step" : undefined}>
            {label}
          </li>
        ))}
      </ol>
      {step === 1 && (
        <>
          <p>{t("setup-account-intro")}</p>
          <SignUpForm submitLabel={t("setup-next")} onDone={() => {}} />
        </>
      )}
      {step === 2 && (
        <form
          class="card"
          onSubmit={(e) => {
            e.preventDefault();
            orgStep.run();
          }}
        >
          <p>{t("setup-org-intro")}</p>
          <Field
            label={t("field-org-name")}
            name="name"
            required
            maxLength={100}
            value={orgName}
            error={orgStep.fields.name}
            onInput={(e) => setOrgName(e.currentTarget.value)}
          />
          <ErrorNote error={orgStep.error} />
          <button type="submit" class="primary" disabled={orgStep.busy}>
            {t("setup-next")}
          </button>
        </form>
      )}
      {step === 3 && (
        <form
          class="card"
          onSubmit={(e) => {
            e.preventDefault();
            projectStep.run();
          }}
        >
          <p>{t("setup-project-intro")}</p>
          <Field
            label={t("field-project-name")}
            name="name"
            required
            maxLength={100}
            value={projectName}
            error={projectStep.fields.name}
            onInput={(e) => setProjectName(e.currentTarget.value)}
          />
          <ErrorNote error={projectStep.error} />
          <button type="submit" class="primary" disabled={projectStep.busy}>
            {t("setup-finish")}
          </button>
        </form>
      )}
    </div>
  );
}

export function AccountPage() {
  const me = account.value;
  const [name, setName] = useState(me?.displayName ?? "");
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const profile = useSubmit(async () => {
    const res = await api(AccountService).updateProfile({ displayName: name });
    account.value = res.account ?? account.value;
    setSaved(t("profile-saved"));
  });
  const pw = useSubmit(async () => {
    if (next !== confirm) {
      pw.setFields({ confirm: t("password-mismatch") });
      return;
    }
    const res = await api(AccountService).changePassword({ currentPassword: current, newPassword: next });
    saveTokens(res.tokens);
    setCurrent("");
    setNext("");
    setConfirm("");
    setSaved(t("password-changed"));
  });
  const everywhere = useSubmit(async () => {
    await api(AccountService).logOutEverywhere({});
    await logOut();
    navigate("/login", true);
  });
  if (!me) return null;
  return (
    <div class="narrow">
      <PageTitle>{t("account-title")}</PageTitle>
      {saved && (
        <p class="ok" role="status">
          {saved}
        </p>
      )}
      <section aria-labelledby="profile-h" class="card">
        <h2 id="profile-h">{t("profile-heading")}</h2>
        <p class="muted">{me.email}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            profile.run();
          }}
        >
          <Field
            label={t("field-display-name")}
            name="display_name"
            required
            value={name}
            error={profile.fields.display_name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <ErrorNote error={profile.error} />
          <button type="submit" disabled={profile.busy}>
            {t("action-save")}
          </button>
        </form>
      </section>
      {!me.emailVerified && <VerifyEmail />}
      <section aria-labelledby="pw-h" class="card">
        <h2 id="pw-h">{t("password-heading")}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            pw.run();
          }}
        >
          <Field
            label={t("field-current-password")}
            name="current_password"
            type="password"
            autoComplete="current-password"
            required
            value={current}
            error={pw.fields.current_password}
            onInput={(e) => setCurrent(e.currentTarget.value)}
          />
          <Field
            label={t("field-new-password")}
            name="new_password"
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            hint={t("password-hint")}
            value={next}
            error={pw.fields.new_password ?? pw.fields.password}
            onInput={(e) => setNext(e.currentTarget.value)}
          />
          <Field
            label={t("field-password-confirm")}
            name="confirm"
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            error={pw.fields.confirm}
            onInput={(e) => setConfirm(e.currentTarget.value)}
          />
          <ErrorNote error={pw.error} />
          <button type="submit" disabled={pw.busy}>
            {t("password-submit")}
          </button>
        </form>
      </section>
      <section aria-labelledby="sessions-h" class="card">
        <h2 id="sessions-h">{t("sessions-heading")}</h2>
        <p>{t("sessions-intro")}</p>
        <ErrorNote error={everywhere.error} />
        <button type="button" class="danger" disabled={everywhere.busy} onClick={() => everywhere.run()}>
          {t("sessions-logout-everywhere")}
        </button>
      </section>
    </div>
  );
}

/** Confirms the account's address with the token from the verification mail. */
function VerifyEmail() {
  const [token, setToken] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const verify = useSubmit(async () => {
    const res = await api(AccountService).verifyEmail({ token: token.trim() });
    account.value = res.account ?? account.value;
  });
  const resend = useSubmit(async () => {
    await api(AccountService).resendVerification({});
    setNote(t("verify-sent"));
  });
  return (
    <section aria-labelledby="verify-h" class="card">
      <h2 id="verify-h">{t("verify-heading")}</h2>
      <p>{t("verify-intro")}</p>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          verify.run();
        }}
      >
        <Field label={t("field-verify-token")} name="token" required autoComplete="off" value={token} error={verify.fields.token} onInput={(e) => setToken(e.currentTarget.value)} />
        <button type="submit" disabled={verify.busy}>
          {t("verify-submit")}
        </button>
      </form>
      <ErrorNote error={verify.error ?? resend.error} />
      {note && <p role="status">{note}</p>}
      <button type="button" class="link" disabled={resend.busy} onClick={() => resend.run()}>
        {t("verify-resend")}
      </button>
    </section>
  );
}
