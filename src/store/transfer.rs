//! Export and import of a whole desk as JSON lines, to move it between databases (SQLite →
//! PostgreSQL, or back). Owns the file format; must never touch a non-empty target.
//!
//! Format, one JSON object per line:
//! - first `{"format": "supportbot-export", "version": 1, "schema": N, "backend": "sqlite"}`
//!   (`schema`: migrations applied in the source; the target must have the same);
//! - then `{"table": T, "row": {column: value}}` per row, tables in foreign-key order; a
//!   value is `null`, an integer, a string, or `{"base64": "…"}` for bytes (raw mails,
//!   rendered outbox mails);
//! - then `{"file": "attachments/ab/abcdef…", "base64": "…"}` per attachment content file
//!   under `data_dir` (content-addressed, so re-importing the same file is harmless);
//! - last `{"end": {"rows": R, "files": F}}`, so a truncated file is refused.
//!
//! Import runs in one transaction, keeps every id (ticket numbers stay the same), then moves
//! PostgreSQL's identity sequences past the imported ids so new rows never collide.

use super::tx::on_tx;
use super::{Store, StoreError, Tx};
use base64::Engine as _;
use serde_json::{json, Map, Value};
use sqlx::{Column as _, Row as _};
use std::collections::BTreeSet;
use std::io::{BufRead, Write};
use std::path::Path;

/// Tables in the order their rows must be inserted (parents first), with whether they
/// have an identity `id` column whose sequence must be reset after an import.
pub const TABLES: [(&str, bool); 16] = [
    ("tickets", true),
    ("raw_mails", true),
    ("messages", true),
    ("attachments", true),
    ("events", true),
    ("processed", true),
    ("seen_uids", false),
    ("mailbox_state", false),
    ("outbox", true),
    ("sla_alerts", true),
    ("timers", false),
    ("digests", false),
    ("approvals", true),
    ("ticket_facts", true),
    ("kb_suggestions", true),
    ("corrections", true),
];

const FORMAT: &str = "supportbot-export";
const VERSION: i64 = 1;

/// What an export or import moved.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TransferReport {
    /// Rows per table, in [`TABLES`] order.
    pub rows: Vec<(String, u64)>,
    /// Attachment content files.
    pub files: u64,
    /// Attachment files the source desk lacked (listed, not fatal).
    pub missing_files: Vec<String>,
}

impl TransferReport {
    pub fn total_rows(&self) -> u64 {
        self.rows.iter().map(|(_, n)| n).sum()
    }
}

fn io(e: std::io::Error) -> StoreError {
    StoreError::Unavailable(format!("export/import file: {e}"))
}

fn bad(line: usize, what: &str) -> StoreError {
    StoreError::Data(format!("import line {line}: {what}"))
}

/// One column value in a generic, database-neutral form.
fn cell_to_json<R>(row: &R, i: usize) -> Value
where
    R: sqlx::Row,
    usize: sqlx::ColumnIndex<R>,
    for<'r> Option<i64>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<String>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<Vec<u8>>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    // Every column is an integer, text or bytes (see the migrations); NULL decodes as
    // None under any of them.
    if let Ok(v) = row.try_get::<Option<i64>, _>(i) {
        return v.map_or(Value::Null, Value::from);
    }
    if let Ok(v) = row.try_get::<Option<String>, _>(i) {
        return v.map_or(Value::Null, Value::from);
    }
    match row.try_get::<Option<Vec<u8>>, _>(i) {
        Ok(Some(b)) => json!({ "base64": base64::engine::general_purpose::STANDARD.encode(b) }),
        _ => Value::Null,
    }
}

fn write_line(out: &mut dyn Write, v: &Value) -> Result<(), StoreError> {
    serde_json::to_writer(&mut *out, v).map_err(|e| StoreError::Data(e.to_string()))?;
    out.write_all(b"\n").map_err(io)
}

impl Store {
    async fn schema_version(&self) -> Result<i64, StoreError> {
        on_pool!(self, pool => {
            let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
                .fetch_one(pool)
                .await?;
            Ok(n)
        })
    }

