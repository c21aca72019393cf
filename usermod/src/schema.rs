//! A user module's schema: .proto sources compiled on the server with protox (errors carry
//! file, line and column) or an encoded FileDescriptorSet, held to the module's package, to
//! size limits and to what a record type needs; then the generated service file (`generate.rs`)
//! compiled beside it, so the result is one descriptor set the API catalog can serve.
//!
//! Record types are the top-level messages with the `(orbit.user.v1.entity)` option; each must
//! have a singular `string id` field. Options are read from the encoded descriptors (protox
//! keeps them; `prost_types` would drop them), so an upload as a descriptor set works alike.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use orbit_proto::orbit::system::v1::Role;
use prost::Message as _;
use prost_reflect::{
    Cardinality, DescriptorPool, DynamicMessage, ExtensionDescriptor, FieldDescriptor, Kind,
    MessageDescriptor, Value,
};

use crate::generate;

/// Most bytes of schema one upload may carry (sources, or the descriptor set).
pub(crate) const MAX_SCHEMA_BYTES: usize = 1 << 20;
/// Most files in one upload.
pub(crate) const MAX_FILES: usize = 64;
/// Most fields one message may have.
pub(crate) const MAX_FIELDS_PER_MESSAGE: usize = 500;
/// Most message types in one schema.
pub(crate) const MAX_MESSAGES: usize = 1_000;
/// How deep message fields may nest (a chain of message-typed fields, cycles aside): the
/// decoder stops at 100 levels, and a record must stay decodable with room for the API's
/// own wrapping.
pub(crate) const MAX_NESTING: usize = 32;

/// What an org-admin uploads.
#[derive(Debug, Clone)]
pub enum Upload {
    /// .proto sources by name.
    Files(Vec<(String, String)>),
    /// An encoded `google.protobuf.FileDescriptorSet`.
    DescriptorSet(Vec<u8>),
}

/// Something wrong with a schema, at a place in a source file when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based; 0 when the problem has no place.
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl Problem {
    fn general(message: impl Into<String>) -> Problem {
        Problem {
            file: String::new(),
            line: 0,
            column: 0,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.file.is_empty(), self.line) {
            (true, _) => f.write_str(&self.message),
            (false, 0) => write!(f, "{}: {}", self.file, self.message),
            (false, line) => write!(f, "{}:{line}:{}: {}", self.file, self.column, self.message),
        }
    }
}

/// Where a module's schema must live.
#[derive(Debug, Clone)]
pub(crate) struct Namespace {
    /// `orbit.user.<org namespace>.<module>`: the package is this plus `.v<N>`.
    pub(crate) prefix: String,
    /// The package of the current version, which a new one must keep.
    pub(crate) pinned: Option<String>,
}

/// One record type of a schema.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    pub(crate) message: MessageDescriptor,
    /// snake_case of the type's name: its keyspaces, its feed entity, its GUI route and the
    /// field holding it in requests.
    pub(crate) key: String,
    /// Full name of its generated service.
    pub(crate) service: String,
    pub(crate) label: String,
    pub(crate) read: Role,
    pub(crate) write: Role,
    pub(crate) id: FieldDescriptor,
    pub(crate) indexed: Vec<FieldDescriptor>,
    pub(crate) ordered: Vec<FieldDescriptor>,
    pub(crate) required: Vec<FieldDescriptor>,
}

impl Namespace {
    /// Where the module's files live in the server's pool: `user/<org namespace>/<module>/`.
    pub(crate) fn directory(&self) -> String {
        let path = self
            .prefix
            .trim_start_matches("orbit.user.")
            .replace('.', "/");
        format!("user/{path}/")
    }
}

impl Entity {
    /// The service's RPC `method`'s full name, `pkg.TypeService/Method`.
    pub(crate) fn method(&self, method: &str) -> String {
        format!("{}/{method}", self.service)
    }
}

/// A schema that compiled and passed every check.
#[derive(Debug, Clone)]
pub(crate) struct Schema {
    pub(crate) package: String,
    /// The uploaded files, encoded with their options, without what Orbit already has.
    pub(crate) user_set: Vec<u8>,
    /// `user_set` and the generated service file: what the API catalog serves.
    pub(crate) served_set: Vec<u8>,
    /// Orbit's descriptors and `served_set`.
    pub(crate) pool: DescriptorPool,
    pub(crate) entities: Vec<Entity>,
}

