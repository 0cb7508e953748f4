#!/usr/bin/env bash
# tests/env/adduser.sh — add a mail user to the running test Dovecot, no restart needed.
#
# Usage: tests/env/adduser.sh USER@example.test PASSWORD
#
# Writes the one-line passwd-file BASE/dovecot/users/USER (`USER:{PLAIN}PASSWORD`),
# atomically (rename). Dovecot reads a user's file on first use and the auth cache is off,
# so the user can log in and receive mail over LMTP/SMTP immediately. Adding an existing
# user with the same password is a no-op; with another password it fails (exit 2).
# USER may hold only letters, digits and . _ + - before one @; the password no ':' or
# whitespace (test accounts only).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [ $# -ne 2 ]; then
    echo "usage: $0 USER@example.test PASSWORD" >&2
    exit 64
fi
user=$1 password=$2
if ! [[ $user =~ ^[A-Za-z0-9][A-Za-z0-9._+-]*@[A-Za-z0-9][A-Za-z0-9.-]*$ ]]; then
    echo "adduser.sh: $user is not a plain user@domain address" >&2
    exit 64
fi
case "$password" in '' | *[:[:space:]]*)
    echo "adduser.sh: the password must be non-empty, without ':' or whitespace" >&2
    exit 64 ;;
esac
[ -d "$PASSWD_DIR" ] || { echo "adduser.sh: $PASSWD_DIR missing; run up.sh first" >&2; exit 1; }

line="$user:{PLAIN}$password::::::"
file=$PASSWD_DIR/$user
exec 8>"$BASE/dovecot/.users.lock"
flock -w 30 8
if [ -e "$file" ]; then
    [ "$(cat "$file")" = "$line" ] && exit 0
    echo "adduser.sh: $user already exists with another password" >&2
    exit 2
fi
tmp=$PASSWD_DIR/.$user.$$
printf '%s\n' "$line" >"$tmp"
chmod 644 "$tmp"
mv "$tmp" "$file"