    /// Write the whole desk to `out` (format in the module docs). `data_dir` holds the
    /// attachment content files. Reads in one snapshot on PostgreSQL (REPEATABLE READ)
    /// and SQLite (one read transaction), so a running daemon does not tear the export.
    pub async fn export(
        &self,
        data_dir: &Path,
        out: &mut dyn Write,
    ) -> Result<TransferReport, StoreError> {
        let mut report = TransferReport::default();
        let schema = self.schema_version().await?;
        write_line(
            out,
            &json!({"format": FORMAT, "version": VERSION, "schema": schema, "backend": self.backend()}),
        )?;
        let mut shas = BTreeSet::new();
        on_pool!(self, pool => {
            let mut conn = pool.acquire().await?;
            let begin = match self {
                Store::Postgres(_) => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                Store::Sqlite(_) => "BEGIN",
            };
            sqlx::raw_sql(begin).execute(&mut *conn).await?;
            for (table, has_id) in TABLES {
                let order = if has_id { " ORDER BY id" } else { "" };
                let sql = format!("SELECT * FROM {table}{order}");
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                    .fetch_all(&mut *conn)
                    .await?;
                for r in &rows {
                    let mut obj = Map::new();
                    for (i, col) in r.columns().iter().enumerate() {
                        obj.insert(col.name().to_string(), cell_to_json(r, i));
                    }
                    if table == "attachments" {
                        if let Some(Value::String(s)) = obj.get("sha256") {
                            shas.insert(s.clone());
                        }
                    }
                    write_line(out, &json!({"table": table, "row": obj}))?;
                }
                report.rows.push((table.to_string(), rows.len() as u64));
            }
            sqlx::raw_sql("COMMIT").execute(&mut *conn).await?;
        });
        for sha in shas {
            // Content-addressed: only hex names are ours (never follow a crafted path).
            if sha.is_empty() || !sha.chars().all(|c| c.is_ascii_hexdigit()) {
                report.missing_files.push(sha);
                continue;
            }
            let rel = format!("attachments/{}/{sha}", sha.get(..2).unwrap_or("00"));
            match std::fs::read(data_dir.join(&rel)) {
                Ok(bytes) => {
                    let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
                    write_line(out, &json!({"file": rel, "base64": b64}))?;
                    report.files += 1;
                }
                Err(_) => report.missing_files.push(rel),
            }
        }
        write_line(
            out,
            &json!({"end": {"rows": report.total_rows(), "files": report.files}}),
        )?;
        out.flush().map_err(io)?;
        Ok(report)
    }

