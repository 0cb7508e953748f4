#!/usr/bin/env python3
"""Send the demo's sample mails over SMTP and wait until the support mailbox holds them."""
import argparse, imaplib, smtplib, time
from email.header import Header
from email.mime.text import MIMEText
from email.utils import formataddr, make_msgid, formatdate

ap = argparse.ArgumentParser()
ap.add_argument("--port", type=int, required=True)
ap.add_argument("--imap-port", type=int, required=True)
ap.add_argument("--support", required=True)
ap.add_argument("--alice", required=True)
ap.add_argument("--lilei", required=True)
a = ap.parse_args()

def mail(sender, name, subject, body, charset="utf-8", subtype="plain", extra=None):
    m = MIMEText(body, subtype, charset)
    m["From"] = formataddr((str(Header(name, charset)), sender))
    m["To"] = a.support
    m["Subject"] = Header(subject, charset)
    m["Date"] = formatdate(localtime=True)
    m["Message-ID"] = make_msgid(domain="example.test")
    for k, v in (extra or {}).items():
        m[k] = v
    return m

mails = [
    mail(a.alice, "Alice Chen", "VPN down for the whole Shenzhen office",
         "Hi IT,\n\nSince 9:00 nobody at the Shenzhen office can connect to the VPN, "
         "about 40 people cannot reach the ERP and customer orders are stuck.\n\nAlice"),
    mail(a.lilei, "李雷", "三楼打印机卡纸",
         "你好，\n\n三楼的打印机一直卡纸，打印出来还有黑色条纹。现在先用二楼的打印机。\n\n李雷", charset="gbk"),
    mail(a.alice, "Alice Chen", "How do I set up email on my new phone?",
         "<html><body><p>Hello,</p><p>could you tell me <b>how to set up</b> the company "
         "mailbox on my new iPhone? No rush.</p></body></html>", subtype="html"),
    mail(a.lilei, "李雷", "自动回复：VPN 连接问题",
         "我正在休假，10月8日返回。紧急事务请联系王经理。",
         extra={"Auto-Submitted": "auto-replied", "X-Autoreply": "yes"}),
]
with smtplib.SMTP("127.0.0.1", a.port) as s:
    for m in mails:
        s.send_message(m)
print(f"sent {len(mails)} mails")

deadline = time.time() + 30
while True:
    with imaplib.IMAP4("127.0.0.1", a.imap_port) as im:
        im.login(a.support, "demo-password")
        n = int(im.select("INBOX")[1][0])
    if n >= len(mails):
        break
    if time.time() > deadline:
        raise SystemExit(f"only {n} of {len(mails)} mails arrived in {a.support} within 30 s")
    time.sleep(0.3)
print(f"{n} mails are in {a.support}'s INBOX")
