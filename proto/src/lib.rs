//! Every Orbit `.proto` (under `orbit/<area>/v1/`), the Rust code generated from them, the
//! embedded `FileDescriptorSet` that drives reflection (gRPC server reflection, the CLI, the
//! seeder, the GUI's generic forms), and the breaking-change checker in [`compat`].
//!
//! This crate is the bottom of the dependency graph: it imports no other Orbit crate and holds
//! no logic beyond describing and checking the wire format. Models (messages) live in their own
//! `.proto` files, apart from the services that carry them, so they can travel over other
//! transports too.

use prost::Message as _;

pub mod access;
pub mod compat;
pub mod dynamic;

/// Generated code, one module per protobuf package (`orbit.system.v1` is `orbit::system::v1`).
pub mod orbit {
    /// Package `orbit.system.v1`: the instance itself and its encryption keys.
    pub mod system {
        /// Generated from `orbit/system/v1/*.proto`. Generated code passes the workspace lints
        /// today; should a new .proto trip one, allow it here, on the generated module only.
        pub mod v1 {
            tonic::include_proto!("orbit.system.v1");
        }

        /// Package `orbit.system.records.v1`: records the system database stores. Never sent
        /// over the API.
        pub mod records {
            /// Generated from `orbit/system/records/v1/*.proto`.
            pub mod v1 {
                tonic::include_proto!("orbit.system.records.v1");
            }
        }
    }

    /// Package `orbit.chat.v1`: the chat module's rooms, messages and room watches.
    pub mod chat {
        /// Generated from `orbit/chat/v1/*.proto`. A room event's `oneof` holds a whole
        /// message or a small heartbeat; boxing the message would only add an allocation.
        #[allow(clippy::large_enum_variant)]
        pub mod v1 {
            tonic::include_proto!("orbit.chat.v1");
        }
    }

    /// Package `orbit.video.v1`: the video-call module's calls, presence and signalling.
    pub mod video {
        /// Generated from `orbit/video/v1/*.proto`. A call event's `oneof` holds a whole
        /// signal or welcome or a small heartbeat; boxing them would only add an allocation.
        #[allow(clippy::large_enum_variant)]
        pub mod v1 {
            tonic::include_proto!("orbit.video.v1");
        }
    }

    /// Package `orbit.survey.v1`: the survey module's surveys, responses and results.
    pub mod survey {
        /// Generated from `orbit/survey/v1/*.proto`.
        pub mod v1 {
            tonic::include_proto!("orbit.survey.v1");
        }
    }

    /// Package `orbit.bootstrap.v1`: bootstrap templates of an org and the jobs that run them.
    pub mod bootstrap {
        /// Generated from `orbit/bootstrap/v1/*.proto`.
        pub mod v1 {
            tonic::include_proto!("orbit.bootstrap.v1");
        }
    }

    /// Package `orbit.federation.v1`: instance identity, links, dead letters and the signed
    /// messages instances exchange.
    pub mod federation {
        /// Generated from `orbit/federation/v1/*.proto`.
        pub mod v1 {
            tonic::include_proto!("orbit.federation.v1");
        }
    }

    /// Package `orbit.user.v1`: user modules (record types defined at run time) and the
    /// options their schemas use.
    pub mod user {
        /// Generated from `orbit/user/v1/*.proto`.
        pub mod v1 {
            tonic::include_proto!("orbit.user.v1");
        }
    }

    /// Package `orbit.cdc.v1`: change feeds, materialised views and the outbox relay.
    pub mod cdc {
        /// Generated from `orbit/cdc/v1/*.proto`. A feed message's `oneof` holds a whole
        /// event or a small heartbeat; boxing the event would only add an allocation per event.
        #[allow(clippy::large_enum_variant)]
        pub mod v1 {
            tonic::include_proto!("orbit.cdc.v1");
        }
    }
}

/// The encoded `FileDescriptorSet` of every Orbit `.proto` and its imports (including
/// `google/protobuf/*`), with source info, so comments are available to reflection.
pub const FILE_DESCRIPTOR_SET: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/orbit_descriptor_set.binpb"));

/// Decodes [`FILE_DESCRIPTOR_SET`].
pub fn file_descriptor_set() -> prost_types::FileDescriptorSet {
    prost_types::FileDescriptorSet::decode(FILE_DESCRIPTOR_SET)
        .expect("FILE_DESCRIPTOR_SET was encoded by this crate's build script")
}

/// The files of [`FILE_DESCRIPTOR_SET`] a client may see: all but the storage records
/// (`orbit/system/records/`), which describe what the store keeps (password and session
/// records), not the API. Served by gRPC reflection.
pub fn api_file_descriptor_set() -> prost_types::FileDescriptorSet {
    let mut set = file_descriptor_set();
    set.file.retain(|file| !is_storage_file(file.name()));
    set
}

/// Whether a .proto describes stored records rather than the API.
pub fn is_storage_file(name: &str) -> bool {
    name.starts_with("orbit/system/records/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_api_set_leaves_out_storage_records_and_needs_none_of_them() {
        let api = api_file_descriptor_set();
        assert!(api.file.iter().all(|f| !is_storage_file(f.name())));
        assert!(
            api.file
                .iter()
                .any(|f| f.name() == "orbit/system/v1/account_service.proto")
        );
        for file in &api.file {
            for dependency in &file.dependency {
                assert!(
                    !is_storage_file(dependency),
                    "{} imports {dependency}",
                    file.name()
                );
            }
        }
    }

    #[test]
    fn descriptor_set_holds_the_system_files_with_comments() {
        let fds = file_descriptor_set();
        let names: Vec<&str> = fds.file.iter().map(|f| f.name()).collect();
        for expected in [
            "google/protobuf/timestamp.proto",
            "orbit/system/v1/instance.proto",
            "orbit/system/v1/system_service.proto",
        ] {
            assert!(
                names.contains(&expected),
                "{expected} missing from {names:?}"
            );
        }
        let instance = fds
            .file
            .iter()
            .find(|f| f.name() == "orbit/system/v1/instance.proto")
            .unwrap();
        let comments = instance
            .source_code_info
            .as_ref()
            .expect("source info is kept")
            .location
            .iter()
            .filter(|l| l.leading_comments.is_some())
            .count();
        assert!(comments > 0, "comments were stripped");
    }

    #[test]
    fn generated_types_are_usable() {
        let info = orbit::system::v1::InstanceInfo {
            instance_id: "i".into(),
            store_backend: "sqlite".into(),
            ..Default::default()
        };
        let response = orbit::system::v1::GetInstanceInfoResponse { info: Some(info) };
        let bytes = response.encode_to_vec();
        let decoded = orbit::system::v1::GetInstanceInfoResponse::decode(bytes.as_slice()).unwrap();
        assert_eq!(decoded, response);
    }
}
