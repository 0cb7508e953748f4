#!/usr/bin/env bash
# tests/env/down.sh — stop the private test servers started by up.sh.
#
# Usage: tests/env/down.sh [--wipe]
#
# Sends SIGTERM to Dovecot, Postfix, PostgreSQL and smtp-sink by the PIDs in their pid files under
# BASE (never by process name), waits up to 15 s for each, then SIGKILLs what is left.
# --wipe also deletes BASE (mail, queue, database, certificate) for a clean next start.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

stop() { # name pidfile signal
    local name=$1 pidfile=$2 sig=$3 pid
    running "$pidfile" || return 0
    pid=$(pid_of "$pidfile")
    kill "-$sig" "$pid" 2>/dev/null || true
    for _ in $(seq 150); do
        alive "$pid" || { echo "stopped $name (pid $pid)"; return 0; }
        sleep 0.1
    done
    echo "down.sh: $name (pid $pid) ignored SIG$sig for 15 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
}

exec 9>"$BASE/.lock"
flock -w 60 9 || echo "down.sh: $BASE/.lock busy for 60 s; stopping anyway" >&2
stop dovecot "$DOVECOT_PIDFILE" TERM &
stop postfix "$POSTFIX_PIDFILE" TERM &
# SIGINT is PostgreSQL's "fast" shutdown.
stop postgres "$PG_PIDFILE" INT &
stop smtp-sink "$SINK_PIDFILE" TERM &
stop dovecot-oauth2 "$DOVECOT_OAUTH2_PIDFILE" TERM &
if idp_running; then kill "$(pid_of "$IDP_PIDFILE")" 2>/dev/null && echo "stopped oauth2-idp" || true; fi
wait
rm -f "$BASE/env.sh" "$BASE/env.json"
if [ "${1:-}" = "--wipe" ]; then
    rm -rf "$BASE"
    echo "wiped $BASE"
fi
