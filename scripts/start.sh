#!/usr/bin/env bash
# Installs what is missing, then starts CampDesk on its embedded SQLite database.
# Extra arguments go to campdesk (for example: --home DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No screen found (DISPLAY is not set): starting CampDesk on a virtual screen (xvfb-run)."
  exec xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/campdesk "$@"
fi
exec .venv/bin/campdesk "$@"
