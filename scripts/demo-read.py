#!/usr/bin/env python3
"""Print the acknowledgements each demo requester received (waits up to 30 s for them)."""
import argparse, email, imaplib, time
from email import policy

ap = argparse.ArgumentParser()
ap.add_argument("--imap-port", type=int, required=True)
ap.add_argument("users", nargs="+")
a = ap.parse_args()

for user in a.users:
    deadline = time.time() + 30
    while True:
        with imaplib.IMAP4("127.0.0.1", a.imap_port) as im:
            im.login(user, "demo-password")
            im.select("INBOX")
            _, data = im.uid("SEARCH", None, "ALL")
            uids = data[0].split()
            msgs = []
            for uid in uids:
                _, d = im.uid("FETCH", uid, "(BODY.PEEK[])")
                msgs.append(email.message_from_bytes(d[0][1], policy=policy.default))
        if msgs or time.time() > deadline:
            break
        time.sleep(0.3)
    print(f"--- {user}: {len(msgs)} mail(s)")
    for m in msgs:
        print(f"Subject: {m['Subject']}")
        print(f"Auto-Submitted: {m['Auto-Submitted']}   In-Reply-To: {m['In-Reply-To']}")
        body = m.get_body(preferencelist=("plain",))
        print(body.get_content().strip() if body else "(no text part)")
        print()
