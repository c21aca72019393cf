//! Calls any Orbit RPC by its descriptor: a tonic codec for `DynamicMessage` over the
//! embedded `FileDescriptorSet`, so the seeder sends what the generator built without a
//! typed client per service. Unary calls only; the seeder never opens a stream.
//!
//! It knows nothing about what it sends: no field names, no retries (see `phases.rs`).

use std::str::FromStr;
use std::sync::LazyLock;
use std::time::Duration;

use anyhow::Context;
use http::uri::PathAndQuery;
use orbit_proto::dynamic::DynamicCodec;
use prost_reflect::{DescriptorPool, DynamicMessage, MethodDescriptor};
use tonic::metadata::MetadataValue;
use tonic::transport::{Channel, Endpoint};

/// Every Orbit service, message and option, decoded once.
pub(crate) static POOL: LazyLock<DescriptorPool> = LazyLock::new(|| {
    DescriptorPool::decode(orbit_proto::FILE_DESCRIPTOR_SET)
        .expect("the embedded descriptor set decodes")
});

/// The method `Service/Method` of package `orbit.*`, e.g.
/// `orbit.system.v1.RecordService/PutRecord`.
pub(crate) fn method(path: &str) -> MethodDescriptor {
    let (service, name) = path.split_once('/').expect("Service/Method");
    POOL.get_service_by_name(service)
        .and_then(|s| s.methods().find(|m| m.name() == name))
        .unwrap_or_else(|| panic!("{path} is not in the descriptor set"))
}

/// Connects to `url`, optionally from a given local address (loopback sign-ups, see
/// `accounts.rs`).
pub(crate) async fn connect(url: &str, local: Option<std::net::IpAddr>) -> anyhow::Result<Channel> {
    Endpoint::from_shared(url.to_owned())
        .with_context(|| format!("{url} is not a server URL; use e.g. http://127.0.0.1:50051"))?
        .local_address(local)
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(60))
        .connect()
        .await
        .with_context(|| format!("cannot connect to {url}; is `orbit serve` running there?"))
}

/// Sends `request` to `method` with an optional bearer token; the answer decoded with the
/// method's output descriptor.
pub(crate) async fn unary(
    channel: &Channel,
    method: &MethodDescriptor,
    request: DynamicMessage,
    token: Option<&str>,
) -> Result<DynamicMessage, tonic::Status> {
    let mut grpc = tonic::client::Grpc::new(channel.clone());
    grpc.ready()
        .await
        .map_err(|e| tonic::Status::unavailable(format!("connection not ready: {e}")))?;
    let path = format!("/{}/{}", method.parent_service().full_name(), method.name());
    let path = PathAndQuery::from_str(&path).expect("a method path is a valid URI path");
    let mut request = tonic::Request::new(request);
    if let Some(token) = token {
        let value = MetadataValue::from_str(&format!("Bearer {token}"))
            .map_err(|_| tonic::Status::invalid_argument("token is not ASCII"))?;
        request.metadata_mut().insert("authorization", value);
    }
    let codec = DynamicCodec::for_answers(method.output());
    grpc.unary(request, path, codec)
        .await
        .map(tonic::Response::into_inner)
}
