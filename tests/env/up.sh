#!/usr/bin/env bash
# tests/env/up.sh — start the private mail and database servers the integration tests use.
#
# Usage: tests/env/up.sh            (as root; idempotent, safe to call concurrently)
#
# Installs the Debian packages when missing (install.sh), then starts on 127.0.0.1, under
# BASE (default REPO/target/testenv, override SUPPORTBOT_TESTENV; ports: see common.sh):
#   - Dovecot  IMAP+STARTTLS :31143, IMAPS :31993, LMTP on BASE/dovecot/lmtp;
#              127.0.0.2:31143 serves the same mailboxes without MOVE and IDLE;
#              users: one passwd-file each in BASE/dovecot/users/ (adduser.sh, no restart);
#              mail in BASE/mail/<domain>/<user>/Maildir, stored as uid 8 (`mail`).
#   - Postfix  SMTP :31025 (STARTTLS offered), :31026 (no STARTTLS), :31465 (implicit TLS);
#              delivers example.test over LMTP into Dovecot (unknown users bounce to the
#              sender); other domains get 550 at RCPT (nothing leaves the machine);
#              local parts reject-* get 550, tempfail-* 451 at RCPT;
#              :31587 submission: STARTTLS and AUTH (test users, via Dovecot) required.
#   - Postgres :31432, trust auth, user postgres, socket dir BASE/pg/run, fsync off.
#   - Dovecot (OAuth2 only) IMAP :31144, IMAPS :31994, submission :31588 (relays to
#              Postfix :31026), a second instance (own base dir
#              BASE/dovecot-oauth2) over the same users and Maildirs that accepts only
#              XOAUTH2/OAUTHBEARER tokens, checked by tests/env/oauth2_idp.py on :31180
#              (HMAC-signed tokens, key BASE/oauth2/key). Started on its own when the
#              other servers already run.
#   - smtp-sink :31027 (Postfix's fast sink: answers 250 to everything, keeps nothing),
#              for send benchmarks that must not be limited by delivery.
# TLS for all: BASE/tls/cert.pem, a CA:FALSE self-signed cert for localhost/127.0.0.1
# (trust exactly that file). Logs: BASE/log/*.log.
# Servers already running are reused (and keep the ports in BASE/env.sh). When all three
# answer (an IMAP LOGIN succeeds, SMTP answers EHLO, pg_isready), writes BASE/env.sh and
# BASE/env.json and prints the path of env.json. On failure: exit 1 with the log tails.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [ "$(id -u)" -ne 0 ]; then
    echo "up.sh: must run as root (Dovecot stores mail as uid 8, Postfix needs root)" >&2
    exit 1
fi

"$ENV_DIR/install.sh"

mkdir -p "$BASE"
exec 9>"$BASE/.lock"
flock -w 180 9 || { echo "up.sh: could not lock $BASE/.lock within 180 s" >&2; exit 1; }

# A running environment keeps its recorded ports.
if [ -f "$BASE/env.sh" ] && { running "$DOVECOT_PIDFILE" || running "$POSTFIX_PIDFILE" || running "$PG_PIDFILE"; }; then
    # shellcheck source=/dev/null
    . "$BASE/env.sh"
    IMAP_PORT=$SUPPORTBOT_IMAP_PORT IMAPS_PORT=$SUPPORTBOT_IMAPS_PORT
    SMTP_PORT=$SUPPORTBOT_SMTP_PORT SMTP_PLAIN_PORT=$SUPPORTBOT_SMTP_PLAIN_PORT
    SMTPS_PORT=$SUPPORTBOT_SMTPS_PORT PG_PORT=$SUPPORTBOT_PG_PORT
    SINK_PORT=${SUPPORTBOT_SINK_PORT:-$SINK_PORT}
    SUBMISSION_PORT=${SUPPORTBOT_SUBMISSION_PORT:-$SUBMISSION_PORT}
    OAUTH2_IMAP_PORT=${SUPPORTBOT_OAUTH2_IMAP_PORT:-$OAUTH2_IMAP_PORT}
    OAUTH2_IMAPS_PORT=${SUPPORTBOT_OAUTH2_IMAPS_PORT:-$OAUTH2_IMAPS_PORT}
    OAUTH2_IDP_PORT=${SUPPORTBOT_OAUTH2_IDP_PORT:-$OAUTH2_IDP_PORT}
    OAUTH2_SUBMISSION_PORT=${SUPPORTBOT_OAUTH2_SUBMISSION_PORT:-$OAUTH2_SUBMISSION_PORT}
