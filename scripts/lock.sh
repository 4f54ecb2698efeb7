#!/usr/bin/env bash
# Regenerate requirements.lock from pyproject.toml: every package pinned by version and hash.
set -euo pipefail
cd "$(dirname "$0")/.."
uv pip compile pyproject.toml --extra test --extra ray --generate-hashes --python-version 3.11 -o requirements.lock
# weasel asks for smart-open[http]; pip's hash mode accepts that extra only when the lock
# pins it by that name (uv writes the bare name).
sed -i 's/^smart-open==\([0-9.]*\) \\$/smart-open[http]==\1 \\/' requirements.lock
