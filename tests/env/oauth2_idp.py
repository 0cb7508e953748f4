#!/usr/bin/env python3
"""tests/env/oauth2_idp.py: the identity provider's introspection endpoint (RFC 7662)
for the OAuth2 test Dovecot. Stateless: an access token is

    v1.<user, base64url>.<expiry, unix seconds>.<HMAC-SHA256(key, "v1.<user>.<expiry>"), hex>

minted by the test harness (tests/it/oauth2_server.rs) with the key in BASE/oauth2/key.
POST /introspect with token=... answers {"active": true, "username": ...} for a valid,
unexpired token and {"active": false} otherwise. Usage: oauth2_idp.py PORT KEYFILE
"""
import base64, hashlib, hmac, json, sys, time, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
KEY = open(sys.argv[2], "rb").read().strip()


def check(token):
    parts = token.split(".")
    if len(parts) != 4 or parts[0] != "v1":
        return None
    signed = ".".join(parts[:3]).encode()
    want = hmac.new(KEY, signed, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(want, parts[3]):
        return None
    try:
        if int(parts[2]) <= time.time():
            return None
        pad = "=" * (-len(parts[1]) % 4)
        return base64.urlsafe_b64decode(parts[1] + pad).decode()
    except (ValueError, UnicodeDecodeError):
        return None


class Handler(BaseHTTPRequestHandler):
    def answer(self, token):
        user = check(token or "")
        body = json.dumps({"active": True, "username": user} if user else {"active": False}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(n).decode())
        self.answer((form.get("token") or [""])[0])

    def do_GET(self):
        q = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        auth = self.headers.get("Authorization", "")
        self.answer((q.get("token") or [auth.removeprefix("Bearer ")])[0])

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
