//! The seeding phases, in order: check the server, the admin's log-in, orgs, projects,
//! people (invited, signed up, accepting), records, views, chat, then every other module
//! through the generic request builder. Each phase shows a progress bar and returns what it
//! created; content comes from an RNG derived from the run's seed and the unit being seeded
//! ([`unit_rng`]), so concurrent work still gives the same content for the same seed.
//!
//! Everything goes through the public gRPC API, as any client would.

use std::net::{IpAddr, Ipv4Addr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use fake::rand::rngs::ChaCha8Rng;
use fake::rand::seq::{IndexedRandom, SliceRandom};
use fake::rand::{RngExt, SeedableRng};
use futures::{StreamExt, TryStreamExt};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::user::v1 as upb;
use prost::Message as _;
use prost_reflect::{DynamicMessage, Value};
use tonic::Code;
use tonic::transport::Channel;

use crate::seed::call;
use crate::seed::generate::{self, Ids, Person};
use crate::seed::summary::{Login, Summary};
use crate::seed::template::{ModuleSizes, Template};

/// Sign-ups one client address may make before the server's limit (its burst).
const SIGN_UPS_PER_ADDRESS: u32 = 5;

/// An RNG for one unit of work (`label`, `index`), derived from the run's seed.
pub(crate) fn unit_rng(seed: u64, label: &str, index: u64) -> ChaCha8Rng {
    let mut hash = seed ^ 0x9e37_79b9_7f4a_7c15;
    for byte in label.bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    hash ^= index.wrapping_add(1).wrapping_mul(0xff51_afd7_ed55_8ccd);
    ChaCha8Rng::seed_from_u64(hash)
}

/// The connection and the calls every phase makes.
pub(crate) struct Client {
    pub(crate) url: String,
    pub(crate) channel: Channel,
}

impl Client {
    /// Sends a generated (or overridden) request.
    pub(crate) async fn call(
        &self,
        path: &str,
        request: DynamicMessage,
        token: Option<&str>,
    ) -> Result<DynamicMessage, tonic::Status> {
        call::unary(&self.channel, &call::method(path), request, token).await
    }

    /// Sends a typed request through the same path and reads the typed answer.
    pub(crate) async fn typed<Response: prost::Message + Default>(
        &self,
        path: &str,
        request: impl prost::Message,
        token: Option<&str>,
    ) -> Result<Response, tonic::Status> {
        typed_on(&self.channel, path, request, token).await
    }
}

async fn typed_on<Response: prost::Message + Default>(
    channel: &Channel,
    path: &str,
    request: impl prost::Message,
    token: Option<&str>,
) -> Result<Response, tonic::Status> {
    let method = call::method(path);
    let request = DynamicMessage::decode(method.input(), request.encode_to_vec().as_slice())
        .map_err(|e| tonic::Status::internal(format!("request does not fit {path}: {e}")))?;
    let answer = call::unary(channel, &method, request, token).await?;
    Response::decode(answer.encode_to_vec().as_slice())
        .map_err(|e| tonic::Status::internal(format!("answer of {path} does not decode: {e}")))
}

/// One phase's progress bar (hidden when not wanted or not on a terminal).
fn bar(show: bool, phase: &str, total: u64) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(
        Some(total),
        if show {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        },
    );
    bar.set_style(
        ProgressStyle::with_template("{prefix:>10} [{bar:30}] {pos}/{len} {per_sec} {elapsed}")
            .expect("a valid progress template")
            .progress_chars("=> "),
    );
    bar.set_prefix(phase.to_owned());
    bar
}

/// A person of an org and the role the template gave them.
#[derive(Debug, Clone)]
pub(crate) struct Member {
    pub(crate) person: Person,
    pub(crate) role: pb::Role,
    pub(crate) org: usize,
    /// For a project-admin: the project (index into the org's) they administer.
    pub(crate) project: Option<usize>,
    pub(crate) token: String,
    pub(crate) account_id: String,
}

/// A project created by the run.
#[derive(Debug, Clone)]
pub(crate) struct Project {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) org: usize,
    /// Indices into the run's members of those who belong to it (admins and users).
    pub(crate) members: Vec<usize>,
}

/// What one run creates, filled phase by phase.
pub(crate) struct Run<'a> {
    pub(crate) client: Client,
    pub(crate) seed: u64,
    pub(crate) template: &'a Template,
    pub(crate) password: &'a str,
    pub(crate) progress: bool,
    pub(crate) concurrency: usize,
    pub(crate) admin_token: String,
    pub(crate) orgs: Vec<(String, String)>,
    pub(crate) projects: Vec<Project>,
    pub(crate) members: Vec<Member>,
    pub(crate) summary: Summary,
}

