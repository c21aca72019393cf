//! The outbox relay: publishes federated change events to NATS JetStream.
