#!/usr/bin/env bash
# tests/env/status.sh — show whether the private test servers are running.
#
# Usage: tests/env/status.sh
#
# Prints one line per server (running with its PID, or stopped) and the env.json path.
# Exit status: 0 when all four run, 1 otherwise.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

all=0
for s in "dovecot:$DOVECOT_PIDFILE" "postfix:$POSTFIX_PIDFILE" "postgres:$PG_PIDFILE" "smtp-sink:$SINK_PIDFILE" "dovecot-oauth2:$DOVECOT_OAUTH2_PIDFILE"; do
    name=${s%%:*} pidfile=${s#*:}
    if running "$pidfile"; then
        printf '%-9s running  pid %s\n' "$name" "$(pid_of "$pidfile")"
    else
        printf '%-9s stopped\n' "$name"
        all=1
    fi
done
if idp_running; then printf '%-9s running  pid %s\n' oauth2-idp "$(pid_of "$IDP_PIDFILE")"; else echo "oauth2-idp stopped"; all=1; fi
if [ -f "$BASE/env.json" ]; then
    echo "env:      $BASE/env.json"
    echo "users:    $(find "$PASSWD_DIR" -maxdepth 1 -type f -name '*@*' 2>/dev/null | wc -l) in $PASSWD_DIR"
else
    echo "env:      none (run tests/env/up.sh)"
fi
exit $all