    /// Load an export into this (migrated, empty) database and attachment files into
    /// `data_dir`. All rows commit together or none do.
    pub async fn import(
        &self,
        data_dir: &Path,
        input: &mut dyn BufRead,
    ) -> Result<TransferReport, StoreError> {
        let mut lines = input.lines().enumerate();
        let header: Value = match lines.next() {
            Some((_, l)) => serde_json::from_str(&l.map_err(io)?)
                .map_err(|e| bad(1, &format!("not JSON: {e}")))?,
            None => return Err(bad(1, "empty file")),
        };
        if header.get("format").and_then(Value::as_str) != Some(FORMAT)
            || header.get("version").and_then(Value::as_i64) != Some(VERSION)
        {
            return Err(bad(1, "not a supportbot export (version 1)"));
        }
        let schema = self.schema_version().await?;
        if header.get("schema").and_then(Value::as_i64) != Some(schema) {
            return Err(bad(
                1,
                &format!(
                    "exported at schema {} but this database is at {schema}; migrate both to the same release",
                    header.get("schema").unwrap_or(&Value::Null)
                ),
            ));
        }
        let mut tx = self.begin().await?;
        for (table, _) in TABLES {
            if tx.count_rows(table).await? > 0 {
                return Err(StoreError::Conflict(format!(
                    "table {table} is not empty: import only into a fresh database"
                )));
            }
        }
        let mut report = TransferReport {
            rows: TABLES.iter().map(|(t, _)| (t.to_string(), 0)).collect(),
            ..Default::default()
        };
        let mut ended = None;
        for (n, line) in lines {
            let n = n + 1;
            let line = line.map_err(io)?;
            if line.trim().is_empty() {
                continue;
            }
            let v: Value =
                serde_json::from_str(&line).map_err(|e| bad(n, &format!("not JSON: {e}")))?;
            if let Some(end) = v.get("end") {
                ended = Some(end.clone());
                break;
            }
            if let (Some(table), Some(Value::Object(row))) =
                (v.get("table").and_then(Value::as_str), v.get("row"))
            {
                let Some(slot) = report.rows.iter_mut().find(|(t, _)| t == table) else {
                    return Err(bad(n, &format!("unknown table {table:?}")));
                };
                tx.insert_generic(table, row)
                    .await
                    .map_err(|e| bad(n, &e.to_string()))?;
                slot.1 += 1;
            } else if let (Some(rel), Some(b64)) = (
                v.get("file").and_then(Value::as_str),
                v.get("base64").and_then(Value::as_str),
            ) {
                let ok_name = rel.strip_prefix("attachments/").is_some_and(|r| {
                    r.chars().all(|c| c.is_ascii_hexdigit() || c == '/') && !r.contains("//")
                });
                if !ok_name {
                    return Err(bad(n, &format!("refusing file path {rel:?}")));
                }
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(b64)
                    .map_err(|e| bad(n, &format!("base64: {e}")))?;
                let path = data_dir.join(rel);
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(io)?;
                }
                std::fs::write(&path, bytes).map_err(io)?;
                report.files += 1;
            } else {
                return Err(bad(n, "neither a row, a file nor the end"));
            }
        }
        let Some(end) = ended else {
            return Err(bad(0, "no end line: the export is truncated"));
        };
        if end.get("rows").and_then(Value::as_u64) != Some(report.total_rows())
            || end.get("files").and_then(Value::as_u64) != Some(report.files)
        {
            return Err(bad(
                0,
                &format!("end line {end} does not match what was read"),
            ));
        }
        tx.reset_identities().await?;
        tx.commit().await?;
        Ok(report)
    }
}

