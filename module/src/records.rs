//! Records, the first module on the seam: schemaless JSON records per project and entity
//! type (`orbit.system.v1.RecordService`). Its logic lives in orbit-system (`records/`); this
//! is only how it plugs in.

use async_trait::async_trait;
use orbit_cdc::codec::{DatabaseCodec, ValueCodec};
use orbit_proto::orbit::system::v1::record_service_server::RecordServiceServer;
use orbit_system::records::Records;
use orbit_system::server::RecordApi;

use crate::{Built, Manifest, Module, ModuleContext, ModuleError, Page, Service};

/// The records module (always compiled in).
#[derive(Debug, Default)]
pub struct RecordsModule;

#[async_trait]
impl Module for RecordsModule {
    fn manifest(&self) -> Manifest {
        Manifest {
            name: "records",
            version: env!("CARGO_PKG_VERSION"),
            description: "schemaless JSON records per project and entity type",
            services: vec!["orbit.system.v1.RecordService"],
            views: Vec::new(),
            pages: vec![
                Page::hand_written("records", "/p/:project/records", "records-title", true),
                Page::hand_written(
                    "entity",
                    "/p/:project/records/:entity",
                    "records-title",
                    false,
                ),
            ],
            has_feed: true,
        }
    }

    fn codec(&self) -> DatabaseCodec {
        DatabaseCodec::uniform(ValueCodec::RecordEnvelope)
    }

    async fn build(&self, context: ModuleContext) -> Result<Built, ModuleError> {
        let records = Records::new(context.database, context.identity);
        Ok(Built {
            services: vec![Service::new(RecordServiceServer::new(RecordApi::new(
                records,
            )))],
            parts: Vec::new(),
        })
    }
}