fi

# Dovecot's unprivileged auth process must read the passwd-file: every directory on the
# way must be traversable (a mktemp -d base is 0700).
chmod 755 "$BASE"
mkdir -p "$LOG_DIR" "$BASE/tls" "$BASE/dovecot" "$BASE/mail" "$PF_CONF" "$BASE/postfix/data" "$BASE/pg"
chmod 755 "$LOG_DIR" "$BASE/dovecot" "$BASE/tls"
chown mail:mail "$BASE/mail"

render() { # template output
    sed -e "s|@BASE@|$BASE|g" -e "s|@IMAP_PORT@|$IMAP_PORT|g" -e "s|@IMAPS_PORT@|$IMAPS_PORT|g" \
        -e "s|@SMTP_PORT@|$SMTP_PORT|g" -e "s|@SMTP_PLAIN_PORT@|$SMTP_PLAIN_PORT|g" \
        -e "s|@SMTPS_PORT@|$SMTPS_PORT|g" -e "s|@SUBMISSION_PORT@|$SUBMISSION_PORT|g" \
        -e "s|@OAUTH2_IMAP_PORT@|$OAUTH2_IMAP_PORT|g" -e "s|@OAUTH2_IMAPS_PORT@|$OAUTH2_IMAPS_PORT|g" \
        -e "s|@OAUTH2_IDP_PORT@|$OAUTH2_IDP_PORT|g" -e "s|@OAUTH2_SUBMISSION_PORT@|$OAUTH2_SUBMISSION_PORT|g" \
        "$ENV_DIR/templates/$1" >"$2"
}

