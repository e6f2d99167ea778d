#!/bin/sh
# The steps of the Docker image (Dockerfile), as a script the test suite runs too:
# install translint from SOURCE with PYTHON, without caches, then check it runs.
#   docker/install.sh [SOURCE] [PYTHON]
set -eu
SOURCE="${1:-/src}"
PYTHON="${2:-python3}"
"$PYTHON" -m pip install --no-cache-dir --quiet --disable-pip-version-check "$SOURCE"
"$PYTHON" -m translint --version
