//! The seeder: fills a running instance with plausible random data through the public gRPC
//! API only (`orbit seed`), and the small demo `orbit serve` seeds on a fresh data
//! directory (`demo.rs`).
//!
//! `generate.rs` builds a random valid request for any RPC from its descriptor; `call.rs`
//! sends it; `phases.rs` runs the phases in order (orgs, projects, people, records, views,
//! chat, other modules), overriding a few fields for realism; `survey.rs` builds surveys
//! whose questions hang together and answers with a shape; `template.rs` holds the sizes
//! (flags or a YAML bootstrap template); `summary.rs` prints what was made and the log-ins.
//! Same `--seed`, same content: every choice and every fake value comes from a seeded
//! ChaCha RNG; only ids the server assigns differ.
//!
//! The seeder does not use the `Module::seed` hook of orbit-module: that hook runs inside
//! the server with a module's own database and bypasses the API and its permission checks,
//! while this seeder is a client (it may run on another machine, against any version that
//! serves the API) and seeds a module it has never heard of through the module's RPCs.

pub(crate) mod call;
pub(crate) mod demo;
pub(crate) mod generate;
pub(crate) mod phases;
pub(crate) mod summary;
pub(crate) mod survey;
pub(crate) mod template;

use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::Args;
use zeroize::Zeroizing;

use crate::seed::phases::{Client, Run};
use crate::seed::summary::Summary;
use crate::seed::template::Template;

/// Flags of `orbit seed`.
#[derive(Debug, Args)]
pub(crate) struct SeedArgs {
    /// The server to fill.
    #[arg(long, value_name = "URL", default_value = "http://127.0.0.1:50051")]
    pub(crate) server: String,

    /// The account that seeds: logged in, or signed up if it does not exist (the first
    /// account of a fresh instance becomes its sys-admin). Its password, and every demo
    /// user's, comes from ORBIT_SEED_PASSWORD, or is generated and printed at the end.
    #[arg(long, value_name = "EMAIL", default_value = "admin@orbit.example")]
    pub(crate) admin_email: String,

    /// Seed of the random generator: the same seed gives the same content.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub(crate) seed: u64,

    /// Bootstrap template (YAML) with the sizes of every phase; flags below override it.
    #[arg(long, value_name = "PATH")]
    pub(crate) template: Option<PathBuf>,

    /// Organisations to create.
    #[arg(long, value_name = "N")]
    pub(crate) orgs: Option<u32>,

    /// Projects per organisation.
    #[arg(long, value_name = "N")]
    pub(crate) projects: Option<u32>,

    /// Project-users per organisation (each joins every project of it).
    #[arg(long, value_name = "N")]
    pub(crate) users: Option<u32>,

    /// Records per project.
    #[arg(long, value_name = "N")]
    pub(crate) records: Option<u32>,

    /// Views per project (at most 4).
    #[arg(long, value_name = "N")]
    pub(crate) views: Option<u32>,

    /// Chat rooms per project (when the server runs chat).
    #[arg(long, value_name = "N")]
    pub(crate) rooms: Option<u32>,

    /// Chat messages per room.
    #[arg(long, value_name = "N")]
    pub(crate) messages: Option<u32>,

    /// Requests in flight at once while writing records.
    #[arg(long, value_name = "N", default_value_t = 32)]
    pub(crate) concurrency: usize,

    /// No progress bars (they are drawn on a terminal only anyway).
    #[arg(long)]
    pub(crate) no_progress: bool,
}

/// Everything one seeding run needs.
pub(crate) struct Options {
    pub(crate) server: String,
    pub(crate) admin_email: String,
    pub(crate) password: Zeroizing<String>,
    pub(crate) seed: u64,
    pub(crate) template: Template,
    pub(crate) progress: bool,
    pub(crate) concurrency: usize,
}