impl Schema {
    /// The record type served by `service` (a full name).
    pub(crate) fn entity_of_service(&self, service: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.service == service)
    }
}

/// Orbit's own descriptors (every .proto the server has, with their imports).
pub(crate) fn base_pool() -> &'static DescriptorPool {
    static POOL: LazyLock<DescriptorPool> = LazyLock::new(|| {
        DescriptorPool::decode(orbit_proto::FILE_DESCRIPTOR_SET)
            .expect("the embedded descriptor set decodes")
    });
    &POOL
}

/// Compiles and checks `upload` for a module living in `namespace`.
pub(crate) fn compile(upload: &Upload, namespace: &Namespace) -> Result<Schema, Vec<Problem>> {
    let (user_set, sources) = match upload {
        Upload::Files(files) => {
            let sources: HashMap<String, String> = files.iter().cloned().collect();
            (compile_sources(files)?, sources)
        }
        Upload::DescriptorSet(bytes) => (own_files(bytes)?, HashMap::new()),
    };
    let mut pool = pool_for(&user_set);
    pool.decode_file_descriptor_set(user_set.as_slice())
        .map_err(|e| vec![Problem::general(format!("the schema is not valid: {e}"))])?;
    let user_files: Vec<String> = file_names(&user_set);
    let checker = Checker {
        pool: &pool,
        files: &user_files,
        sources: &sources,
    };
    let package = checker.package(namespace)?;
    let entities = checker.entities()?;
    // Every module's files live under its own directory in the server's one pool, so that two
    // modules (of one org or two) may both have a `schema.proto`.
    let user_set = scoped(&user_set, &namespace.directory());
    let user_files: Vec<String> = file_names(&user_set);
    let mut pool = pool_for(&user_set);
    pool.decode_file_descriptor_set(user_set.as_slice())
        .map_err(|e| vec![Problem::general(format!("the schema is not valid: {e}"))])?;
    let generated_source = generate::service_file(&package, &entities, &user_files);
    let generated = compile_generated(&pool, &package, &generated_source)?;
    let mut served_set = user_set.clone();
    served_set.extend_from_slice(&generated);
    let mut pool = pool_for(&served_set);
    pool.decode_file_descriptor_set(served_set.as_slice())
        .map_err(|e| {
            vec![Problem::general(format!(
                "the generated services do not load: {e}"
            ))]
        })?;
    // The entities again, over the final pool (descriptors of one pool only).
    let entities = Checker {
        pool: &pool,
        files: &user_files,
        sources: &sources,
    }
    .entities()?;
    Ok(Schema {
        package,
        user_set,
        served_set,
        pool,
        entities,
    })
}

/// A pool of the files of Orbit's own that the files of `set` import (transitively), and
/// `access.proto` (the generated services need it): not a copy of Orbit's whole API, so each
/// module served costs its own descriptors only.
fn pool_for(set: &[u8]) -> DescriptorPool {
    let base = base_pool();
    let mut wanted: Vec<String> = prost_types::FileDescriptorSet::decode(set)
        .map(|set| set.file.into_iter().flat_map(|f| f.dependency).collect())
        .unwrap_or_default();
    wanted.push("orbit/system/v1/access.proto".into());
    let mut ordered: Vec<prost_types::FileDescriptorProto> = Vec::new();
    let mut seen = HashSet::new();
    fn visit(
        name: &str,
        base: &DescriptorPool,
        seen: &mut HashSet<String>,
        ordered: &mut Vec<prost_types::FileDescriptorProto>,
    ) {
        let Some(file) = base.get_file_by_name(name) else {
            return;
        };
        if !seen.insert(name.to_owned()) {
            return;
        }
        for dependency in file.dependencies() {
            visit(dependency.name(), base, seen, ordered);
        }
        ordered.push(file.file_descriptor_proto().clone());
    }
    for name in &wanted {
        visit(name, base, &mut seen, &mut ordered);
    }
    let mut pool = DescriptorPool::new();
    pool.add_file_descriptor_protos(ordered)
        .expect("Orbit's own files load into a pool");
    pool
}

