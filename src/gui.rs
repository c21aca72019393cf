//! The web GUI's files: `gui/dist`, embedded in the binary at build time (debug builds too,
//! so tests serve what ships) and served as plain HTTP on the gRPC port.
//!
//! A path that names a file gets it; any other path without a file extension gets
//! `index.html`, because the GUI routes on the client (History API). Hashed files under
//! `assets/` are cached for a year; `index.html` is revalidated every time (ETag), so a new
//! build reaches browsers at once. A build made before the GUI was built answers with a page
//! that says how to build it.

use std::borrow::Cow;

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

#[derive(rust_embed::Embed)]
#[folder = "gui/dist/"]
#[allow_missing = true]
struct Bundle;

/// What the browser may load and where it may connect: only this origin (gRPC-Web is same
/// origin), media from the camera and blobs for calls, no framing by other sites.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; \
    connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

const NOT_BUILT: &str = "<!doctype html><meta charset=utf-8><title>Orbit</title>\
    <p>This build of Orbit has no web GUI: run <code>npm ci &amp;&amp; npm run build</code> in \
    <code>gui/</code>, then rebuild <code>orbit</code>. The gRPC API on this port works without it.";

/// The router that serves the GUI; gzip when the browser accepts it.
pub(crate) fn router() -> axum::Router {
    axum::Router::new()
        .fallback(serve)
        .layer(tower_http::compression::CompressionLayer::new())
}

async fn serve(method: Method, uri: Uri, headers: HeaderMap) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
            "only GET and HEAD are served here; gRPC calls need content-type application/grpc or application/grpc-web\n",
        )
            .into_response();
    }
    let path = uri.path().trim_start_matches('/');
    let (name, file) = match Bundle::get(path).filter(|_| !path.is_empty()) {
        Some(file) => (path, file),
        None if is_file_like(path) => {
            return (StatusCode::NOT_FOUND, "no such file in the GUI bundle\n").into_response();
        }
        None => match Bundle::get("index.html") {
            Some(file) => ("index.html", file),
            None => return not_built(),
        },
    };
    let etag: String = file.metadata.sha256_hash()[..16]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let etag = format!("\"{etag}\"");
    let cache = if name.starts_with("assets/") {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let mut response = if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|tag| tag.as_bytes() == etag.as_bytes())
    {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let body = match file.data {
            Cow::Borrowed(bytes) => Body::from(bytes),
            Cow::Owned(bytes) => Body::from(bytes),
        };
        let mut response = Response::new(if method == Method::HEAD {
            Body::empty()
        } else {
            body
        });
        if let Ok(kind) = HeaderValue::from_str(file.metadata.mimetype()) {
            response.headers_mut().insert(header::CONTENT_TYPE, kind);
        }
        response
    };
    let headers = response.headers_mut();
    if let Ok(etag) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, etag);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    secure(headers);
    response
}

/// A path whose last segment has an extension names a file; anything else is a GUI route.
fn is_file_like(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
}

fn not_built() -> Response {
    let mut response = (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        NOT_BUILT,
    )
        .into_response();
    secure(response.headers_mut());
    response
}

fn secure(headers: &mut HeaderMap) {
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_without_an_extension_are_gui_routes() {
        assert!(!is_file_like("projects/42/chat"));
        assert!(!is_file_like(""));
        assert!(is_file_like("assets/index-3f2a.js"));
        assert!(is_file_like("favicon.ico"));
    }
}