impl Tx {
    async fn count_rows(&mut self, table: &str) -> Result<i64, StoreError> {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        on_tx!(self, c => {
            let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.as_str()))
                .fetch_one(&mut *c)
                .await?;
            Ok(n)
        })
    }

    /// INSERT one exported row. Column names come from the file: only plain identifiers
    /// are accepted, so a crafted export cannot inject SQL.
    async fn insert_generic(
        &mut self,
        table: &str,
        row: &Map<String, Value>,
    ) -> Result<(), StoreError> {
        let mut cols = Vec::with_capacity(row.len());
        for name in row.keys() {
            if name.is_empty()
                || !name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                return Err(StoreError::Data(format!("bad column name {name:?}")));
            }
            cols.push(name.as_str());
        }
        let marks: Vec<String> = (1..=cols.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            cols.join(", "),
            marks.join(", ")
        );
        on_tx!(self, c => {
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
            for v in row.values() {
                q = match v {
                    // Typed as bigint: PostgreSQL assigns a NULL bigint to text columns too.
                    Value::Null => q.bind(None::<i64>),
                    Value::Number(n) => match n.as_i64() {
                        Some(i) => q.bind(i),
                        None => return Err(StoreError::Data(format!("not an integer: {n}"))),
                    },
                    Value::String(s) => q.bind(s.clone()),
                    Value::Object(o) => match o.get("base64").and_then(Value::as_str) {
                        Some(b) => q.bind(
                            base64::engine::general_purpose::STANDARD
                                .decode(b)
                                .map_err(|e| StoreError::Data(format!("base64: {e}")))?,
                        ),
                        None => return Err(StoreError::Data("unknown value object".into())),
                    },
                    other => return Err(StoreError::Data(format!("unexpected value {other}"))),
                };
            }
            q.execute(&mut *c).await?;
            Ok(())
        })
    }

    /// PostgreSQL: move each identity sequence past the highest imported id (rows were
    /// inserted with their ids, which does not advance the sequence). SQLite needs nothing.
    async fn reset_identities(&mut self) -> Result<(), StoreError> {
        if let Tx::Postgres(t) = self {
            for (table, has_id) in TABLES {
                if !has_id {
                    continue;
                }
                let sql = format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                     COALESCE(MAX(id), 0) + 1, false) FROM {table}"
                );
                sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                    .execute(&mut **t)
                    .await?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{synthetic_history, StoreOptions};

    async fn sqlite(dir: &Path, name: &str) -> Store {
        let url = format!("sqlite://{}", dir.join(name).display());
        let store = Store::connect(&url, &StoreOptions::default())
            .await
            .unwrap();
        store.migrate().await.unwrap();
        store
    }

    async fn exported(store: &Store, data: &Path) -> Vec<u8> {
        let mut out = Vec::new();
        store.export(data, &mut out).await.unwrap();
        out
    }

    #[tokio::test]
    async fn export_import_round_trip_keeps_every_row_and_file() {
        let dir = tempfile::tempdir().unwrap();
        let (data_a, data_b) = (dir.path().join("a"), dir.path().join("b"));
        let a = sqlite(dir.path(), "a.db").await;
        a.insert_synthetic(&synthetic_history(40, 1_780_000_000, 86_400, 9), 16)
            .await
            .unwrap();
        let sha = crate::worker::pipeline::save_attachment(&data_a, b"log line").unwrap();
        let mut tx = a.begin().await.unwrap();
        tx.set_mailbox_state("support@imap/INBOX", 7, 42)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        if let Store::Sqlite(pool) = &a {
            sqlx::query(
                "INSERT INTO messages (ticket_id, direction, message_id, sender, subject, body, created_at) \
                 VALUES (1, 'in', 'm1@x', 'a@x', 's', 'b', 1)",
            )
            .execute(pool)
            .await
            .unwrap();
            sqlx::query(
                "INSERT INTO attachments (ticket_id, message_row, filename, content_type, size, sha256) \
                 VALUES (1, 1, 'log.txt', 'text/plain', 8, $1)",
            )
            .bind(&sha)
            .execute(pool)
            .await
            .unwrap();
        }
        let dump = exported(&a, &data_a).await;

        let b = sqlite(dir.path(), "b.db").await;
        let report = b.import(&data_b, &mut dump.as_slice()).await.unwrap();
        assert_eq!(report.files, 1);
        assert!(report.rows.contains(&("tickets".to_string(), 40)));
        assert_eq!(
            b.mailbox_state("support@imap/INBOX").await.unwrap(),
            Some((7, 42))
        );
        assert_eq!(
            a.list_tickets(100).await.unwrap().len(),
            b.list_tickets(100).await.unwrap().len()
        );
        let copied = std::fs::read(
            data_b
                .join("attachments")
                .join(sha.get(..2).unwrap())
                .join(&sha),
        )
        .unwrap();
        assert_eq!(copied, b"log line");
        // The copy exports to the same rows (the header names the same schema).
        assert_eq!(exported(&b, &data_b).await, dump);
    }

    #[tokio::test]
    async fn import_refuses_a_truncated_file_and_a_non_empty_database() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("d");
        let a = sqlite(dir.path(), "a.db").await;
        a.insert_synthetic(&synthetic_history(3, 1_780_000_000, 3600, 1), 16)
            .await
            .unwrap();
        let dump = exported(&a, &data).await;
        let text = String::from_utf8(dump.clone()).unwrap();
        let truncated: String = text.lines().take(3).map(|l| format!("{l}\n")).collect();

        let b = sqlite(dir.path(), "b.db").await;
        let err = b
            .import(&data, &mut truncated.as_bytes())
            .await
            .unwrap_err();
        assert!(err.to_string().contains("truncated"), "{err}");
        assert!(
            b.list_tickets(10).await.unwrap().is_empty(),
            "nothing committed"
        );

        let err = a.import(&data, &mut dump.as_slice()).await.unwrap_err();
        assert!(matches!(err, StoreError::Conflict(_)), "{err}");
        let err = b
            .import(&data, &mut "{\"format\":\"x\"}\n".as_bytes())
            .await
            .unwrap_err();
        assert!(err.to_string().contains("not a supportbot export"), "{err}");
    }
}