/// `set` with each of its own files under `directory` (and the imports between them renamed
/// alike); files already there, and the well-known types, keep their names.
fn scoped(set: &[u8], directory: &str) -> Vec<u8> {
    let set_type = base_pool()
        .get_message_by_name("google.protobuf.FileDescriptorSet")
        .expect("descriptor.proto is in Orbit's set");
    let Ok(mut message) = DynamicMessage::decode(set_type, set) else {
        return set.to_vec();
    };
    let own: HashSet<String> = file_names(set)
        .into_iter()
        .filter(|name| !name.starts_with("google/") && !name.starts_with(directory))
        .collect();
    let rename =
        |name: &str| -> Option<String> { own.contains(name).then(|| format!("{directory}{name}")) };
    if let Some(Value::List(files)) = message.get_field_by_name_mut("file") {
        for file in files.iter_mut() {
            let Some(file) = file.as_message_mut() else {
                continue;
            };
            let name = file
                .get_field_by_name("name")
                .and_then(|n| n.as_str().map(str::to_owned))
                .unwrap_or_default();
            if let Some(renamed) = rename(&name) {
                file.set_field_by_name("name", Value::String(renamed));
            }
            if let Some(Value::List(dependencies)) = file.get_field_by_name_mut("dependency") {
                for dependency in dependencies.iter_mut() {
                    if let Some(renamed) = dependency.as_str().and_then(rename) {
                        *dependency = Value::String(renamed);
                    }
                }
            }
        }
    }
    message.encode_to_vec()
}

/// Names of the files in an encoded descriptor set.
fn file_names(set: &[u8]) -> Vec<String> {
    prost_types::FileDescriptorSet::decode(set)
        .map(|set| set.file.into_iter().map(|f| f.name().to_owned()).collect())
        .unwrap_or_default()
}

/// Whether `name` is a file Orbit provides (and uploads may import, not replace).
fn provided(name: &str) -> bool {
    base_pool().get_file_by_name(name).is_some() || name.starts_with("google/protobuf/")
}

fn check_file_name(name: &str) -> Result<(), Problem> {
    let valid = !name.is_empty()
        && name.len() <= 200
        && name.ends_with(".proto")
        && !name.starts_with('/')
        && !name
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..")
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/'));
    if !valid {
        return Err(Problem::general(format!(
            "file name {name:?} is not valid: use a relative path of letters, digits, '_', '-', '.' and '/' ending in .proto"
        )));
    }
    if name.starts_with("orbit/")
        || name.starts_with("google/")
        || name.starts_with(generate::DIRECTORY)
    {
        return Err(Problem::general(format!(
            "file name {name:?} shadows a file Orbit provides: orbit/, google/ and {} are reserved",
            generate::DIRECTORY
        )));
    }
    Ok(())
}

/// Most levels of `{…}` and `<…>` a source may nest: messages nest at most 31 deep (protox
/// refuses more), and option values rarely go beyond a few; parsing an option value follows
/// its nesting recursively, so a file of a million `{` must not reach the compiler.
pub(crate) const MAX_BRACES: usize = 64;

/// Refuses a source whose braces (`{`, and `<` of option values and map types) nest deeper
/// than [`MAX_BRACES`], at the place where they do; strings and comments are skipped.
fn check_nesting(name: &str, source: &str) -> Result<(), Problem> {
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            quote @ (b'"' | b'\'') => {
                i += 1;
                while i < bytes.len() && bytes[i] != quote && bytes[i] != b'\n' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'{' | b'<' => {
                depth += 1;
                if depth > MAX_BRACES {
                    let (line, column) = line_column(source, i);
                    return Err(Problem {
                        file: name.to_owned(),
                        line,
                        column,
                        message: format!(
                            "braces nest more than {MAX_BRACES} levels deep here; a schema needs far fewer"
                        ),
                    });
                }
            }
            b'}' | b'>' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// The uploaded sources compiled, as an encoded set of their files (options kept), with any
/// well-known type they import that Orbit's own set lacks.
fn compile_sources(files: &[(String, String)]) -> Result<Vec<u8>, Vec<Problem>> {
    if files.is_empty() {
        return Err(vec![Problem::general(
            "the upload has no files: send .proto files or a descriptor set",
        )]);
    }
    if files.len() > MAX_FILES {
        return Err(vec![Problem::general(format!(
            "the upload has {} files; at most {MAX_FILES}",
            files.len()
        ))]);
    }
    let total: usize = files.iter().map(|(n, c)| n.len() + c.len()).sum();
    if total > MAX_SCHEMA_BYTES {
        return Err(vec![Problem::general(format!(
            "the schema is {total} bytes; at most {MAX_SCHEMA_BYTES} (1 MiB)"
        ))]);
    }
    let mut seen = HashSet::new();
    for (name, source) in files {
        check_nesting(name, source).map_err(|p| vec![p])?;
        check_file_name(name).map_err(|p| vec![p])?;
        if !seen.insert(name.as_str()) {
            return Err(vec![Problem::general(format!(
                "file {name:?} is uploaded twice"
            ))]);
        }
    }
    let mut compiler = protox::Compiler::with_file_resolver(Resolver {
        uploaded: files.iter().cloned().collect(),
        pool: None,
    });
    compiler.include_source_info(true).include_imports(true);
    let sources: HashMap<&str, &str> = files
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_str()))
        .collect();
    if let Err(error) = compiler.open_files(files.iter().map(|(name, _)| name.as_str())) {
        return Err(vec![located(&error, &sources)]);
    }
    // Only the files Orbit does not provide: the others are in every pool already.
    let set = compiler.encode_file_descriptor_set();
    Ok(without_provided(&set))
}

