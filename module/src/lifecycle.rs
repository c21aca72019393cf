//! One lifecycle for every long-running part of a server (re-encryption, relay, retention,
//! views, feeds, modules): each is built and started by its owner, has a name and a health,
//! and is stopped by the [`Supervisor`] in the reverse order of start, once.

use async_trait::async_trait;
use tokio::task::JoinHandle;

/// A long-running part that can be told to stop.
#[async_trait]
pub trait Part: Send + std::fmt::Debug {
    /// For logs and status.
    fn name(&self) -> &str;

    /// Whether it still runs as it should.
    fn healthy(&self) -> bool {
        true
    }

    /// Stops it and waits until it has stopped.
    async fn stop(self: Box<Self>);
}

/// A part that is a plain task with a stop signal.
#[derive(Debug)]
pub struct TaskPart {
    name: String,
    stop: tokio::sync::watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl TaskPart {
    /// Spawns `run`, which must return soon after the receiver it gets turns `true`.
    pub fn spawn<F>(
        name: impl Into<String>,
        run: impl FnOnce(tokio::sync::watch::Receiver<bool>) -> F,
    ) -> TaskPart
    where
        F: std::future::Future<Output = ()> + Send + 'static,
    {
        let (stop, stopped) = tokio::sync::watch::channel(false);
        TaskPart {
            name: name.into(),
            stop,
            task: tokio::spawn(run(stopped)),
        }
    }
}

#[async_trait]
impl Part for TaskPart {
    fn name(&self) -> &str {
        &self.name
    }

    fn healthy(&self) -> bool {
        !self.task.is_finished()
    }

    async fn stop(self: Box<Self>) {
        let _ = self.stop.send(true);
        if let Err(error) = self.task.await {
            tracing::error!(part = %self.name, %error, "part ended abnormally");
        }
    }
}

/// Owns the running parts and stops them in reverse order of start.
#[derive(Debug, Default)]
pub struct Supervisor {
    parts: Vec<Box<dyn Part>>,
}

impl Supervisor {
    pub fn new() -> Supervisor {
        Supervisor::default()
    }

    /// Takes a started part.
    pub fn add(&mut self, part: Box<dyn Part>) {
        tracing::debug!(part = part.name(), "part started");
        self.parts.push(part);
    }

    /// Names and health of the parts, in start order.
    pub fn status(&self) -> Vec<(String, bool)> {
        self.parts
            .iter()
            .map(|part| (part.name().to_owned(), part.healthy()))
            .collect()
    }

    /// Stops every part, the last started first.
    pub async fn stop(self) {
        for part in self.parts.into_iter().rev() {
            let name = part.name().to_owned();
            part.stop().await;
            tracing::debug!(part = %name, "part stopped");
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    #[tokio::test]
    async fn parts_stop_in_reverse_order_of_start() {
        let stopped = Arc::new(Mutex::new(Vec::new()));
        let mut supervisor = Supervisor::new();
        for name in ["first", "second", "third"] {
            let stopped = stopped.clone();
            supervisor.add(Box::new(TaskPart::spawn(
                name,
                move |mut stop| async move {
                    let _ = stop.wait_for(|s| *s).await;
                    stopped.lock().unwrap().push(name);
                },
            )));
        }
        assert!(supervisor.status().iter().all(|(_, healthy)| *healthy));
        supervisor.stop().await;
        assert_eq!(*stopped.lock().unwrap(), ["third", "second", "first"]);
    }
}
