//! Waiting for new mail in IDLE (RFC 2177): the server BYE and a dropped connection are
//! errors, a notice or the timeout hands the connection back.

use super::*;

impl Inbox {
    /// Wait in IDLE (RFC 2177) on the selected folder until the server reports a change,
    /// `timeout` passes or `cancel` fires; then leave IDLE and hand the connection back.
    /// Keep `timeout` well under 29 minutes. A notification can be lost: after any
    /// outcome, fetch by UID from the last UID processed. On error the connection is
    /// gone (a server BYE or a dropped socket is [`ImapError::Closed`]): reconnect.
    pub async fn idle(
        self,
        timeout: Duration,
        cancel: &CancellationToken,
    ) -> Result<(Inbox, IdleOutcome), ImapError> {
        let Inbox {
            session,
            timeout: cmd_timeout,
            idle,
            moves,
            uidplus,
            known_folders,
        } = self;
        let mut handle = session.idle();
        within(cmd_timeout, "IDLE", handle.init()).await?;

        let outcome = {
            let (wait, _stop) = handle.wait_with_timeout(timeout);
            tokio::select! {
                r = wait => match r {
                    Ok(IdleResponse::NewData(data)) => {
                        if let Response::Data { status: Status::Bye, .. } = data.parsed() {
                            return Err(ImapError::Closed);
                        }
                        IdleOutcome::NewData
                    }
                    Ok(IdleResponse::Timeout) => IdleOutcome::Timeout,
                    // We never use the stop source, so an "interrupt" is the stream ending:
                    // the server or the network dropped the connection.
                    Ok(IdleResponse::ManualInterrupt) => return Err(ImapError::Closed),
                    Err(e) => return Err(raw_error("IDLE", e)),
                },
                _ = tokio::time::sleep(timeout) => IdleOutcome::Timeout,
                _ = cancel.cancelled() => IdleOutcome::Cancelled,
            }
        };

        let session = within(cmd_timeout, "DONE", handle.done()).await?;
        Ok((
            Inbox {
                session,
                timeout: cmd_timeout,
                idle,
                moves,
                uidplus,
                known_folders,
            },
            outcome,
        ))
    }
}