impl Run<'_> {
    /// The modules the server runs (GetInstanceInfo, anonymous: nothing is written yet) and
    /// its sign-up mode.
    pub(crate) async fn server_modules(client: &Client) -> anyhow::Result<(Vec<String>, i32)> {
        let info: pb::GetInstanceInfoResponse = client
            .typed(
                "orbit.system.v1.SystemService/GetInstanceInfo",
                pb::GetInstanceInfoRequest {},
                None,
            )
            .await
            .with_context(|| format!("cannot read the instance info of {}", client.url))?;
        let info = info.info.context("the server sent no instance info")?;
        let mut modules = vec!["records".to_owned()];
        modules.extend(info.modules.into_iter().filter(|m| m != "records"));
        Ok((modules, info.sign_up))
    }

    /// Logs the admin in, or signs it up (the first account of a fresh instance is its
    /// sys-admin).
    pub(crate) async fn admin(&mut self, email: &str) -> anyhow::Result<()> {
        let logged_in: Result<pb::LogInResponse, _> = self
            .client
            .typed(
                "orbit.system.v1.AccountService/LogIn",
                pb::LogInRequest {
                    email: email.into(),
                    password: self.password.into(),
                },
                None,
            )
            .await;
        let tokens = match logged_in {
            Ok(answer) => answer.tokens,
            Err(status)
                if status.code() == Code::Unauthenticated || status.code() == Code::NotFound =>
            {
                let signed_up: pb::SignUpResponse = self
                    .client
                    .typed(
                        "orbit.system.v1.AccountService/SignUp",
                        pb::SignUpRequest {
                            email: email.into(),
                            password: self.password.into(),
                            display_name: "Orbit Admin".into(),
                        },
                        None,
                    )
                    .await
                    .map_err(|s| {
                        anyhow::anyhow!(
                            "cannot log in or sign up the admin {email}: {}; check --admin-email and ORBIT_SEED_PASSWORD",
                            s.message()
                        )
                    })?;
                signed_up.tokens
            }
            Err(status) => bail!("cannot log the admin {email} in: {}", status.message()),
        };
        self.admin_token = tokens.context("no tokens in the answer")?.access_token;
        let profile: pb::GetProfileResponse = self
            .client
            .typed(
                "orbit.system.v1.AccountService/GetProfile",
                pb::GetProfileRequest {},
                Some(&self.admin_token),
            )
            .await
            .context("GetProfile of the admin")?;
        let sys_admin = profile.account.is_some_and(|a| a.sys_admin);
        self.summary.logins.push(Login {
            role: if sys_admin {
                "sys-admin"
            } else {
                "admin (creator)"
            }
            .into(),
            org: "(all)".into(),
            email: email.into(),
            password: self.password.into(),
        });
        Ok(())
    }

    /// Creates the orgs (the admin becomes org-admin of each).
    pub(crate) async fn orgs(&mut self) -> anyhow::Result<()> {
        let count = self.template.orgs;
        let bar = bar(self.progress, "orgs", count.into());
        let method = call::method("orbit.system.v1.OrgService/CreateOrg");
        let mut seen = std::collections::BTreeSet::new();
        for o in 0..count {
            let mut rng = unit_rng(self.seed, "org", o.into());
            let mut request = generate::request(&method, &mut rng, &Ids::default());
            let mut name = generate::org_name(&mut rng);
            if !seen.insert(name.clone()) {
                name = format!("{name} {}", o + 1);
            }
            request.set_field_by_name("name", Value::String(name.clone()));
            let answer = self
                .client
                .call(
                    "orbit.system.v1.OrgService/CreateOrg",
                    request,
                    Some(&self.admin_token),
                )
                .await
                .with_context(|| format!("CreateOrg {name:?}"))?;
            let mut ids = Ids::default();
            ids.harvest(&answer);
            let id = ids
                .get("org_id")
                .first()
                .cloned()
                .context("CreateOrg gave no org id")?;
            self.orgs.push((id, name));
            bar.inc(1);
        }
        bar.finish();
        self.summary.count("orgs", count.into(), bar.elapsed());
        Ok(())
    }

    /// Creates the projects of every org.
    pub(crate) async fn projects(&mut self) -> anyhow::Result<()> {
        let per_org = self.template.projects_per_org;
        let bar = bar(
            self.progress,
            "projects",
            u64::from(per_org) * self.orgs.len() as u64,
        );
        let method = call::method("orbit.system.v1.ProjectService/CreateProject");
        for (o, (org_id, _)) in self.orgs.iter().enumerate() {
            let mut seen = std::collections::BTreeSet::new();
            for p in 0..per_org {
                let mut rng = unit_rng(self.seed, "project", (o as u64) << 32 | u64::from(p));
                let mut ids = Ids::default();
                ids.add("org_id", org_id.clone());
                let mut request = generate::request(&method, &mut rng, &ids);
                let mut name = generate::project_name(&mut rng);
                if !seen.insert(name.clone()) {
                    name = format!("{name} {}", p + 1);
                }
                request.set_field_by_name("name", Value::String(name.clone()));
                let answer = self
                    .client
                    .call(
                        "orbit.system.v1.ProjectService/CreateProject",
                        request,
                        Some(&self.admin_token),
                    )
                    .await
                    .with_context(|| format!("CreateProject {name:?}"))?;
                let mut ids = Ids::default();
                ids.harvest(&answer);
                let id = ids
                    .get("project_id")
                    .first()
                    .cloned()
                    .context("no project id")?;
                self.projects.push(Project {
                    id,
                    name,
                    org: o,
                    members: Vec::new(),
                });
                bar.inc(1);
            }
        }
        bar.finish();
        self.summary
            .count("projects", self.projects.len() as u64, bar.elapsed());
        Ok(())
    }

    /// People of every org: invited by the admin (AddOrgAdmin, SetProjectMember), then
    /// signed up (from rotating loopback addresses when the server is on loopback: sign-up is
    /// limited per client address), then accepting every invitation (AcceptInvitation).
    pub(crate) async fn people(&mut self) -> anyhow::Result<()> {
        let roles = &self.template.users_per_org;
        let mut planned = Vec::new();
        let mut emails = std::collections::BTreeSet::new();
        for (o, (_, org_name)) in self.orgs.iter().enumerate() {
            let domain = format!("{}.example", domain_of(org_name));
            let mut rng = unit_rng(self.seed, "people", o as u64);
            let org_projects: Vec<usize> = (0..self.projects.len())
                .filter(|&p| self.projects[p].org == o)
                .collect();
            let mut plan = |role: pb::Role, project: Option<usize>| {
                let mut person = Person::random(&mut rng, &domain);
                let mut n = 2;
                while !emails.insert(person.email.clone()) {
                    let (local, host) = person.email.split_once('@').expect("an address");
                    person.email =
                        format!("{}{n}@{host}", local.trim_end_matches(char::is_numeric));
                    n += 1;
                }
                planned.push(Member {
                    person,
                    role,
                    org: o,
                    project,
                    token: String::new(),
                    account_id: String::new(),
                });
            };
            for _ in 0..roles.org_admin {
                plan(pb::Role::OrgAdmin, None);
            }
            for k in 0..roles.project_admin as usize {
                plan(
                    pb::Role::ProjectAdmin,
                    Some(org_projects[k % org_projects.len()]),
                );
            }
            for _ in 0..roles.project_user {
                plan(pb::Role::ProjectUser, None);
            }
        }
        let bar = bar(self.progress, "people", planned.len() as u64 * 2);
        // Invitations first: invite-only instances admit an address with one pending.
        for member in &planned {
            let email = member.person.email.clone();
            match member.role {
                pb::Role::OrgAdmin => {
                    let _: pb::AddOrgAdminResponse = self
                        .client
                        .typed(
                            "orbit.system.v1.MembershipService/AddOrgAdmin",
                            pb::AddOrgAdminRequest {
                                org_id: self.orgs[member.org].0.clone(),
                                email: email.clone(),
                            },
                            Some(&self.admin_token),
                        )
                        .await
                        .with_context(|| format!("AddOrgAdmin {email}"))?;
                }
                role => {
                    let projects: Vec<usize> = match member.project {
                        Some(p) => vec![p],
                        None => (0..self.projects.len())
                            .filter(|&p| self.projects[p].org == member.org)
                            .collect(),
                    };
                    for p in projects {
                        let _: pb::SetProjectMemberResponse = self
                            .client
                            .typed(
                                "orbit.system.v1.MembershipService/SetProjectMember",
                                pb::SetProjectMemberRequest {
                                    project_id: self.projects[p].id.clone(),
                                    email: email.clone(),
                                    role: role as i32,
                                },
                                Some(&self.admin_token),
                            )
                            .await
                            .with_context(|| format!("SetProjectMember {email}"))?;
                    }
                }
            }
            bar.inc(1);
        }
        let sign_ups = SignUps::new(&self.client);
        let password = self.password;
        // A vector of futures, not a closure over the stream: a closure borrowing here would
        // make the future not `Send` for every lifetime (rust-lang/rust#102211).
        let joining: Vec<_> = planned
            .iter()
            .map(|member| join(&sign_ups, &member.person, password, &bar))
            .collect();
        let joined: Vec<(String, String)> = futures::stream::iter(joining)
            .buffered(4)
            .try_collect()
            .await?;
        for (mut member, (token, account_id)) in planned.into_iter().zip(joined) {
            member.token = token;
            member.account_id = account_id;
            let index = self.members.len();
            for (p, project) in self.projects.iter_mut().enumerate() {
                let joins = match member.role {
                    pb::Role::ProjectAdmin => member.project == Some(p),
                    pb::Role::ProjectUser => project.org == member.org,
                    _ => false,
                };
                if joins {
                    project.members.push(index);
                }
            }
            self.summary.logins.push(Login {
                role: role_name(member.role).into(),
                org: self.orgs[member.org].1.clone(),
                email: member.person.email.clone(),
                password: password.into(),
            });
            self.members.push(member);
        }
        bar.finish();
        self.summary
            .count("users", self.members.len() as u64, bar.elapsed());
        Ok(())
    }

    /// Records of every project, in a few realistic shapes, written by its members.
    pub(crate) async fn records(&mut self) -> anyhow::Result<()> {
        let per_project = self.template.records_per_project;
        let total = u64::from(per_project) * self.projects.len() as u64;
        let bar = bar(self.progress, "records", total);
        let method = call::method("orbit.system.v1.RecordService/PutRecord");
        let started = Instant::now();
        for (p, project) in self.projects.iter().enumerate() {
            let mut rng = unit_rng(self.seed, "records", p as u64);
            let mut ids = Ids::default();
            ids.add("project_id", project.id.clone());
            let people: Vec<&Member> = project.members.iter().map(|&m| &self.members[m]).collect();
            let requests: Vec<(DynamicMessage, &str)> = (0..per_project)
                .map(|_| {
                    let mut request = generate::request(&method, &mut rng, &ids);
                    let (entity, data) = record_shape(&mut rng, &people);
                    request.set_field_by_name("entity", Value::String(entity.into()));
                    request.set_field_by_name("data", Value::Message(generate::json_struct(&data)));
                    let writer = people
                        .choose(&mut rng)
                        .map_or(self.admin_token.as_str(), |m| m.token.as_str());
                    (request, writer)
                })
                .collect();
            let writes: Vec<_> = requests
                .into_iter()
                .map(|(request, token)| put(&self.client, request, token, &bar))
                .collect();
            futures::stream::iter(writes)
                .buffer_unordered(self.concurrency)
                .try_collect::<()>()
                .await?;
        }
        bar.finish();
        self.summary.count("records", total, started.elapsed());
        Ok(())
    }

    /// Views over the record shapes (ViewService.CreateView), as the admin.
    pub(crate) async fn views(&mut self) -> anyhow::Result<()> {
        let per_project = self
            .template
            .views_per_project
            .min(self.template.records_per_project.min(1) * 4);
        let total = u64::from(per_project) * self.projects.len() as u64;
        let bar = bar(self.progress, "views", total);
        let method = call::method("orbit.cdc.v1.ViewService/CreateView");
        for (p, project) in self.projects.iter().enumerate() {
            let mut rng = unit_rng(self.seed, "views", p as u64);
            let mut ids = Ids::default();
            ids.add("project_id", project.id.clone());
            for declaration in VIEWS.iter().take(per_project as usize) {
                let mut request = generate::request(&method, &mut rng, &ids);
                request.set_field_by_name(
                    "declaration",
                    Value::Message(view_declaration(declaration)),
                );
                self.client
                    .call(
                        "orbit.cdc.v1.ViewService/CreateView",
                        request,
                        Some(&self.admin_token),
                    )
                    .await
                    .with_context(|| format!("CreateView {}", declaration.0))?;
                bar.inc(1);
            }
        }
        bar.finish();
        self.summary.count("views", total, bar.elapsed());
        Ok(())
    }

    /// Chat rooms with conversations: threads (reply_to), mentions and reactions.
    pub(crate) async fn chat(&mut self, sizes: &ModuleSizes) -> anyhow::Result<()> {
        let rooms = sizes.rooms_per_project as usize;
        let per_room = sizes.messages_per_room;
        let units: Vec<(usize, usize)> = (0..self.projects.len())
            .flat_map(|p| (0..rooms).map(move |r| (p, r)))
            .collect();
        let bar = bar(
            self.progress,
            "chat",
            units.len() as u64 * u64::from(per_room),
        );
        let started = Instant::now();
        let counts = Mutex::new(ChatCounts::default());
        let this = &*self;
        let rooms: Vec<_> = units
            .into_iter()
            .map(|(p, r)| this.room(p, r, per_room, &bar, &counts))
            .collect();
        futures::stream::iter(rooms)
            .buffer_unordered(4)
            .try_collect::<()>()
            .await?;
        let directs: Vec<_> = (0..this.projects.len())
            .map(|p| this.direct(p, &counts))
            .collect();
        futures::stream::iter(directs)
            .buffer_unordered(4)
            .try_collect::<()>()
            .await?;
        bar.finish();
        let counts = counts.into_inner().expect("chat counts");
        self.summary.count("rooms", counts.rooms, started.elapsed());
        self.summary
            .count("messages", counts.messages, started.elapsed());
        self.summary
            .count("replies", counts.replies, started.elapsed());
        self.summary
            .count("reactions", counts.reactions, started.elapsed());
        self.summary
            .count("direct conversations", counts.directs, started.elapsed());
        Ok(())
    }

    /// A direct conversation between two members of project `p`, a few lines each way.
    async fn direct(&self, p: usize, counts: &Mutex<ChatCounts>) -> anyhow::Result<()> {
        use orbit_proto::orbit::chat::v1 as ch;
        let project = &self.projects[p];
        let mut rng = unit_rng(self.seed, "direct", p as u64);
        let people: Vec<&Member> = project.members.iter().map(|&m| &self.members[m]).collect();
        let pair: Vec<&&Member> = people.sample(&mut rng, 2.min(people.len())).collect();
        let [a, b] = pair[..] else {
            return Ok(());
        };
        let opened: ch::OpenDirectResponse = self
            .client
            .typed(
                "orbit.chat.v1.ChatService/OpenDirect",
                ch::OpenDirectRequest {
                    project_id: project.id.clone(),
                    account_id: b.account_id.clone(),
                },
                Some(&a.token),
            )
            .await
            .context("OpenDirect")?;
        let room = opened.room.context("OpenDirect sent no room")?;
        let lines = rng.random_range(3..=6);
        for n in 0..lines {
            let author = if n % 2 == 0 { a } else { b };
            let _: ch::PostMessageResponse = self
                .client
                .typed(
                    "orbit.chat.v1.ChatService/PostMessage",
                    ch::PostMessageRequest {
                        project_id: project.id.clone(),
                        room_id: room.id.clone(),
                        text: chat_line(&mut rng, &project.name),
                        ..Default::default()
                    },
                    Some(&author.token),
                )
                .await
                .context("PostMessage in a direct conversation")?;
        }
        let mut counts = counts.lock().expect("chat counts");
        counts.directs += 1;
        counts.messages += lines;
        Ok(())
    }

    async fn room(
        &self,
        p: usize,
        r: usize,
        per_room: u32,
        bar: &ProgressBar,
        counts: &Mutex<ChatCounts>,
    ) -> anyhow::Result<()> {
        let project = &self.projects[p];
        let mut rng = unit_rng(self.seed, "room", (p as u64) << 32 | r as u64);
        let mut people: Vec<&Member> = project.members.iter().map(|&m| &self.members[m]).collect();
        // The second room of a project is private: made by the seeding admin (so whoever
        // logs in as the admin sees it too) for about half the project's people.
        let private = r == 1 && people.len() >= 3;
        if private {
            people.shuffle(&mut rng);
            people.truncate(people.len().div_ceil(2).max(2));
        }
        let token_of = |rng: &mut ChaCha8Rng| {
            people
                .choose(rng)
                .map_or(self.admin_token.clone(), |m| m.token.clone())
        };
        let mut ids = Ids::default();
        ids.add("project_id", project.id.clone());
        for member in &people {
            ids.add("account_id", member.account_id.clone());
        }
        let create = call::method("orbit.chat.v1.ChatService/CreateRoom");
        let mut request = generate::request(&create, &mut rng, &ids);
        let mut names: Vec<&str> = ROOM_NAMES.to_vec();
        names.shuffle(&mut unit_rng(self.seed, "room-names", p as u64));
        let name = names
            .get(r)
            .map_or_else(|| format!("room-{}", r + 1), |n| (*n).to_owned());
        request.set_field_by_name("name", Value::String(name.clone()));
        let creator = if private {
            self.admin_token.clone()
        } else {
            token_of(&mut rng)
        };
        // Public: every member of the project sees it; private: only its members.
        request.set_field_by_name("kind", Value::EnumNumber(if private { 2 } else { 1 }));
        let invited = if private {
            people
                .iter()
                .map(|m| Value::String(m.account_id.clone()))
                .collect()
        } else {
            Vec::new()
        };
        request.set_field_by_name("member_ids", Value::List(invited));
        let answer = self
            .client
            .call(
                "orbit.chat.v1.ChatService/CreateRoom",
                request,
                Some(&creator),
            )
            .await
            .with_context(|| format!("CreateRoom {name}"))?;
        ids.harvest(&answer);
        let post = call::method("orbit.chat.v1.ChatService/PostMessage");
        let react = call::method("orbit.chat.v1.ChatService/AddReaction");
        let mut posted: Vec<String> = Vec::new();
        let mut local = ChatCounts {
            rooms: 1,
            ..ChatCounts::default()
        };
        for _ in 0..per_room {
            let author = people.choose(&mut rng).copied();
            let token = author.map_or(self.admin_token.clone(), |m| m.token.clone());
            let mut request = generate::request(&post, &mut rng, &ids);
            let others: Vec<&Member> = people
                .iter()
                .copied()
                .filter(|m| author.is_none_or(|a| a.account_id != m.account_id))
                .collect();
            let mention = (rng.random_bool(0.2))
                .then(|| others.choose(&mut rng).copied())
                .flatten();
            let mut text = chat_line(&mut rng, &project.name);
            if let Some(who) = mention {
                let handle = who.person.email.split('@').next().unwrap_or_default();
                text = format!("@{handle} {}", lower_first(&text));
            }
            request.set_field_by_name("text", Value::String(text));
            request.set_field_by_name(
                "mention_ids",
                Value::List(
                    mention
                        .map(|m| Value::String(m.account_id.clone()))
                        .into_iter()
                        .collect(),
                ),
            );
            // A thread: a reply to one of the last few messages.
            let reply_to = (!posted.is_empty() && rng.random_bool(0.3)).then(|| {
                let recent = &posted[posted.len().saturating_sub(5)..];
                recent.choose(&mut rng).cloned().unwrap_or_default()
            });
            request.set_field_by_name(
                "reply_to",
                Value::String(reply_to.clone().unwrap_or_default()),
            );
            let answer = self
                .client
                .call(
                    "orbit.chat.v1.ChatService/PostMessage",
                    request,
                    Some(&token),
                )
                .await
                .context("PostMessage")?;
            let mut got = Ids::default();
            got.harvest(&answer);
            let id = got
                .get("message_id")
                .first()
                .cloned()
                .context("no message id")?;
            local.messages += 1;
            local.replies += u64::from(reply_to.is_some());
            // Reactions from others.
            if rng.random_bool(0.35) {
                let count = rng.random_range(1..=others.len().clamp(1, 3));
                for reactor in others.sample(&mut rng, count.min(others.len())) {
                    let mut ids = Ids::default();
                    ids.add("project_id", project.id.clone());
                    ids.add("message_id", id.clone());
                    let request = generate::request(&react, &mut rng, &ids);
                    self.client
                        .call(
                            "orbit.chat.v1.ChatService/AddReaction",
                            request,
                            Some(&reactor.token),
                        )
                        .await
                        .context("AddReaction")?;
                    local.reactions += 1;
                }
            }
            posted.push(id);
            bar.inc(1);
        }
        let mut counts = counts.lock().expect("chat counts");
        counts.rooms += local.rooms;
        counts.messages += local.messages;
        counts.replies += local.replies;
        counts.reactions += local.reactions;
        Ok(())
    }

    /// The template's user modules: defined in every org through UserModuleService (the
    /// `package` line set to the org's namespace), then each record type's `Create` called
    /// `records_per_project` times per project with requests generated from the module's
    /// descriptor set, as the server lists it to any member (ListProjectModules).
    pub(crate) async fn user_modules(&mut self) -> anyhow::Result<()> {
        let token = Some(self.admin_token.as_str());
        for module in &self.template.user_modules {
            for (org_id, org_name) in &self.orgs {
                let created: upb::CreateModuleResponse = self
                    .client
                    .typed(
                        "orbit.user.v1.UserModuleService/CreateModule",
                        upb::CreateModuleRequest {
                            org_id: org_id.clone(),
                            name: module.name.clone(),
                            description: module.description.clone(),
                        },
                        token,
                    )
                    .await
                    .with_context(|| format!("user module {} in {org_name}", module.name))?;
                let namespace = created.module.map(|m| m.namespace).unwrap_or_default();
                let package = format!("orbit.user.{namespace}.{}.v1", module.name);
                let _: upb::UploadSchemaResponse = self
                    .client
                    .typed(
                        "orbit.user.v1.UserModuleService/UploadSchema",
                        upb::UploadSchemaRequest {
                            org_id: org_id.clone(),
                            name: module.name.clone(),
                            files: vec![upb::SchemaFile {
                                name: format!("{}.proto", module.name),
                                content: with_package(&module.proto, &package),
                            }],
                            descriptor_set: Vec::new(),
                            validate_only: false,
                        },
                        token,
                    )
                    .await
                    .with_context(|| {
                        format!("the schema of user module {} in {org_name}", module.name)
                    })?;
            }
            let label = format!("user module {}", module.name);
            let bar = bar(self.progress, &label, 0);
            let mut made = 0;
            for (p, project) in self.projects.iter().enumerate() {
                let listed: upb::ListProjectModulesResponse = self
                    .client
                    .typed(
                        "orbit.user.v1.UserModuleService/ListProjectModules",
                        upb::ListProjectModulesRequest {
                            project_id: project.id.clone(),
                        },
                        token,
                    )
                    .await
                    .context("ListProjectModules")?;
                let Some(served) = listed.modules.iter().find(|m| m.name == module.name) else {
                    continue;
                };
                let mut pool = call::POOL.clone();
                pool.decode_file_descriptor_set(served.descriptor_set.as_slice())
                    .with_context(|| format!("the descriptor set of {label}"))?;
                let mut rng = unit_rng(self.seed, &label, p as u64);
                let mut ids = Ids::default();
                ids.add("project_id", project.id.clone());
                for entity in &served.entities {
                    let Some(create) = pool
                        .get_service_by_name(&entity.service)
                        .and_then(|s| s.methods().find(|m| m.name() == "Create"))
                    else {
                        continue;
                    };
                    bar.inc_length(u64::from(module.records_per_project));
                    for _ in 0..module.records_per_project {
                        for attempt in 0..3 {
                            let request = generate::request(&create, &mut rng, &ids);
                            match call::unary(&self.client.channel, &create, request, token).await {
                                Ok(_) => {
                                    made += 1;
                                    break;
                                }
                                Err(status)
                                    if attempt < 2
                                        && matches!(
                                            status.code(),
                                            Code::InvalidArgument | Code::AlreadyExists
                                        ) => {}
                                Err(status) => {
                                    bail!(
                                        "{label}: {} refused a generated record: {}",
                                        entity.service,
                                        status.message()
                                    );
                                }
                            }
                        }
                        bar.inc(1);
                    }
                }
            }
            bar.finish();
            self.summary
                .count(&format!("{label} records"), made, bar.elapsed());
        }
        Ok(())
    }

    /// Any other module: its create-like, project-scoped unary RPCs, each called
    /// `calls_per_project` times per project with generated requests (ids harvested from
    /// earlier answers feed later requests). A request the server refuses as invalid is
    /// generated again, up to three times.
    pub(crate) async fn generic_module(
        &mut self,
        name: &str,
        sizes: &ModuleSizes,
    ) -> anyhow::Result<()> {
        let modules: pb::ListModulesResponse = self
            .client
            .typed(
                "orbit.system.v1.ModuleService/ListModules",
                pb::ListModulesRequest {},
                Some(&self.admin_token),
            )
            .await
            .context("ListModules")?;
        let Some(module) = modules.modules.iter().find(|m| m.name == name) else {
            bail!("module `{name}` is not listed by ListModules");
        };
        let access = orbit_proto::access::access_table(orbit_proto::FILE_DESCRIPTOR_SET)
            .context("the access table of the embedded descriptor set")?;
        let mut methods = Vec::new();
        for service in &module.services {
            let Some(descriptor) = call::POOL.get_service_by_name(service) else {
                continue;
            };
            for method in descriptor.methods() {
                let path = format!("{}/{}", service, method.name());
                let scoped = access
                    .get(&format!("/{path}"))
                    .is_some_and(|a| a.scope == pb::Scope::Project as i32);
                let creates = ["Create", "Post", "Put", "Add", "Open", "Submit", "Start"]
                    .iter()
                    .any(|verb| method.name().starts_with(verb));
                if scoped
                    && creates
                    && !method.is_client_streaming()
                    && !method.is_server_streaming()
                {
                    methods.push(path);
                }
            }
        }
        let total =
            methods.len() as u64 * u64::from(sizes.calls_per_project) * self.projects.len() as u64;
        let bar = bar(self.progress, name, total);
        let mut made = 0;
        let mut refused = std::collections::BTreeSet::new();
        for (p, project) in self.projects.iter().enumerate() {
            let mut rng = unit_rng(self.seed, name, p as u64);
            let mut ids = Ids::default();
            ids.add("project_id", project.id.clone());
            for &m in &project.members {
                ids.add("account_id", self.members[m].account_id.clone());
            }
            for path in &methods {
                let method = call::method(path);
                for _ in 0..sizes.calls_per_project {
                    if refused.contains(path) {
                        bar.inc(1);
                        continue;
                    }
                    for attempt in 0..3 {
                        let request = generate::request(&method, &mut rng, &ids);
                        match self
                            .client
                            .call(path, request, Some(&self.admin_token))
                            .await
                        {
                            Ok(answer) => {
                                ids.harvest(&answer);
                                made += 1;
                                break;
                            }
                            Err(status)
                                if attempt < 2
                                    && matches!(
                                        status.code(),
                                        Code::InvalidArgument
                                            | Code::FailedPrecondition
                                            | Code::NotFound
                                            | Code::AlreadyExists
                                    ) => {}
                            Err(status) => {
                                // Once per RPC: a refused shape is refused every time.
                                if refused.insert(path.clone()) {
                                    tracing::warn!(rpc = %path, error = %status.message(), "generated request refused; this RPC is not seeded further");
                                }
                                break;
                            }
                        }
                    }
                    bar.inc(1);
                }
            }
        }
        bar.finish();
        self.summary
            .count(&format!("{name} calls"), made, bar.elapsed());
        Ok(())
    }
}

