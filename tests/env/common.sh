# tests/env/common.sh — shared settings for the test-environment scripts (sourced, not run).
#
# Settings (environment, all optional):
#   SUPPORTBOT_TESTENV          base directory (default: REPO/target/testenv)
#   SUPPORTBOT_IMAP_PORT        IMAP with STARTTLS            (default 31143)
#   SUPPORTBOT_IMAPS_PORT       IMAP over implicit TLS        (default 31993)
#   SUPPORTBOT_SMTP_PORT        SMTP offering STARTTLS        (default 31025)
#   SUPPORTBOT_SMTP_PLAIN_PORT  SMTP without STARTTLS         (default 31026)
#   SUPPORTBOT_SMTPS_PORT       SMTP over implicit TLS        (default 31465)
#   SUPPORTBOT_SUBMISSION_PORT  SMTP, STARTTLS + AUTH needed  (default 31587)
#   SUPPORTBOT_PG_PORT          PostgreSQL                    (default 31432)
#   SUPPORTBOT_SINK_PORT        smtp-sink, accepts and drops  (default 31027)
#   SUPPORTBOT_OAUTH2_IMAP_PORT IMAP of the OAuth2-only Dovecot  (default 31144)
#   SUPPORTBOT_OAUTH2_IMAPS_PORT  same over implicit TLS          (default 31994)
#   SUPPORTBOT_OAUTH2_SUBMISSION_PORT  its SMTP submission  (default 31588)
#   SUPPORTBOT_OAUTH2_IDP_PORT  its token introspection endpoint  (default 31180)
#   SUPPORTBOT_TESTENV_TIMEOUT  seconds up.sh waits for the servers (default 30)
# While an environment is running, up.sh keeps the ports recorded in BASE/env.sh (run
# down.sh first to change them); down.sh and status.sh work from the pid files.

# shellcheck disable=SC2034 # variables for the scripts that source this file
ENV_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$ENV_DIR/../.." && pwd)
BASE=${SUPPORTBOT_TESTENV:-$REPO/target/testenv}
mkdir -p "$BASE"
BASE=$(cd "$BASE" && pwd)
IMAP_PORT=${SUPPORTBOT_IMAP_PORT:-31143}
IMAPS_PORT=${SUPPORTBOT_IMAPS_PORT:-31993}
SMTP_PORT=${SUPPORTBOT_SMTP_PORT:-31025}
SMTP_PLAIN_PORT=${SUPPORTBOT_SMTP_PLAIN_PORT:-31026}
SMTPS_PORT=${SUPPORTBOT_SMTPS_PORT:-31465}
SUBMISSION_PORT=${SUPPORTBOT_SUBMISSION_PORT:-31587}
PG_PORT=${SUPPORTBOT_PG_PORT:-31432}
SINK_PORT=${SUPPORTBOT_SINK_PORT:-31027}
OAUTH2_IMAP_PORT=${SUPPORTBOT_OAUTH2_IMAP_PORT:-31144}
OAUTH2_IMAPS_PORT=${SUPPORTBOT_OAUTH2_IMAPS_PORT:-31994}
OAUTH2_IDP_PORT=${SUPPORTBOT_OAUTH2_IDP_PORT:-31180}
OAUTH2_SUBMISSION_PORT=${SUPPORTBOT_OAUTH2_SUBMISSION_PORT:-31588}
LOG_DIR=$BASE/log
# One passwd-file per user (see templates/dovecot.conf.in for why).
PASSWD_DIR=$BASE/dovecot/users
CERT_FILE=$BASE/tls/cert.pem
PF_CONF=$BASE/postfix/etc
PG_DATA=$BASE/pg/data
PG_SOCKET_DIR=$BASE/pg/run
DOVECOT_PIDFILE=$BASE/dovecot/run/master.pid
POSTFIX_PIDFILE=$BASE/postfix/spool/pid/master.pid
PG_PIDFILE=$PG_DATA/postmaster.pid
SINK_PIDFILE=$BASE/sink/pid
# The OAuth2-only Dovecot and the identity provider's introspection endpoint.
DOVECOT_OAUTH2_PIDFILE=$BASE/dovecot-oauth2/run/master.pid
IDP_PIDFILE=$BASE/oauth2/idp.pid
OAUTH2_KEY_FILE=$BASE/oauth2/key
# A user that up.sh's readiness probe logs in as.
PROBE_USER=probe@example.test
PROBE_PASSWORD=probe-secret

# PID read from a pid file (first line), empty when missing.
pid_of() {
    if [ -s "$1" ]; then head -n1 "$1" | tr -dc '0-9'; fi
}

# Is this PID a live process? A zombie is dead: our daemons are reparented to PID 1,
# which in some containers is slow to reap them.
alive() {
    local state
    state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null) || return 1
    [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# Is the server behind this pid file running? Checks the command name too, so a
# recycled PID of an unrelated process is not mistaken for our server.
running() {
    local pid comm
    pid=$(pid_of "$1")
    [ -n "$pid" ] || return 1
    alive "$pid" || return 1
    comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
    case "$comm" in dovecot | master | postgres | postmaster | smtp-sink) return 0 ;; *) return 1 ;; esac
}

# Is the identity provider (tests/env/oauth2_idp.py) behind its pid file running?
idp_running() {
    local pid
    pid=$(pid_of "$IDP_PIDFILE")
    [ -n "$pid" ] && alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q oauth2_idp.py
}

pg_bin() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/$1" ] && { echo "$d/$1"; return 0; }
    done
    command -v "$1"
}
