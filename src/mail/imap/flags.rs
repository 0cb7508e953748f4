//! Changing the mailbox: `\Seen` by UID STORE, MOVE (or COPY + delete), APPEND, and
//! creating a target folder at most once per connection.

use super::*;

impl Inbox {
    /// Set `\Seen` on the UIDs, one UID STORE for the whole set.
    pub async fn mark_seen(&mut self, uids: &[u32]) -> Result<(), ImapError> {
        self.store_flags(uids, "+FLAGS.SILENT (\\Seen)").await
    }

    async fn store_flags(&mut self, uids: &[u32], query: &str) -> Result<(), ImapError> {
        for set in uid_sets(uids, MAX_UID_SET_LEN) {
            let session = &mut self.session;
            within(self.timeout, "UID STORE", async {
                session
                    .uid_store(&set, query)
                    .await?
                    .try_for_each(|_| async { Ok(()) })
                    .await
            })
            .await?;
        }
        Ok(())
    }

    /// Move the UIDs of the selected folder to `folder`, creating it if missing. Uses
    /// UID MOVE when offered, else COPY + `\Deleted` + UID EXPUNGE (plain EXPUNGE when
    /// the server lacks UIDPLUS, which also removes other mails already marked deleted).
    pub async fn move_to(&mut self, uids: &[u32], folder: &str) -> Result<(), ImapError> {
        if uids.is_empty() {
            return Ok(());
        }
        self.ensure_folder(folder).await?;
        for set in uid_sets(uids, MAX_UID_SET_LEN) {
            if self.moves {
                within(
                    self.timeout,
                    "UID MOVE",
                    self.session.uid_mv(&set, mailbox_name(folder)),
                )
                .await?;
                continue;
            }
            within(
                self.timeout,
                "UID COPY",
                self.session.uid_copy(&set, mailbox_name(folder)),
            )
            .await?;
            let session = &mut self.session;
            within(self.timeout, "UID STORE", async {
                session
                    .uid_store(&set, "+FLAGS.SILENT (\\Deleted)")
                    .await?
                    .try_for_each(|_| async { Ok(()) })
                    .await
            })
            .await?;
            let uidplus = self.uidplus;
            let session = &mut self.session;
            within(self.timeout, "EXPUNGE", async {
                if uidplus {
                    session
                        .uid_expunge(&set)
                        .await?
                        .try_for_each(|_| async { Ok(()) })
                        .await
                } else {
                    session
                        .expunge()
                        .await?
                        .try_for_each(|_| async { Ok(()) })
                        .await
                }
            })
            .await?;
        }
        Ok(())
    }

    /// APPEND a raw mail to `folder` (created if missing). For tests, the benchmark and
    /// the demo; the desk itself never writes mail into the mailbox.
    pub async fn append(&mut self, folder: &str, raw: &[u8]) -> Result<(), ImapError> {
        self.ensure_folder(folder).await?;
        within(
            self.timeout,
            "APPEND",
            self.session.append(mailbox_name(folder), None, None, raw),
        )
        .await
    }

    async fn ensure_folder(&mut self, folder: &str) -> Result<(), ImapError> {
        if self.known_folders.contains(folder) {
            return Ok(());
        }
        match within(
            self.timeout,
            "CREATE",
            self.session.create(mailbox_name(folder)),
        )
        .await
        {
            Ok(()) => {}
            // RFC 5530 ALREADYEXISTS; older servers only say so in words.
            Err(ImapError::Protocol(m))
                if m.to_ascii_lowercase().contains("alreadyexists")
                    || m.to_ascii_lowercase().contains("already exists") => {}
            Err(e) => return Err(e),
        }
        self.known_folders.insert(folder.to_string());
        Ok(())
    }
}