/// `set` without the files Orbit provides (re-encoded through reflection, options kept).
fn without_provided(set: &[u8]) -> Vec<u8> {
    let pool = base_pool();
    let set_type = pool
        .get_message_by_name("google.protobuf.FileDescriptorSet")
        .expect("descriptor.proto is in Orbit's set");
    let Ok(mut message) = DynamicMessage::decode(set_type, set) else {
        return set.to_vec();
    };
    if let Some(Value::List(files)) = message.get_field_by_name_mut("file") {
        files.retain(|file| {
            let name = file
                .as_message()
                .and_then(|f| f.get_field_by_name("name"))
                .and_then(|n| n.as_str().map(str::to_owned))
                .unwrap_or_default();
            base_pool().get_file_by_name(&name).is_none()
        });
    }
    message.encode_to_vec()
}

/// An uploaded descriptor set's own files (those Orbit provides dropped), checked for size
/// and names.
fn own_files(bytes: &[u8]) -> Result<Vec<u8>, Vec<Problem>> {
    if bytes.len() > MAX_SCHEMA_BYTES {
        return Err(vec![Problem::general(format!(
            "the descriptor set is {} bytes; at most {MAX_SCHEMA_BYTES} (1 MiB)",
            bytes.len()
        ))]);
    }
    let decoded = prost_types::FileDescriptorSet::decode(bytes).map_err(|e| {
        vec![Problem::general(format!(
            "descriptor_set is not an encoded google.protobuf.FileDescriptorSet: {e}"
        ))]
    })?;
    if decoded.file.is_empty() {
        return Err(vec![Problem::general("the descriptor set has no files")]);
    }
    let own = without_provided(bytes);
    for name in file_names(&own) {
        if provided(&name) {
            continue;
        }
        check_file_name(&name).map_err(|p| vec![p])?;
    }
    Ok(own)
}

/// Compiles the generated service file against `pool` (Orbit's files and the upload's).
fn compile_generated(
    pool: &DescriptorPool,
    package: &str,
    source: &str,
) -> Result<Vec<u8>, Vec<Problem>> {
    let name = generate::file_name(package);
    let mut compiler = protox::Compiler::with_file_resolver(Resolver {
        uploaded: HashMap::from([(name.clone(), source.to_owned())]),
        pool: Some(pool.clone()),
    });
    compiler.include_source_info(true).include_imports(false);
    compiler.open_file(&name).map_err(|error| {
        let sources = HashMap::from([(name.as_str(), source)]);
        vec![Problem::general(format!(
            "the services Orbit generates for this schema do not compile (a name clash?): {}",
            located(&error, &sources)
        ))]
    })?;
    Ok(compiler.encode_file_descriptor_set())
}

/// Finds files for protox: the upload's, then those of `pool` (the upload compiled), then
/// Orbit's own, then protox's copies of the well-known types.
struct Resolver {
    uploaded: HashMap<String, String>,
    pool: Option<DescriptorPool>,
}

