//! The GUI's files as a browser meets them on the gRPC port: plain HTTP/1.1 GETs get the
//! embedded bundle (client routes fall back to `index.html`), with security headers and
//! caching; a plain-HTTP request never reaches a gRPC service.

use std::io::{Read, Write};
use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use crate::common::{Server, TestDir};

/// Sends one HTTP/1.1 request and returns the lower-cased head and the body.
async fn exchange(addr: SocketAddr, request: String) -> (String, Vec<u8>) {
    tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("HTTP head");
        let head = String::from_utf8_lossy(&raw[..split]).to_lowercase();
        (head, raw[split + 4..].to_vec())
    })
    .await
    .unwrap()
}

fn get(addr: SocketAddr, path: &str, extra: &str) -> String {
    format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n{extra}Connection: close\r\n\r\n")
}

fn built_index() -> Option<Vec<u8>> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("gui/dist/index.html")).ok()
}

#[tokio::test]
async fn the_gui_is_served_on_the_grpc_port_and_client_routes_fall_back_to_the_index() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let addr = server.addr;

    let (head, root) = exchange(addr, get(addr, "/", "")).await;
    assert!(head.starts_with("http/1.1 200"), "{head}");
    assert!(head.contains("content-type: text/html"), "{head}");
    assert!(
        head.contains("content-security-policy: default-src 'self'"),
        "{head}"
    );
    assert!(head.contains("x-content-type-options: nosniff"), "{head}");
    if let Some(index) = built_index() {
        assert_eq!(root, index, "/ is gui/dist/index.html");
        assert!(head.contains("cache-control: no-cache"), "{head}");
    } else {
        assert!(String::from_utf8_lossy(&root).contains("npm run build"));
    }

    // A route of the client-side router is the same page.
    let (head, route) = exchange(addr, get(addr, "/orgs/o1/projects/p1/chat", "")).await;
    assert!(head.starts_with("http/1.1 200"), "{head}");
    assert_eq!(route, root);

    // A file that is not in the bundle is a 404, not the index.
    let (head, _) = exchange(addr, get(addr, "/assets/missing-0000.js", "")).await;
    assert!(head.starts_with("http/1.1 404"), "{head}");
}

#[tokio::test]
async fn bundle_files_are_cached_revalidated_and_gzipped() {
    let Some(_) = built_index() else {
        // Nothing to cache before the GUI is built; the fallback page is tested above.
        return;
    };
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let addr = server.addr;
    let (head, _) = exchange(addr, get(addr, "/", "")).await;
    let etag = head
        .lines()
        .find_map(|line| line.strip_prefix("etag: "))
        .expect("an etag")
        .to_owned();
    let (head, body) = exchange(addr, get(addr, "/", &format!("If-None-Match: {etag}\r\n"))).await;
    assert!(head.starts_with("http/1.1 304"), "{head}");
    assert!(body.is_empty());

    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("gui/dist/assets");
    let script = std::fs::read_dir(&assets)
        .expect("gui/dist/assets")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .find(|name| name.ends_with(".js"))
        .expect("a script in gui/dist/assets");
    let (head, _) = exchange(
        addr,
        get(
            addr,
            &format!("/assets/{script}"),
            "Accept-Encoding: gzip\r\n",
        ),
    )
    .await;
    assert!(head.starts_with("http/1.1 200"), "{head}");
    assert!(head.contains("javascript"), "{head}");
    assert!(head.contains("immutable"), "{head}");
    assert!(head.contains("content-encoding: gzip"), "{head}");
}

#[tokio::test]
async fn plain_http_never_reaches_a_grpc_service() {
    let dir = TestDir::new();
    let server = Server::start(dir.serve()).await;
    let addr = server.addr;
    // A form post or a JSON body to an RPC's path is not a gRPC call: it gets the HTTP
    // router's answer, never the service's (which would skip the auth layer).
    let request = format!(
        "POST /orbit.system.v1.OrgService/ListOrgs HTTP/1.1\r\nHost: {addr}\r\n\
         Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"
    );
    let (head, body) = exchange(addr, request).await;
    assert!(head.starts_with("http/1.1 405"), "{head}");
    assert!(!head.contains("grpc-status"), "{head}");
    assert!(String::from_utf8_lossy(&body).contains("application/grpc"));
}
