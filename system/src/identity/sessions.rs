//! Sessions and refresh-token rotation with reuse detection.