impl protox::file::FileResolver for Resolver {
    fn open_file(&self, name: &str) -> Result<protox::file::File, protox::Error> {
        if let Some(source) = self.uploaded.get(name) {
            return protox::file::File::from_source(name, source);
        }
        let known = self
            .pool
            .as_ref()
            .and_then(|pool| pool.get_file_by_name(name))
            .or_else(|| base_pool().get_file_by_name(name));
        if let Some(file) = known {
            return Ok(protox::file::File::from_file_descriptor_proto(
                file.file_descriptor_proto().clone(),
            ));
        }
        protox::file::GoogleFileResolver::new().open_file(name)
    }
}

/// A protox error as a problem with file, line and column (from its first label).
fn located(error: &protox::Error, sources: &HashMap<&str, &str>) -> Problem {
    use miette::Diagnostic;
    let file = error.file().unwrap_or_default().to_owned();
    let offset = error
        .labels()
        .and_then(|mut labels| labels.next())
        .map(|label| label.offset());
    let message = error.to_string();
    match (offset, sources.get(file.as_str())) {
        (Some(offset), Some(source)) => {
            let (line, column) = line_column(source, offset);
            Problem {
                file,
                line,
                column,
                message,
            }
        }
        _ => Problem {
            file,
            line: 0,
            column: 0,
            message,
        },
    }
}

/// 1-based line and column (in characters) of byte `offset` in `source`.
fn line_column(source: &str, offset: usize) -> (u32, u32) {
    let mut end = offset.min(source.len());
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let before = &source[..end];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    (line as u32, column as u32)
}

/// The checks a compiled upload must pass.
struct Checker<'a> {
    pool: &'a DescriptorPool,
    files: &'a [String],
    sources: &'a HashMap<String, String>,
}

