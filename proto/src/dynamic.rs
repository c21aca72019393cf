//! A tonic codec for messages known only at run time (`DynamicMessage`s of a descriptor
//! pool): it encodes any dynamic message and decodes into one message type. Clients use it
//! to call any RPC they learned by reflection (the CLI, the seeder); the server uses it to
//! serve RPCs defined while it runs (user modules), decoding each request as the method's
//! input type.

use prost::Message as _;
use prost_reflect::{DynamicMessage, MessageDescriptor, ReflectMessage as _};
use tonic::Status;
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};

/// Encodes any `DynamicMessage`; decodes into `decode_as`.
#[derive(Debug, Clone)]
pub struct DynamicCodec {
    decode_as: MessageDescriptor,
    /// The status code of a message that does not decode: INTERNAL for an answer a client
    /// receives (the server sent it), INVALID_ARGUMENT for a request a server receives.
    bad_input: tonic::Code,
}

impl DynamicCodec {
    /// A client's codec: answers decode as `output` (the method's output type).
    pub fn for_answers(output: MessageDescriptor) -> DynamicCodec {
        DynamicCodec {
            decode_as: output,
            bad_input: tonic::Code::Internal,
        }
    }

    /// A server's codec: requests decode as `input` (the method's input type); one that does
    /// not is INVALID_ARGUMENT.
    pub fn for_requests(input: MessageDescriptor) -> DynamicCodec {
        DynamicCodec {
            decode_as: input,
            bad_input: tonic::Code::InvalidArgument,
        }
    }
}

impl Codec for DynamicCodec {
    type Encode = DynamicMessage;
    type Decode = DynamicMessage;
    type Encoder = DynamicCodec;
    type Decoder = DynamicCodec;

    fn encoder(&mut self) -> Self::Encoder {
        self.clone()
    }

    fn decoder(&mut self) -> Self::Decoder {
        self.clone()
    }
}

impl Encoder for DynamicCodec {
    type Item = DynamicMessage;
    type Error = Status;

    fn encode(&mut self, item: DynamicMessage, dst: &mut EncodeBuf<'_>) -> Result<(), Status> {
        item.encode(dst).map_err(|e| {
            Status::internal(format!(
                "cannot encode a {}: {e}",
                item.descriptor().full_name()
            ))
        })
    }
}

impl Decoder for DynamicCodec {
    type Item = DynamicMessage;
    type Error = Status;

    fn decode(&mut self, src: &mut DecodeBuf<'_>) -> Result<Option<DynamicMessage>, Status> {
        DynamicMessage::decode(self.decode_as.clone(), src)
            .map(Some)
            .map_err(|e| {
                Status::new(
                    self.bad_input,
                    format!("not a valid {}: {e}", self.decode_as.full_name()),
                )
            })
    }
}
