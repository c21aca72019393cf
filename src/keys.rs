//! `orbit keys rotate [--wait]` and `orbit keys status`: key rotation and its progress,
//! run against the store directly (a running `orbit serve` picks the new keys up).

use orbit_i18n::tr;
use std::io::Write;

use orbit_system::identity::{AuditEntry, Identity, IdentityConfig};
use orbit_system::store::{KeyStatus, Store};

use crate::cli::KeysCommand;
use crate::config::Config;

/// Rows per database re-encrypted in one step of `--wait`.
const BATCH: u32 = 500;

/// Runs one `orbit keys` command.
pub(crate) async fn run(config: Config, command: KeysCommand) -> anyhow::Result<()> {
    let store = crate::store::open(&config).await?;
    let result = match command {
        KeysCommand::Rotate { wait } => rotate(&store, wait).await,
        KeysCommand::Status => status(&store).await,
    };
    store.close().await;
    result
}

async fn rotate(store: &Store, wait: bool) -> anyhow::Result<()> {
    let hint = |e| anyhow::anyhow!(crate::store::with_hint(&e));
    store.rotate_keys().await.map_err(hint)?;
    let identity = Identity::open(store, IdentityConfig::default()).await?;
    identity
        .audit(AuditEntry::new("keys.rotated", store.instance_id()).detail("orbit keys rotate"))
        .await?;
    if !wait {
        println!("{}", tr!("keys-rotated-background"));
        return Ok(());
    }
    let pending: u64 = store
        .key_status()
        .await
        .map_err(hint)?
        .iter()
        .map(|s| s.pending)
        .sum();
    println!("{}", tr!("keys-rotated", pending = pending));
    let mut done = 0u64;
    loop {
        let moved = store.reencrypt_step(BATCH).await.map_err(hint)?;
        if moved == 0 {
            break;
        }
        done += moved;
        println!("{}", tr!("keys-progress", done = done, pending = pending));
    }
    println!("{}", tr!("keys-done"));
    print_table(&store.key_status().await.map_err(hint)?)
}

async fn status(store: &Store) -> anyhow::Result<()> {
    let status = store
        .key_status()
        .await
        .map_err(|e| anyhow::anyhow!(crate::store::with_hint(&e)))?;
    print_table(&status)
}

fn print_table(status: &[KeyStatus]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    write!(out, "{}", table(status))?;
    out.flush()?;
    Ok(())
}

/// A plain-text table: database, key version, pending records.
fn table(status: &[KeyStatus]) -> String {
    const HEADERS: [&str; 3] = ["DATABASE", "KEY VERSION", "PENDING"];
    let rows: Vec<[String; 3]> = status
        .iter()
        .map(|s| {
            [
                s.database.clone(),
                s.current_key_version.to_string(),
                s.pending.to_string(),
            ]
        })
        .collect();
    let width = |i: usize| {
        rows.iter()
            .map(|r| r[i].len())
            .chain([HEADERS[i].len()])
            .max()
            .unwrap_or(0)
    };
    let (w0, w1) = (width(0), width(1));
    let mut text = format!("{:<w0$}  {:<w1$}  {}\n", HEADERS[0], HEADERS[1], HEADERS[2]);
    for [database, version, pending] in &rows {
        text.push_str(&format!("{database:<w0$}  {version:<w1$}  {pending}\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_aligns_columns() {
        let status = vec![
            KeyStatus {
                database: "system".into(),
                current_key_version: 2,
                pending: 0,
            },
            KeyStatus {
                database: "a-long-module-name".into(),
                current_key_version: 12,
                pending: 1500,
            },
        ];
        let expected = "\
DATABASE            KEY VERSION  PENDING
system              2            0
a-long-module-name  12           1500
";
        assert_eq!(table(&status), expected);
    }
}
