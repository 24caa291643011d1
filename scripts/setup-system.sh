#!/usr/bin/env bash
# Installs the Debian packages the tests need, only those missing. Safe to run again.
set -euo pipefail

missing=()
have() { command -v "$1" >/dev/null 2>&1; }
have chromium || missing+=(chromium)
have nginx || [ -x /usr/sbin/nginx ] || missing+=(nginx)
have gunicorn || missing+=(gunicorn)
have uwsgi || missing+=(uwsgi)
[ -e /usr/lib/uwsgi/plugins/python3_plugin.so ] || missing+=(uwsgi-plugin-python3)
/usr/bin/python3 -c 'import flask' >/dev/null 2>&1 || missing+=(python3-flask)
/usr/bin/python3 -c 'import django' >/dev/null 2>&1 || missing+=(python3-django)
/usr/bin/python3 -c 'import pytest' >/dev/null 2>&1 || missing+=(python3-pytest)
have flake8 || missing+=(flake8)
have black || missing+=(black)
have docker-compose || missing+=(docker-compose)
have curl || missing+=(curl)
have unshare || missing+=(util-linux)
have ip || missing+=(iproute2)
have debootstrap || [ -x /usr/sbin/debootstrap ] || missing+=(debootstrap)
have systemd-nspawn || missing+=(systemd-container)
have shellcheck || missing+=(shellcheck)
# HTTPS proofs: certbot against Let's Encrypt's test server Pebble, openssl for handshakes.
have certbot || missing+=(certbot)
have pebble || missing+=(pebble)
have openssl || missing+=(openssl)
# An independent TLS scanner run against the generated nginx in the self-signed HTTPS proof.
have testssl || missing+=(testssl.sh)
# A font with Hangul, so Korean labels are measured and drawn whole in the browser tests and image exports.
has_hangul_font() {
  if have fc-list; then [ -n "$(fc-list :lang=ko family 2>/dev/null)" ]; else ls /usr/share/fonts/opentype/noto/*CJK* >/dev/null 2>&1; fi
}
has_hangul_font || missing+=(fonts-noto-cjk)
if [ "${STACKSKETCH_BENCH:-}" = 1 ]; then have wrk || missing+=(wrk); fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: all test packages present"
  exit 0
fi

echo "setup-system: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  apt=(apt-get)
elif have sudo; then
  apt=(sudo apt-get)
else
  echo "setup-system: cannot install ${missing[*]}: run as root or install them with apt-get" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! "${apt[@]}" update -qq || ! "${apt[@]}" install -y -qq "${missing[@]}" >/tmp/stacksketch-apt.log 2>&1; then
  echo "setup-system: apt-get could not install ${missing[*]}; see /tmp/stacksketch-apt.log" >&2
  tail -20 /tmp/stacksketch-apt.log >&2 || true
  exit 1
fi
echo "setup-system: installed ${missing[*]}"
