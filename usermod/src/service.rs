//! The handler of `orbit.user.v1.UserModuleService`: requests and answers of the API turned
//! into calls on [`UserModules`] (the auth layer has checked the caller's role in the org or
//! project named by the request).

use orbit_proto::orbit::user::v1 as pb;
use orbit_proto::orbit::user::v1::user_module_service_server::UserModuleService;
use tonic::{Request, Response, Status};

use crate::cards;
use crate::definitions::{CustomPages, ModuleDef, VersionDef};
use crate::error::UserModuleError;
use crate::live::{Loaded, UploadOutcome, UserModules};
use crate::schema::{Problem, Upload};

/// Serves `orbit.user.v1.UserModuleService`.
#[derive(Clone, Debug)]
pub struct UserModuleApi {
    modules: UserModules,
}

impl UserModuleApi {
    pub fn new(modules: UserModules) -> UserModuleApi {
        UserModuleApi { modules }
    }
}

/// The API's view of a module: with what is served when `loaded` is given (and its
/// descriptor set when `with_set`).
fn to_proto(def: &ModuleDef, loaded: Option<&Loaded>, with_set: bool) -> pb::UserModule {
    let loaded = loaded.filter(|l| l.def.version == def.version);
    let entities = loaded
        .map(|l| {
            l.schema
                .entities
                .iter()
                .map(|e| pb::EntityType {
                    message: e.message.full_name().to_owned(),
                    service: e.service.clone(),
                    label: e.label.clone(),
                    read: e.read as i32,
                    write: e.write as i32,
                    indexed: e.indexed.iter().map(|f| f.name().to_owned()).collect(),
                    ordered: e.ordered.iter().map(|f| f.name().to_owned()).collect(),
                    required: e.required.iter().map(|f| f.name().to_owned()).collect(),
                })
                .collect()
        })
        .unwrap_or_default();
    pb::UserModule {
        org_id: def.org_id.clone(),
        name: def.name.clone(),
        description: def.description.clone(),
        package: def.package.clone(),
        namespace: def.namespace.clone(),
        version: def.version,
        disabled: def.disabled,
        services: loaded
            .map(|l| {
                l.schema
                    .entities
                    .iter()
                    .map(|e| e.service.clone())
                    .collect()
            })
            .unwrap_or_default(),
        pages: loaded
            .map(|l| {
                l.schema
                    .entities
                    .iter()
                    .flat_map(|e| cards::pages(&l.def, e))
                    .collect()
            })
            .unwrap_or_default(),
        descriptor_set: match loaded {
            Some(l) if with_set => l.schema.served_set.clone(),
            _ => Vec::new(),
        },
        entities,
        created_at_ms: def.created_at_ms,
        database: def.database.clone(),
    }
}

fn schema_error(problem: Problem) -> pb::SchemaError {
    pb::SchemaError {
        file: problem.file,
        line: problem.line,
        column: problem.column,
        message: problem.message,
    }
}

fn version_to_proto(version: VersionDef) -> pb::SchemaVersion {
    pb::SchemaVersion {
        version: version.version,
        uploaded_at_ms: version.uploaded_at_ms,
        uploaded_by: version.uploaded_by,
        files: version
            .files
            .into_iter()
            .map(|(name, content)| pb::SchemaFile { name, content })
            .collect(),
        changes: version.changes,
    }
}

#[tonic::async_trait]
impl UserModuleService for UserModuleApi {
    async fn create_module(
        &self,
        request: Request<pb::CreateModuleRequest>,
    ) -> Result<Response<pb::CreateModuleResponse>, Status> {
        let caller = orbit_system::server::context(&request);
        let request = request.into_inner();
        let def = self
            .modules
            .create(
                &caller,
                &request.org_id,
                &request.name,
                &request.description,
            )
            .await?;
        Ok(Response::new(pb::CreateModuleResponse {
            module: Some(to_proto(&def, None, false)),
        }))
    }

