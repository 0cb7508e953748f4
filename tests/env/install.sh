#!/usr/bin/env bash
# tests/env/install.sh — install the Debian packages the test servers need, if missing.
#
# Usage: tests/env/install.sh          (as root; called by up.sh, safe to run by hand)
#
# Installs dovecot-imapd, dovecot-lmtpd, dovecot-submissiond (the OAuth2 instance's SMTP),
# postfix, postgresql, openssl and python3 (the OAuth2 test identity provider) non-interactively
# (postfix is preseeded to "No configuration"), runs `apt-get update` only when something is
# missing, and never edits anything under /etc. If the package scripts start the system
# services anyway (no policy-rc.d), they are stopped again so they never hold ports
# 25/143/993/5432: our servers run privately from BASE (see up.sh).
set -euo pipefail

need=()
have() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
for p in dovecot-imapd dovecot-lmtpd dovecot-submissiond postfix postgresql openssl python3; do
    have "$p" || need+=("$p")
done
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "install.sh: missing packages (${need[*]}) and not root; install them first" >&2
    exit 1
fi

echo "install.sh: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
apt_opts=(-o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
apt-get "${apt_opts[@]}" update -qq >&2
apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${need[@]}" >&2

# Stop whatever the maintainer scripts may have started, by the services' own pid files.
stop_pidfile() {
    local f=$1 pid
    [ -s "$f" ] || return 0
    pid=$(head -n1 "$f" | tr -dc '0-9')
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
}
if command -v service >/dev/null; then
    for s in postfix dovecot postgresql; do service "$s" stop >/dev/null 2>&1 || true; done
fi
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
    systemctl disable --now postfix dovecot postgresql >/dev/null 2>&1 || true
fi
stop_pidfile /run/dovecot/master.pid
stop_pidfile /var/spool/postfix/pid/master.pid
for f in /var/lib/postgresql/*/*/postmaster.pid; do stop_pidfile "$f"; done
exit 0
