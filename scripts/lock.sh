#!/usr/bin/env bash
# Regenerate requirements.lock from pyproject.toml: every package pinned by version and hash.
set -euo pipefail
cd "$(dirname "$0")/.."
uv pip compile pyproject.toml --extra test --extra ray --generate-hashes --python-version 3.11 -o requirements.lock
# weasel asks for smart-open[http]; pip's hash mode accepts that extra only when the lock
# pins it by that name (uv writes the bare name).
sed -i 's/^smart-open==\([0-9.]*\) \\$/smart-open[http]==\1 \\/' requirements.lock
# justext asks for lxml[html_clean] while htmldate asks for bare lxml: pip 23 treats the
# two as separate requirements, and once PyPI has a newer lxml it reaches for it unless
# both names are pinned, so the lxml entry is written twice, once under each name.
python3 - <<'PY'
import re
path = "requirements.lock"
text = open(path).read()
entry = re.search(r"^lxml==[0-9.]+ \\\n(?:    --hash=.*\n)+", text, re.M)
if entry and "\nlxml[html_clean]==" not in text:
    twin = entry.group(0).replace("lxml==", "lxml[html_clean]==", 1)
    text = text[: entry.end()] + twin + text[entry.end():]
    open(path, "w").write(text)
PY
