#!/usr/bin/env bash
# Builds the Linux bundle dist/CampDesk/, whose CampDesk executable is the `campdesk` command
# (the window with no arguments; --version, demo, report, ... otherwise). Installs what is
# missing first (scripts/install.sh brings PyInstaller and the X libraries that PyInstaller
# copies into the bundle). About a minute on 2 cores; the bundle is about 250 MB.
# CAMPDESK_DIST and CAMPDESK_BUILD put the bundle and PyInstaller's work folder elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
dist="${CAMPDESK_DIST:-dist}"
work="${CAMPDESK_BUILD:-build}"
rm -rf "$dist/CampDesk" "$work/campdesk"
.venv/bin/python -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$dist" --workpath "$work" installer/campdesk.spec
echo "Built $(cd "$dist/CampDesk" && pwd)/CampDesk ($(du -sh "$dist/CampDesk" | cut -f1))"
