//! Garbage to every RPC of the descriptor set, as an anonymous caller and as the sys-admin:
//! bytes that are no protobuf, truncated fields, invalid UTF-8, a message nested past the
//! decoder's recursion limit. Whatever the RPC, the answer is a client error (INVALID_ARGUMENT
//! and friends), never INTERNAL: INTERNAL means a bug. Also: an unknown method is
//! UNIMPLEMENTED, and a token sent without its `Bearer ` scheme is told so.

use std::str::FromStr;

use bytes::{Buf, BufMut};
use orbit_proto::access::access_table;
use prost_reflect::DescriptorPool;
use rand::{Rng, SeedableRng};
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};
use tonic::metadata::MetadataValue;
use tonic::transport::Channel;

use crate::common::tenant::sign_up;
use crate::common::{Server, TestDir};

/// Sends raw bytes as the request message; keeps the response as raw bytes.
#[derive(Debug, Default, Clone)]
struct BytesCodec;

impl Codec for BytesCodec {
    type Encode = Vec<u8>;
    type Decode = Vec<u8>;
    type Encoder = BytesCodec;
    type Decoder = BytesCodec;

    fn encoder(&mut self) -> Self::Encoder {
        BytesCodec
    }

    fn decoder(&mut self) -> Self::Decoder {
        BytesCodec
    }
}

impl Encoder for BytesCodec {
    type Item = Vec<u8>;
    type Error = tonic::Status;

    fn encode(&mut self, item: Vec<u8>, dst: &mut EncodeBuf<'_>) -> Result<(), tonic::Status> {
        dst.put_slice(&item);
        Ok(())
    }
}

impl Decoder for BytesCodec {
    type Item = Vec<u8>;
    type Error = tonic::Status;

    fn decode(&mut self, src: &mut DecodeBuf<'_>) -> Result<Option<Vec<u8>>, tonic::Status> {
        Ok(Some(src.copy_to_bytes(src.remaining()).to_vec()))
    }
}

/// Field 1 holding a message that holds field 1 … `depth` times.
fn nested(depth: usize) -> Vec<u8> {
    let mut message = Vec::new();
    for _ in 0..depth {
        let mut outer = vec![0x0a];
        prost::encoding::encode_varint(message.len() as u64, &mut outer);
        outer.extend_from_slice(&message);
        message = outer;
    }
    message
}

/// The payloads every RPC gets.
fn payloads() -> Vec<(&'static str, Vec<u8>)> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(0x0b17);
    let mut random = vec![0u8; 64];
    rng.fill(&mut random[..]);
    vec![
        ("bad tag", vec![0xff; 12]),
        ("truncated field", vec![0x0a, 0x05, 0x01]),
        ("invalid utf-8", vec![0x0a, 0x02, 0xff, 0xfe]),
        (
            "wrong wire type",
            vec![0x0d, 0x01, 0x02, 0x03, 0x04, 0x08, 0x01],
        ),
        ("nested 200 deep", nested(200)),
        ("random", random),
    ]
}

async fn call(
    channel: &Channel,
    path: &str,
    streaming: bool,
    body: Vec<u8>,
    token: Option<&str>,
) -> Result<(), tonic::Status> {
    let mut grpc = tonic::client::Grpc::new(channel.clone());
    grpc.ready().await.expect("channel ready");
    let path = http::uri::PathAndQuery::from_str(path).expect("path");
    let mut request = tonic::Request::new(body);
    if let Some(token) = token {
        let value = MetadataValue::from_str(&format!("Bearer {token}")).expect("ascii");
        request.metadata_mut().insert("authorization", value);
    }
    if streaming {
        let mut stream = grpc
            .server_streaming(request, path, BytesCodec)
            .await?
            .into_inner();
        // Silent for long enough (on a loaded machine too) counts as opened.
        match tokio::time::timeout(std::time::Duration::from_secs(2), stream.message()).await {
            Ok(first) => first.map(drop),
            Err(_silent) => Ok(()),
        }
    } else {
        grpc.unary(request, path, BytesCodec).await.map(drop)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_to_every_rpc_is_never_internal() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let channel = server.channel().await;
    let admin = sign_up(&channel, "root@example.org").await;

    let table = access_table(orbit_proto::FILE_DESCRIPTOR_SET).expect("valid declarations");
    let pool = DescriptorPool::decode(orbit_proto::FILE_DESCRIPTOR_SET).expect("pool");
    let mut paths: Vec<&String> = table.keys().collect();
    // Calls that end sessions go last, so the others run with a live token.
    paths.sort_by_key(|path| (path.contains("/LogOut"), path.to_string()));
    let mut internal = Vec::new();
    let mut calls = 0;
    for path in paths {
        let (service, method) = path[1..].split_once('/').expect("/service/method");
        let streaming = pool
            .get_service_by_name(service)
            .and_then(|s| s.methods().find(|m| m.name() == method))
            .expect("declared rpcs are in the pool")
            .is_server_streaming();
        for token in [None, Some(admin.as_str())] {
            for (what, body) in payloads() {
                calls += 1;
                if let Err(status) = call(&channel, path, streaming, body, token).await {
                    if status.code() == tonic::Code::Internal {
                        internal.push(format!(
                            "{path} ({what}, {}): {}",
                            if token.is_some() {
                                "sys-admin"
                            } else {
                                "anonymous"
                            },
                            status.message()
                        ));
                    }
                }
            }
        }
    }
    assert!(calls > 100, "only {calls} calls");
    assert!(
        internal.is_empty(),
        "INTERNAL for client garbage:\n{}\n{}",
        internal.join("\n"),
        server.logs()
    );

    // An unknown method is UNIMPLEMENTED, not a permission problem.
    let unknown = call(
        &channel,
        "/orbit.system.v1.SystemService/Nope",
        false,
        Vec::new(),
        None,
    )
    .await
    .expect_err("no such rpc");
    assert_eq!(unknown.code(), tonic::Code::Unimplemented, "{unknown:?}");

    // A token without its scheme is told what is missing.
    let mut grpc = tonic::client::Grpc::new(channel.clone());
    grpc.ready().await.expect("ready");
    let mut request = tonic::Request::new(Vec::new());
    request.metadata_mut().insert(
        "authorization",
        MetadataValue::from_str(&admin).expect("ascii"),
    );
    let bare = grpc
        .unary(
            request,
            http::uri::PathAndQuery::from_static("/orbit.system.v1.AccountService/GetProfile"),
            BytesCodec,
        )
        .await
        .expect_err("a bare token is refused");
    assert_eq!(bare.code(), tonic::Code::Unauthenticated, "{bare:?}");
    assert!(bare.message().contains("Bearer"), "{bare:?}");
}
