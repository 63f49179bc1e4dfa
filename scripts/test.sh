#!/usr/bin/env bash
# The test command (README and CI run exactly this): install the project with its test extras
# into .venv, make sure Debian's Chromium is there for the browser tests, type-check the
# package, run the suite (all of it, `slow` tests included).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test,e5,lexicon,lint]'
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
# setup.cfg [mypy] names the package; a few seconds, before minutes of tests.
.venv/bin/python -m mypy
.venv/bin/python -m pytest -q "$@"
# The project's own gate: the corpus passes its baseline (setup.cfg [align]).
.venv/bin/align check corpora/ --quiet
