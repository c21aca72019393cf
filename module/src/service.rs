//! The handler of `orbit.system.v1.ModuleService`: the modules this instance runs, as the
//! registry built them.

use std::sync::{Arc, Mutex};

use orbit_proto::orbit::system::v1 as pb;
use orbit_proto::orbit::system::v1::module_service_server::ModuleService;
use tonic::{Request, Response, Status};

/// Serves `orbit.system.v1.ModuleService`.
#[derive(Debug, Clone)]
pub struct ModuleApi {
    status: Arc<Mutex<Vec<pb::ModuleInfo>>>,
}

impl ModuleApi {
    /// `status` is [`crate::Running::status`].
    pub fn new(status: Arc<Mutex<Vec<pb::ModuleInfo>>>) -> ModuleApi {
        ModuleApi { status }
    }

    /// Marks every running module as stopping (at shutdown).
    pub fn stopping(&self) {
        for info in self.status.lock().expect("module status").iter_mut() {
            if info.state == pb::ModuleState::Running as i32 {
                info.state = pb::ModuleState::Stopping as i32;
            }
        }
    }
}

#[tonic::async_trait]
impl ModuleService for ModuleApi {
    /// `ModuleService.ListModules`.
    #[tracing::instrument(skip_all)]
    async fn list_modules(
        &self,
        _request: Request<pb::ListModulesRequest>,
    ) -> Result<Response<pb::ListModulesResponse>, Status> {
        let modules = self.status.lock().expect("module status").clone();
        Ok(Response::new(pb::ListModulesResponse { modules }))
    }
}
