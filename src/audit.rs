//! `orbit audit verify`: recomputes the audit log's hash chain against the store directly
//! and fails, naming the first changed or removed entry, if it is broken.

use orbit_i18n::tr;
use orbit_system::identity::{Identity, IdentityConfig};

use crate::cli::AuditCommand;
use crate::config::Config;

/// Runs one `orbit audit` command.
pub(crate) async fn run(config: Config, command: AuditCommand) -> anyhow::Result<()> {
    let store = crate::store::open(&config).await?;
    let result = async {
        let identity = Identity::open(&store, IdentityConfig::default()).await?;
        match command {
            AuditCommand::Verify => {
                let report = identity.verify_audit_log().await?;
                match report.problem {
                    None => {
                        println!("{}", tr!("audit-intact", entries = report.entries));
                        Ok(())
                    }
                    Some(problem) => Err(anyhow::anyhow!(
                        "audit log broken: {problem} ({} entries verified before it)",
                        report.entries
                    )),
                }
            }
        }
    }
    .await;
    store.close().await;
    result
}
