//! The handler of `orbit.cdc.v1.RelayService` and the relay's gRPC health status.
//!
//! `GetRelayStatus` reports the relay's connection, stream, last error and, per module feed,
//! position, head and lag (or `enabled = false` when the instance runs without NATS). The
//! health service name `orbit.cdc.v1.RelayService` is SERVING while the relay is connected and
//! publishing, NOT_SERVING otherwise (also when the relay is off). Authorisation (sys-admin)
//! is done by the auth layer before the handler runs.

use orbit_proto::orbit::cdc::v1 as pb;
use orbit_proto::orbit::cdc::v1::relay_service_server::{RelayService, RelayServiceServer};
use tonic::server::NamedService;
use tonic::{Request, Response, Status};
use tonic_health::ServingStatus;
use tonic_health::server::HealthReporter;

use crate::relay::{Relay, RelayStatus};

/// Serves `orbit.cdc.v1.RelayService`; `None` when the relay is off.
#[derive(Debug, Clone)]
pub struct RelayApi {
    relay: Option<Relay>,
}

impl RelayApi {
    pub fn new(relay: Option<Relay>) -> Self {
        RelayApi { relay }
    }

    /// Keeps the health status of `orbit.cdc.v1.RelayService` in step with the relay's
    /// connection, from now until the runtime ends.
    pub async fn report_health(&self, health: HealthReporter) {
        let name = <RelayServiceServer<RelayApi> as NamedService>::NAME;
        let Some(relay) = &self.relay else {
            health
                .set_service_status(name, ServingStatus::NotServing)
                .await;
            return;
        };
        let mut connected = relay.watch_connected();
        let initial = serving(*connected.borrow_and_update());
        health.set_service_status(name, initial).await;
        tokio::spawn(async move {
            while connected.changed().await.is_ok() {
                let status = serving(*connected.borrow_and_update());
                health.set_service_status(name, status).await;
            }
        });
    }
}

fn serving(connected: bool) -> ServingStatus {
    if connected {
        ServingStatus::Serving
    } else {
        ServingStatus::NotServing
    }
}

#[tonic::async_trait]
impl RelayService for RelayApi {
    /// `RelayService.GetRelayStatus`.
    #[tracing::instrument(skip_all)]
    async fn get_relay_status(
        &self,
        _request: Request<pb::GetRelayStatusRequest>,
    ) -> Result<Response<pb::GetRelayStatusResponse>, Status> {
        let status = match &self.relay {
            Some(relay) => to_proto(relay.status().await),
            None => pb::RelayStatus::default(),
        };
        Ok(Response::new(pb::GetRelayStatusResponse {
            status: Some(status),
        }))
    }
}

fn to_proto(status: RelayStatus) -> pb::RelayStatus {
    pb::RelayStatus {
        enabled: true,
        connected: status.connected,
        nats_url: status.nats_url,
        stream: status.stream,
        feeds: status
            .feeds
            .into_iter()
            .map(|feed| pb::RelayFeed {
                lag: feed.lag(),
                module: feed.module,
                position: feed.position,
                head_seq: feed.head,
                last_published_at: feed.last_published_at.map(prost_types::Timestamp::from),
            })
            .collect(),
        last_error: status.last_error.unwrap_or_default(),
    }
}