log_tails() {
    local f
    for f in "$LOG_DIR"/*.log; do
        [ -f "$f" ] || continue
        echo "---- last lines of $f ----" >&2
        tail -n 25 "$f" >&2
    done
}

fail() {
    echo "up.sh: $*" >&2
    log_tails
    exit 1
}

# A port taken by someone else (often another checkout's test environment on the default
# ports) would only show as a bind error deep in a server log: say so up front.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
check_ports() { # server port...
    local server=$1 p
    shift
    for p in "$@"; do
        port_free "$p" || fail "port $p (for $server) is already in use: another test environment? \
Stop it with its down.sh, share it (same SUPPORTBOT_TESTENV), or set SUPPORTBOT_*_PORT (see common.sh)"
    done
}

# --- TLS ---------------------------------------------------------------------------
# rustls rejects a CA:TRUE cert as a server cert even when it is the trust anchor, so the
# self-signed cert is explicitly CA:FALSE with the names the tests connect to.
if [ ! -s "$CERT_FILE" ] || [ ! -s "$BASE/tls/key.pem" ]; then
    cat >"$BASE/tls/openssl.cnf" <<'CNF'
[req]
distinguished_name = dn
x509_extensions = ext
prompt = no
[dn]
CN = localhost
[ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
CNF
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
        -config "$BASE/tls/openssl.cnf" -keyout "$BASE/tls/key.pem.tmp" -out "$CERT_FILE.tmp" 2>>"$LOG_DIR/tls.log" \
        || fail "openssl could not make the test certificate"
    chmod 644 "$BASE/tls/key.pem.tmp" "$CERT_FILE.tmp" # test-only key; Postfix/Dovecot read it as root anyway
    mv "$BASE/tls/key.pem.tmp" "$BASE/tls/key.pem"
    mv "$CERT_FILE.tmp" "$CERT_FILE"
fi

# --- Dovecot -----------------------------------------------------------------------
# An environment from before per-user passwd-files had a single file here.
[ -f "$PASSWD_DIR" ] && ! running "$DOVECOT_PIDFILE" && rm -f "$PASSWD_DIR"
mkdir -p "$PASSWD_DIR"
chmod 755 "$PASSWD_DIR"
"$ENV_DIR/adduser.sh" "$PROBE_USER" "$PROBE_PASSWORD"
if ! running "$DOVECOT_PIDFILE"; then
    check_ports dovecot "$IMAP_PORT" "$IMAPS_PORT"
    # Dovecot refuses to start while its pid file names a zombie of a killed master.
    rm -f "$DOVECOT_PIDFILE"
    render dovecot.conf.in "$BASE/dovecot/dovecot.conf"
    # Dovecot keeps the stdio it was started with open in every process: never a pipe.
    # 9>&-: the servers must not inherit (and so hold forever) the lock of this script.
    dovecot -c "$BASE/dovecot/dovecot.conf" </dev/null >/dev/null 2>>"$LOG_DIR/dovecot.log" 9>&- \
        || fail "dovecot did not start"
fi

# --- Postfix -----------------------------------------------------------------------
if ! running "$POSTFIX_PIDFILE"; then
    check_ports postfix "$SMTP_PORT" "$SMTP_PLAIN_PORT" "$SMTPS_PORT" "$SUBMISSION_PORT"
    render main.cf.in "$PF_CONF/main.cf"
    render master.cf.in "$PF_CONF/master.cf"
    render recipient_access.in "$PF_CONF/recipient_access"
    mkdir -p "$BASE/postfix/spool"
    chown postfix "$BASE/postfix/data"
    touch "$LOG_DIR/postfix.log"
    # Postfix prints start errors only to a terminal: give it one with script(1).
    if ! script -qec "postfix -c '$PF_CONF' start" /dev/null </dev/null >>"$LOG_DIR/postfix-start.log" 2>&1 9>&-; then
        fail "postfix did not start (see $LOG_DIR/postfix-start.log)"
    fi
fi

# --- PostgreSQL --------------------------------------------------------------------
if ! running "$PG_PIDFILE"; then
    check_ports postgres "$PG_PORT"
    chown postgres:postgres "$BASE/pg"
    mkdir -p "$PG_SOCKET_DIR"
    chown postgres:postgres "$PG_SOCKET_DIR"
    touch "$LOG_DIR/postgres.log"
    chown postgres "$LOG_DIR/postgres.log"
    if [ ! -s "$PG_DATA/PG_VERSION" ]; then
        rm -rf "$PG_DATA"
        runuser -u postgres -- "$(pg_bin initdb)" -D "$PG_DATA" -U postgres --auth=trust \
            --encoding=UTF8 --locale=C.UTF-8 --no-sync </dev/null >>"$LOG_DIR/postgres.log" 2>&1 9>&- \
            || fail "initdb failed"
    fi
    # A stale pid file from a killed run would stop pg_ctl.
    rm -f "$PG_PIDFILE"
    runuser -u postgres -- "$(pg_bin pg_ctl)" -D "$PG_DATA" -l "$LOG_DIR/postgres.log" -w -t 30 \
        -o "-p $PG_PORT -k $PG_SOCKET_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start </dev/null >>"$LOG_DIR/pg_ctl.log" 2>&1 9>&- || fail "postgres did not start"
fi

# --- smtp-sink ---------------------------------------------------------------------
if ! running "$SINK_PIDFILE"; then
    check_ports smtp-sink "$SINK_PORT"
    mkdir -p "$BASE/sink"
    # It prints a counter line per mail to stdout: discard it.
    setsid smtp-sink -u postfix "127.0.0.1:$SINK_PORT" 256 </dev/null >/dev/null 2>>"$LOG_DIR/smtp-sink.log" 9>&- &
    echo $! >"$SINK_PIDFILE"
fi

# --- OAuth2: identity provider and the OAuth2-only Dovecot ---------------------------
mkdir -p "$BASE/oauth2" "$BASE/dovecot-oauth2/index"
chmod 755 "$BASE/oauth2" "$BASE/dovecot-oauth2"
chown mail:mail "$BASE/dovecot-oauth2/index"
if [ ! -s "$OAUTH2_KEY_FILE" ]; then
    head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$OAUTH2_KEY_FILE.tmp"
    chmod 644 "$OAUTH2_KEY_FILE.tmp" # test-only key; the harness mints tokens with it
    mv "$OAUTH2_KEY_FILE.tmp" "$OAUTH2_KEY_FILE"
fi
if ! idp_running; then
    check_ports oauth2-idp "$OAUTH2_IDP_PORT"
    command -v python3 >/dev/null || fail "python3 is needed for the OAuth2 identity provider (tests/env/oauth2_idp.py)"
    setsid python3 "$ENV_DIR/oauth2_idp.py" "$OAUTH2_IDP_PORT" "$OAUTH2_KEY_FILE" </dev/null >/dev/null 2>>"$LOG_DIR/oauth2-idp.log" 9>&- &
    echo $! >"$IDP_PIDFILE"
fi
if ! running "$DOVECOT_OAUTH2_PIDFILE"; then
    check_ports dovecot-oauth2 "$OAUTH2_IMAP_PORT" "$OAUTH2_IMAPS_PORT" "$OAUTH2_SUBMISSION_PORT"
    rm -f "$DOVECOT_OAUTH2_PIDFILE"
    render dovecot-oauth2.conf.in "$BASE/dovecot-oauth2/dovecot.conf"
    render dovecot-oauth2.conf.ext.in "$BASE/dovecot-oauth2/oauth2.conf.ext"
    dovecot -c "$BASE/dovecot-oauth2/dovecot.conf" </dev/null >/dev/null 2>>"$LOG_DIR/dovecot-oauth2.log" 9>&- \
        || fail "the OAuth2 dovecot did not start"
fi

# --- Readiness ---------------------------------------------------------------------
# Dovecot may refuse logins for a moment after start: wait for a real LOGIN.
imap_login_ok() {
    (
        exec 3<>"/dev/tcp/127.0.0.1/$IMAP_PORT" || exit 1
        IFS= read -r -t 2 line <&3 || exit 1
        [[ $line == "* OK"* ]] || exit 1
        printf 'a1 LOGIN %s %s\r\na2 LOGOUT\r\n' "$PROBE_USER" "$PROBE_PASSWORD" >&3
        while IFS= read -r -t 2 line <&3; do
            case $line in "a1 OK"*) exit 0 ;; "a1 "*) exit 1 ;; esac
        done
        exit 1
    ) 2>/dev/null
}
smtp_ehlo_ok() { # port
    (
        exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        while IFS= read -r -t 2 line <&3; do
            case $line in 220-*) ;; 220*) break ;; *) exit 1 ;; esac
        done
        printf 'EHLO probe.example.test\r\n' >&3
        while IFS= read -r -t 2 line <&3; do
            case $line in 250-*) ;; 250*) printf 'QUIT\r\n' >&3; exit 0 ;; *) exit 1 ;; esac
        done
        exit 1
    ) 2>/dev/null
}
pg_ok() {
    "$(pg_bin pg_isready)" -q -U postgres -h 127.0.0.1 -p "$PG_PORT" -t 1 </dev/null >/dev/null 2>&1
}

timeout_s=${SUPPORTBOT_TESTENV_TIMEOUT:-30}
deadline=$((SECONDS + timeout_s))
greeting_ok() { # port
    (
        exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        IFS= read -r -t 2 line <&3 || exit 1
        [[ $line == "* OK"* ]]
    ) 2>/dev/null
}
imap=no smtp=no pg=no sink=no oauth2=no
while :; do
    [ $oauth2 = yes ] || { greeting_ok "$OAUTH2_IMAP_PORT" && ! port_free "$OAUTH2_IDP_PORT" && oauth2=yes; } || true
    [ $imap = yes ] || { imap_login_ok && imap=yes; } || true
    [ $smtp = yes ] || { smtp_ehlo_ok "$SMTP_PORT" && smtp=yes; } || true
    [ $sink = yes ] || { smtp_ehlo_ok "$SINK_PORT" && sink=yes; } || true
    [ $pg = yes ] || { pg_ok && pg=yes; } || true
    [ $imap$smtp$pg$sink$oauth2 = yesyesyesyesyes ] && break
    if [ $SECONDS -ge $deadline ]; then
        fail "servers not ready after ${timeout_s}s: imap login=$imap smtp ehlo=$smtp pg_isready=$pg smtp-sink=$sink oauth2 dovecot+idp=$oauth2"
    fi
    sleep 0.1
done

# --- Description for tests ----------------------------------------------------------
pg_url="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
cat >"$BASE/env.sh.tmp" <<EOF
# Written by tests/env/up.sh; source it to reach the private test servers.
export SUPPORTBOT_TESTENV='$BASE'
export SUPPORTBOT_MAIL_DOMAIN='example.test'
export SUPPORTBOT_IMAP_PORT=$IMAP_PORT
export SUPPORTBOT_IMAP_MINIMAL_HOST=127.0.0.2
export SUPPORTBOT_IMAPS_PORT=$IMAPS_PORT
export SUPPORTBOT_SMTP_PORT=$SMTP_PORT
export SUPPORTBOT_SMTP_PLAIN_PORT=$SMTP_PLAIN_PORT
export SUPPORTBOT_SMTPS_PORT=$SMTPS_PORT
export SUPPORTBOT_SUBMISSION_PORT=$SUBMISSION_PORT
export SUPPORTBOT_PG_PORT=$PG_PORT
export SUPPORTBOT_SINK_PORT=$SINK_PORT
export SUPPORTBOT_PG_URL='$pg_url'
export SUPPORTBOT_PG_SOCKET_DIR='$PG_SOCKET_DIR'
export SUPPORTBOT_CA_FILE='$CERT_FILE'
export SUPPORTBOT_PASSWD_DIR='$PASSWD_DIR'
export SUPPORTBOT_LOG_DIR='$LOG_DIR'
export SUPPORTBOT_DOVECOT_PID=$(pid_of "$DOVECOT_PIDFILE")
export SUPPORTBOT_POSTFIX_PID=$(pid_of "$POSTFIX_PIDFILE")
export SUPPORTBOT_PG_PID=$(pid_of "$PG_PIDFILE")
export SUPPORTBOT_SINK_PID=$(pid_of "$SINK_PIDFILE")
export SUPPORTBOT_OAUTH2_IMAP_PORT=$OAUTH2_IMAP_PORT
export SUPPORTBOT_OAUTH2_IMAPS_PORT=$OAUTH2_IMAPS_PORT
export SUPPORTBOT_OAUTH2_IDP_PORT=$OAUTH2_IDP_PORT
export SUPPORTBOT_OAUTH2_SUBMISSION_PORT=$OAUTH2_SUBMISSION_PORT
export SUPPORTBOT_OAUTH2_KEY_FILE='$OAUTH2_KEY_FILE'
EOF
mv "$BASE/env.sh.tmp" "$BASE/env.sh"
cat >"$BASE/env.json.tmp" <<EOF
{
  "base": "$BASE",
  "host": "127.0.0.1",
  "domain": "example.test",
  "imap_port": $IMAP_PORT,
  "imap_minimal_host": "127.0.0.2",
  "imaps_port": $IMAPS_PORT,
  "smtp_port": $SMTP_PORT,
  "smtp_plain_port": $SMTP_PLAIN_PORT,
  "smtps_port": $SMTPS_PORT,
  "submission_port": $SUBMISSION_PORT,
  "pg_port": $PG_PORT,
  "sink_port": $SINK_PORT,
  "pg_url": "$pg_url",
  "pg_socket_dir": "$PG_SOCKET_DIR",
  "cert_file": "$CERT_FILE",
  "passwd_dir": "$PASSWD_DIR",
  "adduser": "$ENV_DIR/adduser.sh",
  "log_dir": "$LOG_DIR",
  "oauth2_imap_port": $OAUTH2_IMAP_PORT,
  "oauth2_imaps_port": $OAUTH2_IMAPS_PORT,
  "oauth2_idp_port": $OAUTH2_IDP_PORT,
  "oauth2_submission_port": $OAUTH2_SUBMISSION_PORT,
  "oauth2_key_file": "$OAUTH2_KEY_FILE",
  "pids": {
    "dovecot": $(pid_of "$DOVECOT_PIDFILE"),
    "postfix": $(pid_of "$POSTFIX_PIDFILE"),
    "postgres": $(pid_of "$PG_PIDFILE"),
    "smtp_sink": $(pid_of "$SINK_PIDFILE")
  }
}
EOF
mv "$BASE/env.json.tmp" "$BASE/env.json"
# The OAuth2 part on its own as well: an up.sh from an older checkout rewrites env.json
# without these keys while the OAuth2 servers keep running.
printf '{ "imap_port": %s, "imaps_port": %s, "submission_port": %s, "idp_port": %s, "key_file": "%s" }\n' \
    "$OAUTH2_IMAP_PORT" "$OAUTH2_IMAPS_PORT" "$OAUTH2_SUBMISSION_PORT" "$OAUTH2_IDP_PORT" "$OAUTH2_KEY_FILE" >"$BASE/oauth2/env.json.tmp"
mv "$BASE/oauth2/env.json.tmp" "$BASE/oauth2/env.json"
echo "$BASE/env.json"
