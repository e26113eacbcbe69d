#!/usr/bin/env bash
# Installs what is missing, makes sure PostgreSQL is up for the hub tests, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
export QT_QPA_PLATFORM=offscreen
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
if [ $status -eq 5 ]; then
  echo "No tests were collected: that is a failure." >&2
  exit 1
fi
exit $status
