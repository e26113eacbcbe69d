#!/usr/bin/env bash
# Installs everything CampDesk needs on a fresh Debian 12 machine: system packages (Qt's
# libraries, a Korean font, poppler for PDF checks, Xvfb and xwd for screenshots, binutils
# for PyInstaller) and a Python venv in .venv with the versions in constraints.txt.
# Safe to run again: it only installs what is missing, and Python packages again when
# pyproject.toml or constraints.txt changed.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  fonts-nanum poppler-utils xvfb xauth x11-apps binutils
  libegl1 libgl1 libglib2.0-0 libdbus-1-3 libfontconfig1 libfreetype6
  libx11-6 libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0 libxcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0
  libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxcb-xinerama0
)
missing=()
for p in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.campdesk-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ]; then
  echo "Installing CampDesk and its Python packages into .venv (log: .venv/pip.log)"
  if ! { .venv/bin/python -m pip install --disable-pip-version-check --upgrade pip \
         && .venv/bin/python -m pip install --disable-pip-version-check \
              -c constraints.txt -e ".[test,installer]"; } \
       > .venv/pip.log 2>&1; then
    tail -n 30 .venv/pip.log >&2
    echo "pip could not install CampDesk's packages (see .venv/pip.log)." >&2
    exit 1
  fi
  .venv/bin/python -c "import campdesk, PySide6, sqlalchemy, reportlab, psycopg, PyInstaller"
  touch "$stamp"
fi