/// `orbit seed`: builds the options, seeds, prints the summary.
pub(crate) async fn run(args: SeedArgs) -> anyhow::Result<()> {
    let mut template = match &args.template {
        Some(path) => Template::load(path)?,
        None => Template::default(),
    };
    let chat = |template: &mut Template| {
        template
            .modules
            .get_or_insert_with(Default::default)
            .entry("chat".to_owned())
            .or_default()
            .to_owned()
    };
    if let Some(n) = args.orgs {
        template.orgs = n;
    }
    if let Some(n) = args.projects {
        template.projects_per_org = n;
    }
    if let Some(n) = args.users {
        template.users_per_org.project_user = n;
    }
    if let Some(n) = args.records {
        template.records_per_project = n;
    }
    if let Some(n) = args.views {
        template.views_per_project = n;
    }
    if args.rooms.is_some() || args.messages.is_some() {
        let mut sizes = chat(&mut template);
        if let Some(n) = args.rooms {
            sizes.rooms_per_project = n;
        }
        if let Some(n) = args.messages {
            sizes.messages_per_room = n;
        }
        template
            .modules
            .get_or_insert_with(Default::default)
            .insert("chat".into(), sizes);
    }
    template.validate()?;
    let password = match std::env::var("ORBIT_SEED_PASSWORD") {
        Ok(password) if password.chars().count() >= 12 => Zeroizing::new(password),
        Ok(_) => bail!("ORBIT_SEED_PASSWORD is shorter than 12 characters; choose a longer one"),
        Err(std::env::VarError::NotPresent) => random_password(),
        Err(std::env::VarError::NotUnicode(_)) => {
            bail!("ORBIT_SEED_PASSWORD is not valid UTF-8; set it again")
        }
    };
    let options = Options {
        server: args.server,
        admin_email: args.admin_email,
        password,
        seed: args.seed,
        template,
        progress: !args.no_progress,
        concurrency: args.concurrency.max(1),
    };
    let summary = seed(&options).await?;
    print!("{}", summary.render());
    Ok(())
}

/// Seeds `options.server`; nothing is written before the template is checked against the
/// modules the server runs.
pub(crate) async fn seed(options: &Options) -> anyhow::Result<Summary> {
    let channel = call::connect(&options.server, None).await?;
    let client = Client {
        url: options.server.clone(),
        channel,
    };
    let (running, sign_up) = Run::server_modules(&client).await?;
    options.template.check_modules(&running)?;
    if sign_up == orbit_proto::orbit::system::v1::SignUpMode::Closed as i32
        && options.template.users_per_org.total() > 0
    {
        bail!(
            "sign-up is closed on {}; the seeder's users join by signing up, so start the server with --signup open or invite",
            options.server
        );
    }
    let modules = options.template.modules_to_seed(&running);
    let mut run = Run {
        client,
        seed: options.seed,
        template: &options.template,
        password: &options.password,
        progress: options.progress,
        concurrency: options.concurrency,
        admin_token: String::new(),
        orgs: Vec::new(),
        projects: Vec::new(),
        members: Vec::new(),
        summary: Summary::default(),
    };
    run.admin(&options.admin_email).await?;
    run.orgs().await?;
    run.projects().await?;
    run.people().await?;
    run.records().await?;
    run.views().await?;
    run.user_modules().await.context("seeding user modules")?;
    for (name, sizes) in &modules {
        if name == "chat" {
            run.chat(sizes).await.context("seeding chat")?;
        } else if name == "survey" {
            run.surveys(sizes).await.context("seeding surveys")?;
        } else {
            run.generic_module(name, sizes)
                .await
                .with_context(|| format!("seeding module {name}"))?;
        }
    }
    Ok(run.summary)
}

/// A password for the demo log-ins, from the operating system's randomness (never from the
/// seed: a seed is not a secret).
pub(crate) fn random_password() -> Zeroizing<String> {
    use fake::rand::RngExt;
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = fake::rand::rng();
    let groups: Vec<String> = (0..4)
        .map(|_| {
            (0..5)
                .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
                .collect()
        })
        .collect();
    Zeroizing::new(groups.join("-"))
}