#[derive(Debug, Default)]
struct ChatCounts {
    rooms: u64,
    directs: u64,
    messages: u64,
    replies: u64,
    reactions: u64,
}

/// `source` with its `package …;` line replaced by `package <package>;`.
fn with_package(source: &str, package: &str) -> String {
    let mut replaced = false;
    source
        .lines()
        .map(|line| {
            if !replaced && line.trim_start().starts_with("package ") {
                replaced = true;
                format!("package {package};")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn role_name(role: pb::Role) -> &'static str {
    match role {
        pb::Role::OrgAdmin => "org-admin",
        pb::Role::ProjectAdmin => "project-admin",
        _ => "project-user",
    }
}

/// `acme-corp` of "Acme Corp, Inc.".
fn domain_of(org_name: &str) -> String {
    let mut out = String::new();
    for c in org_name.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() { "org".into() } else { out }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Signs `person` up and accepts their invitations: (access token, account id).
async fn join(
    sign_ups: &SignUps<'_>,
    person: &Person,
    password: &str,
    bar: &ProgressBar,
) -> anyhow::Result<(String, String)> {
    let (channel, token, account_id) = sign_ups.sign_up(person, password).await?;
    accept_all(&channel, &token).await?;
    bar.inc(1);
    Ok((token, account_id))
}

/// Writes one record.
async fn put(
    client: &Client,
    request: DynamicMessage,
    token: &str,
    bar: &ProgressBar,
) -> anyhow::Result<()> {
    client
        .call(
            "orbit.system.v1.RecordService/PutRecord",
            request,
            Some(token),
        )
        .await
        .context("PutRecord")?;
    bar.inc(1);
    Ok(())
}

/// Accepts every invitation waiting for the signed-in account.
async fn accept_all(channel: &Channel, token: &str) -> anyhow::Result<()> {
    let waiting: pb::ListMyInvitationsResponse = typed_on(
        channel,
        "orbit.system.v1.MembershipService/ListMyInvitations",
        pb::ListMyInvitationsRequest {},
        Some(token),
    )
    .await
    .context("ListMyInvitations")?;
    for invitation in waiting.invitations {
        let _: pb::AcceptInvitationResponse = typed_on(
            channel,
            "orbit.system.v1.MembershipService/AcceptInvitation",
            pb::AcceptInvitationRequest {
                invitation_id: invitation.id,
            },
            Some(token),
        )
        .await
        .context("AcceptInvitation")?;
    }
    Ok(())
}

/// Sign-ups spread over client addresses: the server allows [`SIGN_UPS_PER_ADDRESS`] per
/// address, so on a loopback server each batch comes from the next address of 127.42.0.0/16
/// (all of 127/8 is loopback on Linux); elsewhere every sign-up uses the one connection.
struct SignUps<'a> {
    client: &'a Client,
    loopback: bool,
    /// (address index, sign-ups made from it, its channel)
    current: tokio::sync::Mutex<(u32, u32, Option<Channel>)>,
}

impl<'a> SignUps<'a> {
    fn new(client: &'a Client) -> SignUps<'a> {
        let host = client
            .url
            .split("://")
            .nth(1)
            .unwrap_or_default()
            .split([':', '/'])
            .next()
            .unwrap_or_default();
        let loopback =
            host == "localhost" || host.parse::<Ipv4Addr>().is_ok_and(|a| a.is_loopback());
        SignUps {
            client,
            loopback,
            current: tokio::sync::Mutex::new((1, 0, None)),
        }
    }

    /// A channel from the next address with sign-ups left (`exhausted`: the current one was
    /// refused).
    async fn channel(&self, exhausted: bool) -> anyhow::Result<Channel> {
        if !self.loopback {
            return Ok(self.client.channel.clone());
        }
        let mut current = self.current.lock().await;
        if exhausted || current.1 >= SIGN_UPS_PER_ADDRESS || current.2.is_none() {
            if current.2.is_some() {
                current.0 += 1;
            }
            if current.0 >= 65_000 {
                bail!("ran out of loopback addresses to sign up from");
            }
            let address = IpAddr::V4(Ipv4Addr::new(
                127,
                42,
                (current.0 >> 8) as u8,
                current.0 as u8,
            ));
            current.1 = 0;
            current.2 = Some(call::connect(&self.client.url, Some(address)).await?);
        }
        current.1 += 1;
        Ok(current.2.clone().expect("a channel"))
    }

    /// Signs `person` up; returns the channel it used, its access token and account id.
    async fn sign_up(
        &self,
        person: &Person,
        password: &str,
    ) -> anyhow::Result<(Channel, String, String)> {
        let mut exhausted = false;
        for _ in 0..1000 {
            let channel = self.channel(exhausted).await?;
            let answer: Result<pb::SignUpResponse, _> = typed_on(
                &channel,
                "orbit.system.v1.AccountService/SignUp",
                pb::SignUpRequest {
                    email: person.email.clone(),
                    password: password.into(),
                    display_name: person.display_name.clone(),
                },
                None,
            )
            .await;
            match answer {
                Ok(answer) => {
                    let token = answer.tokens.context("no tokens")?.access_token;
                    let id = answer.account.context("no account")?.id;
                    return Ok((channel, token, id));
                }
                Err(status) if status.code() == Code::ResourceExhausted && self.loopback => {
                    exhausted = true;
                }
                Err(status) if status.code() == Code::ResourceExhausted => bail!(
                    "the server limits sign-ups per client address ({}); seed from the server's own host (a loopback URL), where the seeder signs up from many loopback addresses",
                    status.message()
                ),
                Err(status) if status.code() == Code::AlreadyExists => {
                    // Seeded before with this seed: log in instead.
                    let answer: pb::LogInResponse = typed_on(
                        &channel,
                        "orbit.system.v1.AccountService/LogIn",
                        pb::LogInRequest {
                            email: person.email.clone(),
                            password: password.into(),
                        },
                        None,
                    )
                    .await
                    .map_err(|s| anyhow::anyhow!("{} exists already with another password ({}); seed a fresh instance or use another --seed", person.email, s.message()))?;
                    let token = answer.tokens.context("no tokens")?.access_token;
                    let profile: pb::GetProfileResponse = typed_on(
                        &channel,
                        "orbit.system.v1.AccountService/GetProfile",
                        pb::GetProfileRequest {},
                        Some(&token),
                    )
                    .await
                    .context("GetProfile")?;
                    let id = profile.account.context("no account")?.id;
                    return Ok((channel, token, id));
                }
                Err(status) => bail!("cannot sign {} up: {}", person.email, status.message()),
            }
        }
        tokio::time::sleep(Duration::ZERO).await;
        bail!("cannot sign {} up: every address was refused", person.email)
    }
}

/// Room names, shuffled per project.
const ROOM_NAMES: &[&str] = &[
    "general",
    "random",
    "design-review",
    "releases",
    "support",
    "standup",
    "ops",
    "planning",
    "incidents",
    "watercooler",
];

/// The views every project gets, at most one per record shape:
/// (name, entity, group by, [(column, function, field)]).
type ViewSpec = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, i32, &'static str)],
);
const VIEWS: &[ViewSpec] = &[
    (
        "tasks_by_status",
        "task",
        "status",
        &[("tasks", 1, ""), ("hours", 2, "estimate_hours")],
    ),
    (
        "invoices_by_status",
        "invoice",
        "status",
        &[
            ("invoices", 1, ""),
            ("total", 2, "amount"),
            ("largest", 4, "amount"),
        ],
    ),
    (
        "contacts_by_stage",
        "contact",
        "stage",
        &[("contacts", 1, ""), ("latest", 5, "name")],
    ),
    ("notes_by_author", "note", "author", &[("notes", 1, "")]),
];

fn view_declaration(spec: &ViewSpec) -> DynamicMessage {
    let (name, entity, group_by, columns) = spec;
    let declaration = orbit_proto::orbit::cdc::v1::ViewDeclaration {
        name: (*name).into(),
        module: String::new(),
        entity: (*entity).into(),
        group_by: (*group_by).into(),
        aggregates: columns
            .iter()
            .map(
                |(column, function, field)| orbit_proto::orbit::cdc::v1::Aggregate {
                    name: (*column).into(),
                    function: *function,
                    field: (*field).into(),
                },
            )
            .collect(),
    };
    let descriptor = call::POOL
        .get_message_by_name("orbit.cdc.v1.ViewDeclaration")
        .expect("ViewDeclaration is in the descriptor set");
    DynamicMessage::decode(descriptor, declaration.encode_to_vec().as_slice())
        .expect("a ViewDeclaration decodes as itself")
}

/// One record of a random shape: (entity, data).
fn record_shape(
    rng: &mut ChaCha8Rng,
    people: &[&Member],
) -> (&'static str, serde_json::Map<String, serde_json::Value>) {
    use fake::Fake;
    use fake::faker::address::en::CityName;
    use fake::faker::company::en::CompanyName;
    use fake::faker::lorem::en::Paragraph;
    use fake::faker::phone_number::en::PhoneNumber;
    use serde_json::json;
    let someone = |rng: &mut ChaCha8Rng| {
        people.choose(rng).map_or_else(
            || "Orbit Admin".to_owned(),
            |m| m.person.display_name.clone(),
        )
    };
    let date = |rng: &mut ChaCha8Rng| {
        let day = time::Date::from_calendar_date(2025, time::Month::January, 1).expect("a date")
            + time::Duration::days(rng.random_range(0..730));
        day.to_string()
    };
    let pick = |rng: &mut ChaCha8Rng, from: &[&str]| {
        from.choose(rng).copied().unwrap_or_default().to_owned()
    };
    let value = match rng.random_range(0..4) {
        0 => (
            "task",
            json!({
                "title": generate::title(rng),
                "status": pick(rng, &["todo", "in_progress", "review", "done"]),
                "priority": pick(rng, &["low", "medium", "high", "urgent"]),
                "assignee": someone(rng),
                "estimate_hours": rng.random_range(1..40),
                "due": date(rng),
            }),
        ),
        1 => {
            let customer: String = CompanyName().fake_with_rng(rng);
            (
                "invoice",
                json!({
                    "number": format!("INV-{}-{:04}", rng.random_range(2024..2027), rng.random_range(1..9999)),
                    "customer": customer,
                    "amount": (rng.random_range(5_000..2_500_000) as f64) / 100.0,
                    "currency": pick(rng, &["EUR", "USD", "GBP", "CHF"]),
                    "status": pick(rng, &["draft", "sent", "paid", "overdue"]),
                    "issued": date(rng),
                }),
            )
        }
        2 => {
            let person = Person::random(rng, "customer.example");
            let company: String = CompanyName().fake_with_rng(rng);
            let city: String = CityName().fake_with_rng(rng);
            let phone: String = PhoneNumber().fake_with_rng(rng);
            (
                "contact",
                json!({
                    "name": person.display_name,
                    "email": person.email,
                    "company": company,
                    "city": city,
                    "phone": phone,
                    "stage": pick(rng, &["lead", "qualified", "proposal", "customer"]),
                }),
            )
        }
        _ => {
            let body: String = Paragraph(2..5).fake_with_rng(rng);
            (
                "note",
                json!({
                    "title": generate::title(rng),
                    "body": body,
                    "author": someone(rng),
                    "pinned": rng.random_bool(0.1),
                }),
            )
        }
    };
    let (entity, serde_json::Value::Object(object)) = value else {
        unreachable!("every shape is an object")
    };
    (entity, object)
}

/// A line of a team chat about `project`.
fn chat_line(rng: &mut ChaCha8Rng, project: &str) -> String {
    const LINES: &[&str] = &[
        "Has anyone looked at the {p} numbers from yesterday?",
        "I pushed a fix for the flaky import, can someone review?",
        "Standup in 5 minutes!",
        "LGTM, merging now.",
        "Can we move the {p} review to Thursday?",
        "The staging deploy is green again.",
        "Who owns the onboarding checklist for {p}?",
        "I'll write up the notes from the customer call.",
        "Great work on the release, everyone.",
        "Blocked on the API keys, waiting for ops.",
        "Quick reminder: the retro is at 3pm.",
        "Does the new dashboard load for you?",
        "Thanks! That fixed it.",
        "I can take that one.",
        "Let's keep the {p} scope small for this sprint.",
    ];
    if rng.random_bool(0.6) {
        LINES
            .choose(rng)
            .copied()
            .unwrap_or_default()
            .replace("{p}", project)
    } else {
        generate::sentence(rng, 4..14)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_rngs_depend_on_seed_label_and_index() {
        let draw = |seed, label, index| unit_rng(seed, label, index).random::<u64>();
        assert_eq!(draw(1, "records", 0), draw(1, "records", 0));
        assert_ne!(draw(1, "records", 0), draw(2, "records", 0));
        assert_ne!(draw(1, "records", 0), draw(1, "records", 1));
        assert_ne!(draw(1, "records", 0), draw(1, "room", 0));
    }

    #[test]
    fn org_names_make_domains() {
        assert_eq!(domain_of("Acme Corp, Inc."), "acme-corp-inc");
        assert_eq!(domain_of("!!!"), "org");
    }
}