    async fn upload_schema(
        &self,
        request: Request<pb::UploadSchemaRequest>,
    ) -> Result<Response<pb::UploadSchemaResponse>, Status> {
        let caller = orbit_system::server::context(&request);
        let request = request.into_inner();
        let upload = match (request.files.is_empty(), request.descriptor_set.is_empty()) {
            (false, true) => Upload::Files(
                request
                    .files
                    .into_iter()
                    .map(|f| (f.name, f.content))
                    .collect(),
            ),
            (true, false) => Upload::DescriptorSet(request.descriptor_set),
            (false, false) => {
                return Err(UserModuleError::invalid(
                    "descriptor_set",
                    "send files or a descriptor set, not both",
                )
                .into());
            }
            (true, true) => {
                return Err(UserModuleError::invalid(
                    "files",
                    "send .proto files or a descriptor set",
                )
                .into());
            }
        };
        let UploadOutcome {
            applied,
            problems,
            breaking,
            changes,
            def,
        } = self
            .modules
            .upload(
                &caller,
                &request.org_id,
                &request.name,
                upload,
                request.validate_only,
            )
            .await?;
        let module = def.map(|def| {
            let loaded = self.modules.loaded(&def.org_id, &def.name);
            to_proto(&def, loaded.as_deref(), false)
        });
        Ok(Response::new(pb::UploadSchemaResponse {
            applied,
            module,
            errors: problems.into_iter().map(schema_error).collect(),
            breaking,
            changes,
        }))
    }

    async fn list_modules(
        &self,
        request: Request<pb::ListModulesRequest>,
    ) -> Result<Response<pb::ListModulesResponse>, Status> {
        let request = request.into_inner();
        let defs = self.modules.list(&request.org_id).await?;
        let modules = defs
            .iter()
            .map(|def| {
                let loaded = self.modules.loaded(&def.org_id, &def.name);
                to_proto(def, loaded.as_deref(), false)
            })
            .collect();
        Ok(Response::new(pb::ListModulesResponse { modules }))
    }

    async fn list_project_modules(
        &self,
        request: Request<pb::ListProjectModulesRequest>,
    ) -> Result<Response<pb::ListProjectModulesResponse>, Status> {
        let caller = orbit_system::server::context(&request);
        let request = request.into_inner();
        let loaded = self
            .modules
            .of_project(&caller, &request.project_id)
            .await?;
        let modules = loaded
            .iter()
            .map(|l| to_proto(&l.def, Some(l), true))
            .collect();
        Ok(Response::new(pb::ListProjectModulesResponse { modules }))
    }

    async fn get_module(
        &self,
        request: Request<pb::GetModuleRequest>,
    ) -> Result<Response<pb::GetModuleResponse>, Status> {
        let request = request.into_inner();
        let (def, versions, loaded) = self.modules.get(&request.org_id, &request.name).await?;
        let custom_pages = def
            .pages
            .iter()
            .map(|(message, pages)| pb::EntityPages {
                message: message.clone(),
                list_card: pages.list.clone(),
                detail_card: pages.detail.clone(),
                form_card: pages.form.clone(),
            })
            .collect();
        Ok(Response::new(pb::GetModuleResponse {
            module: Some(to_proto(&def, loaded.as_deref(), true)),
            versions: versions.into_iter().map(version_to_proto).collect(),
            custom_pages,
        }))
    }

    async fn set_module_disabled(
        &self,
        request: Request<pb::SetModuleDisabledRequest>,
    ) -> Result<Response<pb::SetModuleDisabledResponse>, Status> {
        let request = request.into_inner();
        let def = self
            .modules
            .set_disabled(&request.org_id, &request.name, request.disabled)
            .await?;
        let loaded = self.modules.loaded(&def.org_id, &def.name);
        Ok(Response::new(pb::SetModuleDisabledResponse {
            module: Some(to_proto(&def, loaded.as_deref(), false)),
        }))
    }

    async fn set_pages(
        &self,
        request: Request<pb::SetPagesRequest>,
    ) -> Result<Response<pb::SetPagesResponse>, Status> {
        let request = request.into_inner();
        let pages = request
            .pages
            .ok_or_else(|| UserModuleError::invalid("pages", "is required"))?;
        let def = self
            .modules
            .set_pages(
                &request.org_id,
                &request.name,
                &pages.message,
                CustomPages {
                    list: pages.list_card,
                    detail: pages.detail_card,
                    form: pages.form_card,
                },
            )
            .await?;
        let loaded = self.modules.loaded(&def.org_id, &def.name);
        Ok(Response::new(pb::SetPagesResponse {
            module: Some(to_proto(&def, loaded.as_deref(), false)),
        }))
    }

    async fn delete_module(
        &self,
        request: Request<pb::DeleteModuleRequest>,
    ) -> Result<Response<pb::DeleteModuleResponse>, Status> {
        let request = request.into_inner();
        let erased = self
            .modules
            .delete(&request.org_id, &request.name, &request.confirm)
            .await?;
        Ok(Response::new(pb::DeleteModuleResponse { erased }))
    }
}