impl Checker<'_> {
    /// Where a top-level element named `name` (after `keyword`) is declared in its file, when
    /// it came as source.
    fn place(&self, file: &str, keyword: &str, name: &str) -> (u32, u32) {
        let Some(source) = self.sources.get(file) else {
            return (0, 0);
        };
        let mut offset = 0;
        for line in source.split_inclusive('\n') {
            let words: Vec<&str> = line
                .split(|c: char| c.is_whitespace() || c == '{')
                .filter(|w| !w.is_empty())
                .collect();
            if let Some(at) = words.iter().position(|w| *w == keyword) {
                if words.get(at + 1) == Some(&name) {
                    let column = line.find(keyword).unwrap_or(0);
                    return line_column(source, offset + column);
                }
            }
            offset += line.len();
        }
        (0, 0)
    }

    fn at(&self, file: &str, keyword: &str, name: &str, message: String) -> Problem {
        let (line, column) = self.place(file, keyword, name);
        Problem {
            file: if self.sources.contains_key(file) {
                file.to_owned()
            } else {
                String::new()
            },
            line,
            column,
            message,
        }
    }

    fn own_files(&self) -> impl Iterator<Item = prost_reflect::FileDescriptor> + '_ {
        self.files
            .iter()
            .filter_map(|name| self.pool.get_file_by_name(name))
            .filter(|file| !provided(file.name()))
    }

    /// The package every uploaded file declares: `<prefix>.v<N>`, the pinned one if any.
    fn package(&self, namespace: &Namespace) -> Result<String, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut package: Option<String> = None;
        for file in self.own_files() {
            let declared = file.package_name().to_owned();
            let version = declared
                .strip_prefix(&namespace.prefix)
                .and_then(|rest| rest.strip_prefix(".v"));
            let valid = version.is_some_and(|v| {
                !v.is_empty() && v.len() <= 4 && v.bytes().all(|b| b.is_ascii_digit()) && v != "0"
            });
            let message = if !valid {
                Some(format!(
                    "package {declared:?} is outside the module's namespace: declare `package {}.v1;` (any version number)",
                    namespace.prefix
                ))
            } else if let Some(pinned) = namespace.pinned.as_ref().filter(|p| **p != declared) {
                Some(format!(
                    "package {declared:?} differs from the current version's {pinned:?}; a module keeps its package (records and clients depend on it)"
                ))
            } else {
                package.as_ref().filter(|p| **p != declared).map(|first| {
                    format!(
                        "package {declared:?} differs from {first:?} in another file; all files of a module share one package"
                    )
                })
            };
            match message {
                Some(message) => {
                    problems.push(self.at(file.name(), "package", &format!("{declared};"), message))
                }
                None => package = Some(declared),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        package.ok_or_else(|| vec![Problem::general("the upload has no files of its own")])
    }

    /// The record types, after checking every message, service and extension of the upload.
    fn entities(&self) -> Result<Vec<Entity>, Vec<Problem>> {
        let entity_option = self
            .pool
            .get_extension_by_name("orbit.user.v1.entity")
            .expect("options.proto is in Orbit's set");
        let field_option = self
            .pool
            .get_extension_by_name("orbit.user.v1.field")
            .expect("options.proto is in Orbit's set");
        let mut problems = Vec::new();
        let mut messages = Vec::new();
        for file in self.own_files() {
            for service in file.services() {
                problems.push(self.at(
                    file.name(),
                    "service",
                    service.name(),
                    format!(
                        "service {} is declared, but a user module cannot declare services: Orbit generates one per record type",
                        service.name()
                    ),
                ));
            }
            if file.extensions().len() > 0 {
                problems.push(Problem {
                    file: file.name().to_owned(),
                    line: 0,
                    column: 0,
                    message: "extensions are not supported in a user module".into(),
                });
            }
            for message in file.messages() {
                collect(&message, &mut messages);
            }
        }
        if messages.len() > MAX_MESSAGES {
            problems.push(Problem::general(format!(
                "the schema declares {} message types; at most {MAX_MESSAGES}",
                messages.len()
            )));
            return Err(problems);
        }
        for message in &messages {
            let fields = message.fields().len();
            if fields > MAX_FIELDS_PER_MESSAGE {
                problems.push(self.at(
                    message.parent_file().name(),
                    "message",
                    message.name(),
                    format!(
                        "message {} has {fields} fields; at most {MAX_FIELDS_PER_MESSAGE}",
                        message.full_name()
                    ),
                ));
            }
            if message.extensions().len() > 0 {
                problems.push(Problem::general(format!(
                    "message {}: extensions are not supported in a user module",
                    message.full_name()
                )));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut depths = HashMap::new();
        for message in &messages {
            let depth = nesting(message, &mut depths, &mut Vec::new());
            if depth > MAX_NESTING {
                problems.push(self.at(
                    message.parent_file().name(),
                    "message",
                    message.name(),
                    format!(
                        "message {} nests message fields {depth} levels deep; at most {MAX_NESTING} (the decoder's recursion limit)",
                        message.full_name()
                    ),
                ));
                break;
            }
        }
        let mut entities = Vec::new();
        let mut keys = HashMap::new();
        for message in &messages {
            let options = message.options();
            if !options.has_extension(&entity_option) {
                continue;
            }
            let file = message.parent_file();
            let here = |text: String| self.at(file.name(), "message", message.name(), text);
            if message.parent_message().is_some() {
                problems.push(here(format!(
                    "message {} is marked as a record type but is nested: only top-level messages can be record types",
                    message.full_name()
                )));
                continue;
            }
            match entity(message, &options, &entity_option, &field_option) {
                Ok(entity) => {
                    if let Some(other) = keys.insert(entity.key.clone(), message.name().to_owned())
                    {
                        problems.push(here(format!(
                            "record types {other} and {} have the same snake_case name {:?}",
                            message.name(),
                            entity.key
                        )));
                    }
                    entities.push(entity);
                }
                Err(text) => problems.push(here(text)),
            }
        }
        for message in &messages {
            if message.parent_message().is_none() {
                if let Some(owner) = entities.iter().find(|e| {
                    generate::reserved_names(&e.message).contains(&message.name().to_owned())
                }) {
                    problems.push(self.at(
                        message.parent_file().name(),
                        "message",
                        message.name(),
                        format!(
                            "message {} clashes with a name Orbit generates for record type {}; rename it",
                            message.name(),
                            owner.message.name()
                        ),
                    ));
                }
            }
        }
        if entities.is_empty() && problems.is_empty() {
            problems.push(Problem::general(
                "the schema declares no record type: mark a top-level message with `option (orbit.user.v1.entity) = {};` (import \"orbit/user/v1/options.proto\") and give it a `string id` field",
            ));
        }
        if problems.is_empty() {
            Ok(entities)
        } else {
            Err(problems)
        }
    }
}

/// `message` and every message nested in it (map entries aside).
fn collect(message: &MessageDescriptor, into: &mut Vec<MessageDescriptor>) {
    if message.is_map_entry() {
        return;
    }
    into.push(message.clone());
    for child in message.child_messages() {
        collect(&child, into);
    }
}

/// The longest chain of message-typed fields from `message`, cycles not followed.
fn nesting(
    message: &MessageDescriptor,
    known: &mut HashMap<String, usize>,
    path: &mut Vec<String>,
) -> usize {
    if let Some(depth) = known.get(message.full_name()) {
        return *depth;
    }
    if path.iter().any(|p| p == message.full_name()) || path.len() > MAX_NESTING * 2 {
        return 0;
    }
    path.push(message.full_name().to_owned());
    let mut deepest = 0;
    for field in message.fields() {
        if let Kind::Message(inner) = field.kind() {
            deepest = deepest.max(nesting(&inner, known, path));
        }
    }
    path.pop();
    let depth = deepest + 1;
    // Kept even when a cycle cut it short (then it is a lower bound): without the memo a
    // schema of many fields between few messages would take exponential time.
    known.insert(message.full_name().to_owned(), depth);
    depth
}

/// The record type `message` declares, or why it cannot be one.
fn entity(
    message: &MessageDescriptor,
    options: &DynamicMessage,
    entity_option: &ExtensionDescriptor,
    field_option: &ExtensionDescriptor,
) -> Result<Entity, String> {
    let declared = options.get_extension(entity_option);
    let declared = declared.as_message();
    let role = |name: &str| -> Result<Role, String> {
        let number = declared
            .and_then(|d| d.get_field_by_name(name))
            .and_then(|v| v.as_enum_number())
            .unwrap_or(0);
        match Role::try_from(number) {
            Ok(Role::Unspecified) => Ok(Role::ProjectUser),
            Ok(role @ (Role::ProjectUser | Role::ProjectAdmin | Role::OrgAdmin)) => Ok(role),
            _ => Err(format!(
                "record type {}: its {name} role must be ROLE_PROJECT_USER, ROLE_PROJECT_ADMIN or ROLE_ORG_ADMIN",
                message.name()
            )),
        }
    };
    let read = role("read")?;
    let write = role("write")?;
    let label = declared
        .and_then(|d| d.get_field_by_name("label"))
        .and_then(|v| v.as_str().map(str::to_owned))
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| message.name().to_owned());
    let id = message
        .get_field_by_name("id")
        .filter(|f| f.kind() == Kind::String && f.cardinality() != Cardinality::Repeated)
        .ok_or_else(|| {
            format!(
                "record type {} has no `string id` field (any number): add one",
                message.name()
            )
        })?;
    let mut indexed = Vec::new();
    let mut ordered = Vec::new();
    let mut required = Vec::new();
    for field in message.fields() {
        let options = field.options();
        if !options.has_extension(field_option) {
            continue;
        }
        let flags = options.get_extension(field_option);
        let flag = |name: &str| {
            flags
                .as_message()
                .and_then(|m| m.get_field_by_name(name))
                .and_then(|v| v.as_bool())
                .unwrap_or(false)
        };
        let scalar =
            !field.is_list() && !field.is_map() && !matches!(field.kind(), Kind::Message(_));
        for (name, list) in [("indexed", &mut indexed), ("ordered", &mut ordered)] {
            if flag(name) {
                if !scalar || field.kind() == Kind::Bytes {
                    return Err(format!(
                        "field {}.{} is marked {name}, which only singular scalar and enum fields (not bytes) can be",
                        message.name(),
                        field.name()
                    ));
                }
                list.push(field.clone());
            }
        }
        if flag("required") {
            required.push(field.clone());
        }
    }
    let key = snake_case(message.name());
    Ok(Entity {
        service: format!("{}.{}Service", message.package_name(), message.name()),
        message: message.clone(),
        key,
        label,
        read,
        write,
        id,
        indexed,
        ordered,
        required,
    })
}

/// `ContactNote` → `contact_note`, `HTTPLog` → `http_log`.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let previous = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1);
            let boundary = previous.is_some_and(|p| {
                p.is_ascii_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_ascii_uppercase() && next.is_some_and(|n| n.is_ascii_lowercase()))
            });
            if boundary && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(*c);
        }
    }
    out
}

#[cfg(test)]
mod tests;
