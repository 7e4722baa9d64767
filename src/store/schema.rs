//! The migrations this build carries, and whether the store has exactly
//! those applied (the readiness check asks, so that an instance whose code
//! and schema disagree takes no traffic).

use sqlx::migrate::Migrator;

use super::{Db, StoreResult, fetch_all};

pub static SQLITE: Migrator = sqlx::migrate!("./migrations/sqlite");
pub static POSTGRES: Migrator = sqlx::migrate!("./migrations/postgres");

/// How the applied migrations compare with the embedded ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaState {
    Current,
    /// Embedded, not applied (the store is older than this build).
    Pending(i64),
    /// Applied, not embedded (a newer build migrated the store).
    Unknown(i64),
    /// Applied from a different text than the embedded one.
    Changed(i64),
    /// Started and never finished.
    Failed(i64),
}

impl SchemaState {
    /// A plain sentence for the readiness answer.
    pub fn reason(&self) -> String {
        match self {
            SchemaState::Current => "migrations current".to_owned(),
            SchemaState::Pending(v) => format!("migration {v} is not applied"),
            SchemaState::Unknown(v) => {
                format!("the store has migration {v}, which this build does not know")
            }
            SchemaState::Changed(v) => format!("migration {v} differs from the one applied"),
            SchemaState::Failed(v) => format!("migration {v} did not finish"),
        }
    }
}

impl Db {
    pub fn migrator(&self) -> &'static Migrator {
        match self {
            Db::Sqlite(_) => &SQLITE,
            Db::Pg(_) => &POSTGRES,
        }
    }

    /// Compares `_sqlx_migrations` with the migrations built in.
    pub async fn schema_state(&self) -> StoreResult<SchemaState> {
        let applied: Vec<(i64, Vec<u8>, bool)> = fetch_all!(
            self,
            sqlx::query_as(
                "SELECT version, checksum, success FROM _sqlx_migrations ORDER BY version"
            )
        )?;
        let embedded: Vec<_> = self
            .migrator()
            .iter()
            .filter(|m| !m.migration_type.is_down_migration())
            .collect();
        Ok(compare(
            &applied,
            embedded.iter().map(|m| (m.version, m.checksum.as_ref())),
        ))
    }
}

fn compare<'a>(
    applied: &[(i64, Vec<u8>, bool)],
    embedded: impl Iterator<Item = (i64, &'a [u8])> + Clone,
) -> SchemaState {
    if let Some((v, _, _)) = applied.iter().find(|(_, _, ok)| !ok) {
        return SchemaState::Failed(*v);
    }
    for (version, checksum) in embedded.clone() {
        match applied.iter().find(|(v, _, _)| *v == version) {
            None => return SchemaState::Pending(version),
            Some((_, sum, _)) if sum.as_slice() != checksum => {
                return SchemaState::Changed(version);
            }
            Some(_) => {}
        }
    }
    match applied
        .iter()
        .find(|(v, _, _)| !embedded.clone().any(|(e, _)| e == *v))
    {
        Some((v, _, _)) => SchemaState::Unknown(*v),
        None => SchemaState::Current,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_is_current_only_when_applied_and_embedded_agree() {
        let embedded = [(1, &b"a"[..]), (2, &b"b"[..])];
        let row = |v: i64, sum: &[u8], ok: bool| (v, sum.to_vec(), ok);
        let state = |applied: &[(i64, Vec<u8>, bool)]| compare(applied, embedded.iter().copied());
        assert_eq!(
            state(&[row(1, b"a", true), row(2, b"b", true)]),
            SchemaState::Current
        );
        assert_eq!(state(&[row(1, b"a", true)]), SchemaState::Pending(2));
        assert_eq!(
            state(&[row(1, b"a", true), row(2, b"x", true)]),
            SchemaState::Changed(2)
        );
        assert_eq!(
            state(&[row(1, b"a", true), row(2, b"b", true), row(3, b"c", true)]),
            SchemaState::Unknown(3)
        );
        assert_eq!(
            state(&[row(1, b"a", true), row(2, b"b", false)]),
            SchemaState::Failed(2)
        );
    }
}
