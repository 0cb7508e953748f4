//! Finding and fetching mail by UID: SEARCH, whole bodies (`BODY.PEEK[]`), headers only,
//! `RFC822.SIZE`, and the EXISTS/RECENT notices that arrive with those replies.

use super::*;

impl Inbox {
    /// Whether the server announced new mail (EXISTS/RECENT) in responses to our last
    /// commands. Such a notice arrives with a FETCH or STORE reply, not in the next IDLE:
    /// going into IDLE without looking would leave that mail waiting for the re-IDLE.
    pub fn has_pending_news(&mut self) -> bool {
        let mut news = false;
        while let Ok(r) = self.session.unsolicited_responses.try_recv() {
            news |= matches!(
                r,
                async_imap::types::UnsolicitedResponse::Exists(_)
                    | async_imap::types::UnsolicitedResponse::Recent(_)
            );
        }
        news
    }

    /// UIDs of the selected folder that are `>= first_uid`, ascending.
    pub async fn search_uids_from(&mut self, first_uid: u32) -> Result<Vec<u32>, ImapError> {
        let first = first_uid.max(1);
        let query = format!("UID {first}:*");
        let found = within(self.timeout, "UID SEARCH", self.session.uid_search(&query)).await?;
        // "first:*" always matches the highest UID, even when it is below `first`
        // (RFC 3501 6.4.8: `*` is the largest UID in use), so filter.
        let mut uids: Vec<u32> = found.into_iter().filter(|u| *u >= first).collect();
        uids.sort_unstable();
        Ok(uids)
    }

    /// UIDs up to `last_uid` that are not `\Seen` (committed mail a crash left unflagged).
    pub async fn search_unseen_upto(&mut self, last_uid: u32) -> Result<Vec<u32>, ImapError> {
        let query = format!("UID 1:{} UNSEEN", last_uid.max(1));
        let found = within(self.timeout, "UID SEARCH", self.session.uid_search(&query)).await?;
        let mut uids: Vec<u32> = found.into_iter().filter(|u| *u <= last_uid).collect();
        uids.sort_unstable();
        Ok(uids)
    }

    /// Raw RFC 5322 bytes of the given UIDs, sorted by UID, without setting `\Seen`.
    /// UIDs that no longer exist are simply absent from the result.
    pub async fn fetch_raw(&mut self, uids: &[u32]) -> Result<Vec<(u32, Vec<u8>)>, ImapError> {
        self.fetch_parts(uids, "BODY.PEEK[]", |f| f.body()).await
    }

    /// The header section only of the given UIDs (`BODY.PEEK[HEADER]`): enough to name
    /// and answer a mail that is refused by its size.
    pub async fn fetch_headers(&mut self, uids: &[u32]) -> Result<Vec<(u32, Vec<u8>)>, ImapError> {
        self.fetch_parts(uids, "BODY.PEEK[HEADER]", |f| f.header())
            .await
    }

    /// `RFC822.SIZE` of the given UIDs, sorted by UID: mail over the size limit is refused
    /// before its body is fetched.
    pub async fn fetch_sizes(&mut self, uids: &[u32]) -> Result<Vec<(u32, u32)>, ImapError> {
        let wanted: HashSet<u32> = uids.iter().copied().collect();
        let mut out = Vec::with_capacity(wanted.len());
        for set in uid_sets(uids, MAX_UID_SET_LEN) {
            let session = &mut self.session;
            let fetches: Vec<Fetch> = within(self.timeout, "UID FETCH", async {
                session
                    .uid_fetch(&set, "RFC822.SIZE")
                    .await?
                    .try_collect()
                    .await
            })
            .await?;
            out.extend(
                fetches
                    .iter()
                    .filter_map(|f| Some((f.uid?, f.size?)))
                    .filter(|(uid, _)| wanted.contains(uid)),
            );
        }
        out.sort_unstable();
        out.dedup_by_key(|(uid, _)| *uid);
        Ok(out)
    }

    async fn fetch_parts(
        &mut self,
        uids: &[u32],
        items: &str,
        part: fn(&Fetch) -> Option<&[u8]>,
    ) -> Result<Vec<(u32, Vec<u8>)>, ImapError> {
        let wanted: HashSet<u32> = uids.iter().copied().collect();
        let mut out = Vec::with_capacity(wanted.len());
        for set in uid_sets(uids, MAX_UID_SET_LEN) {
            let session = &mut self.session;
            let fetches: Vec<Fetch> = within(self.timeout, "UID FETCH", async {
                session.uid_fetch(&set, items).await?.try_collect().await
            })
            .await?;
            for f in &fetches {
                // Unsolicited FETCH responses (flag changes by others) carry no body.
                if let (Some(uid), Some(bytes)) = (f.uid, part(f)) {
                    if wanted.contains(&uid) {
                        out.push((uid, bytes.to_vec()));
                    }
                }
            }
        }
        out.sort_by_key(|(uid, _)| *uid);
        out.dedup_by_key(|(uid, _)| *uid);
        Ok(out)
    }
}
