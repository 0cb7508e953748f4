#!/usr/bin/env bash
# tests/env/adduser.sh — add a mail user to the running test Dovecot, no restart needed.
#
# Usage: tests/env/adduser.sh USER@example.test PASSWORD
#
# Appends `USER:{PLAIN}PASSWORD` to BASE/dovecot/users (BASE as in up.sh). Dovecot's
# passwd-file driver re-reads the file when it changes, and the auth cache is off, so the
# user can log in (and receive mail over LMTP/SMTP) immediately. Adding an existing user
# with the same password is a no-op; with another password it fails (exit 2).
# Neither USER nor PASSWORD may contain ':' or whitespace (test accounts only).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [ $# -ne 2 ]; then
    echo "usage: $0 USER@example.test PASSWORD" >&2
    exit 64
fi
user=$1 password=$2
case "$user$password" in *[:[:space:]]*)
    echo "adduser.sh: user and password must not contain ':' or whitespace" >&2
    exit 64 ;;
esac
case "$user" in ?*@?*) ;; *)
    echo "adduser.sh: $user is not an email address" >&2
    exit 64 ;;
esac
[ -f "$PASSWD_FILE" ] || { echo "adduser.sh: $PASSWD_FILE missing; run up.sh first" >&2; exit 1; }

exec 8>>"$PASSWD_FILE.lock"
flock -w 30 8
line="$user:{PLAIN}$password::::::"
if existing=$(grep -F -- "$user:" "$PASSWD_FILE" | grep -F -m1 -- "$user:{" ); then
    [ "$existing" = "$line" ] && exit 0
    echo "adduser.sh: $user already exists with another password" >&2
    exit 2
fi
# One write with O_APPEND: Dovecot never sees half a line.
printf '%s\n' "$line" >>"$PASSWD_FILE"
