"""Fuzz harness: generated bad and odd inputs through ``sitrep extract`` and ``sitrep ingest``.

    python benchmarks/fuzz.py [--count 10000] [--batch 500] [--seed 18] [--out DIR]

Every input is one file of one kind (issue 18's classes: poison counts, malformed JSON
Lines records, long and pathological texts, terminal markup, CSV formulas, zero-width
text, boilerplate-only pages, random bytes, foreign text, tag soup, binary, broken
encodings) built from real text (ACLED notes and dev articles beside the repo) and
marked good (a record must come out, and be stored) or bad (one error line, and a
recorded failure). Inputs go in batches of ``--batch`` files, each batch through
``sitrep extract DIR -f jsonl`` and then ``sitrep ingest DIR`` into a fresh store, one
process at a time (``-j 1``). Counted: tracebacks, hangs (a batch past its time),
wrong exit codes, bad inputs that came out as records (silent acceptance), good inputs
refused or lost, error reports longer than one line, and the peak RSS of each process
tree (``wait4``). ``generate(kind, rng, index)`` is what the test suite's hypothesis
sample draws from too.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SITREP = [str(REPO / ".venv" / "bin" / "sitrep")]

_texts: dict[str, list[str]] = {}


def notes() -> list[str]:
    if "notes" not in _texts:
        found = []
        for path in sorted((SHARED / "data").glob("acled_*/acled.csv")):
            with path.open(encoding="utf-8") as handle:
                found.extend(n.strip() for row in csv.DictReader(handle) if (n := row.get("notes") or row.get("NOTES")))
        _texts["notes"] = [n for n in dict.fromkeys(found) if len(n) > 40] or [FALLBACK]
    return _texts["notes"]


def articles() -> list[str]:
    if "articles" not in _texts:
        found = [json.loads(p.read_text(encoding="utf-8")).get("text", "") for p in sorted((SHARED / "data" / "dev").glob("*.json"))]
        _texts["articles"] = [t for t in found if isinstance(t, str) and t.strip()] or [FALLBACK]
    return _texts["articles"]


FALLBACK = ("KABUL, June 15 2021 - Taliban fighters attacked a police checkpoint in Kunduz province on Tuesday, "
            "and the provincial police spokesman said two officers were killed and three were wounded.")
FOREIGN = [
    "周二，武装分子袭击了边境附近的一个检查站，造成三名士兵死亡。军方表示，袭击者已经逃离现场。",
    "Le gouvernement a annoncé mardi que trois soldats ont été tués dans une attaque près de la frontière.",
    "Tres soldados murieron el martes en un ataque contra un puesto militar cerca de la frontera, informó el ejército.",
    "Bei einem Angriff auf einen Kontrollposten wurden am Dienstag drei Soldaten getötet, teilte die Armee mit.",
    "قتل ثلاثة جنود يوم الثلاثاء في هجوم على نقطة تفتيش قرب الحدود، بحسب الجيش.",
    "Во вторник трое военнослужащих погибли в результате нападения на блокпост у границы.",
    "Salı günü sınır yakınındaki bir kontrol noktasına düzenlenen saldırıda üç asker hayatını kaybetti.",
    "سه سرباز روز سه‌شنبه در حمله به یک پست بازرسی در نزدیکی مرز کشته شدند.",
]
BOILERPLATE = ["Home", "Menu", "Share this:", "Tweet", "Leave a Reply", "Related Articles", "Back to top button",
               "Read more", "Follow us on Twitter", "Facebook", "WhatsApp", "Print", "Email", "Show more",
               "Skip to content", "World", "Sports", "Politics", "Contact", "Load more", "Comments (3)"]
TAGS = ["div", "span", "p", "b", "i", "a", "script", "style", "table", "td", "tr", "ul", "li", "br", "img", "iframe"]
MARKUP = ["[/b]", "[red]", "[bold magenta]", "[link=http://x]", "\x1b[31m", "\x1b]0;pwned\x07", "\u202e", "[sic]",
          "[the government]", "\x1b[2J"]
FORMULAS = ['=HYPERLINK("http://evil.example","x")', "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "-2+3", "=1+1"]
POISON = ["2,147,483,648", "9223372036854775808", "12345678901234567890", "4,294,967,296", "99999999999999999999999"]


def unique(rng: random.Random, index: int) -> str:
    return f"\n\nFile note {index}: reported by {rng.choice(['local officials', 'residents', 'the police'])}."


def note(rng: random.Random) -> str:
    return rng.choice(notes())


def with_insert(text: str, insert: str, rng: random.Random) -> str:
    words = text.split(" ")
    position = rng.randrange(len(words) + 1)
    return " ".join(words[:position] + [insert] + words[position:])


# kind -> (good?, generator(rng, index) -> (suffix, bytes))
def g_note(rng, i):
    return ".txt", (note(rng) + unique(rng, i)).encode()


def g_article(rng, i):
    return ".txt", (rng.choice(articles()) + unique(rng, i)).encode()


def g_poison(rng, i):
    figure = rng.choice(POISON)
    line = rng.choice([f"Officials said {figure} people were killed in the attack.",
                       f"At least {figure} civilians were wounded and {figure} detained, police said."])
    return ".txt", (note(rng) + " " + line + unique(rng, i)).encode()


def g_markup(rng, i):
    text = with_insert(note(rng), "".join(rng.sample(MARKUP, 3)), rng)
    return ".txt", (f'"They {rng.choice(MARKUP)} lied," a spokesman said. ' + text + unique(rng, i)).encode()


def g_formula(rng, i):
    return ".txt", (rng.choice(FORMULAS) + "\n" + with_insert(note(rng), rng.choice(FORMULAS), rng) + unique(rng, i)).encode()


def g_stray_byte(rng, i):
    data = (rng.choice(articles()) + unique(rng, i)).encode()
    position = rng.randrange(len(data))
    while 0x80 <= data[position] < 0xC0:  # not inside a UTF-8 sequence
        position -= 1
    return ".txt", data[:position] + bytes([rng.choice([0x9D, 0xFF, 0xC0, 0x81, 0xFE])]) + data[position:]


def g_mixed_latin1(rng, i):
    latin = "The ministère said the détenus were freed near Montréal, the préfet added.\n".encode("latin-1")
    return ".txt", (rng.choice(articles()) + "\n").encode() + latin + unique(rng, i).encode()


def g_utf16(rng, i):
    return ".txt", (note(rng) + unique(rng, i)).encode(rng.choice(["utf-16-le", "utf-16-be", "utf-16"]))


def g_cp1252(rng, i):
    return ".txt", ("The minister said “we will not retreat” — officials confirmed. " + note(rng) + unique(rng, i)).encode("cp1252", "replace")


def g_jsonl_good(rng, i):
    record = {"id": f"fuzz-{i}", "text": note(rng) + unique(rng, i), "title": "Report", "published": "2020-05-01"}
    bom = "\ufeff" if rng.random() < 0.3 else ""
    return ".jsonl", (bom + json.dumps(record) + "\n").encode()


def g_jsonl_bad(rng, i):
    text = note(rng) + unique(rng, i)
    choice = rng.randrange(9)
    line = [
        lambda: json.dumps({"text": text, "url": rng.randrange(1000)}),
        lambda: json.dumps({"text": text, "title": ["a", "b"]}),
        lambda: json.dumps({"text": text, "id": 1.5}),
        lambda: json.dumps({"text": text[:20] + "\ud800" + text[20:]}),
        lambda: "[" * rng.randrange(1000, 60000) + "]" * 3,
        lambda: json.dumps([text]),
        lambda: json.dumps({"title": "no text"}),
        lambda: '{"text": "unterminated',
        lambda: json.dumps({"text": text, "published": True}),
    ][choice]()
    return ".jsonl", line.encode("utf-8", "surrogatepass") + b"\n"


def g_zero_width(rng, i):
    return ".txt", "".join(rng.choice("\u200b\u200c\u200d\u2060\ufeff \n") for _ in range(rng.randrange(1, 400))).encode()


def g_boilerplate(rng, i):
    return ".txt", "\n".join(rng.choice(BOILERPLATE) for _ in range(rng.randrange(1, 30))).encode()


def g_random_bytes(rng, i):
    return ".txt", bytes(rng.getrandbits(8) for _ in range(rng.randrange(1, 17)))


def g_foreign(rng, i):
    return ".txt", " ".join(rng.choice(FOREIGN) for _ in range(rng.randrange(1, 6))).encode()


def g_tag_soup(rng, i):
    parts = []
    for _ in range(rng.randrange(3, 200)):
        tag = rng.choice(TAGS)
        parts.append(rng.choice([f"<{tag}>", f"</{tag}>", f'<{tag} class="c{rng.randrange(9)}">', f"<{tag}/>"]))
    return rng.choice([".txt", ".html"]), "".join(parts).encode()


def g_binary(rng, i):
    head = rng.choice([b"\x89PNG\r\n\x1a\n", b"%PDF-1.7", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b", b"GIF89a", b""])
    return ".txt", head + b"\x00" + bytes(rng.getrandbits(8) for _ in range(rng.randrange(8, 2000)))


def g_empty(rng, i):
    return ".txt", rng.choice([b"", b"\n\n  \n", b"\t"])


def g_long_quotes(rng, i):
    return ".txt", (rng.choice(['"', "“", "'", "«"]) * rng.randrange(20_000, 100_000)).encode()


def g_long_lines(rng, i):
    lines = [n.replace("\n", " ") for n in rng.sample(notes(), min(len(notes()), rng.randrange(200, 1500)))]
    return ".txt", ("\n".join(lines) + unique(rng, i)).encode()


KINDS = {
    "note": (True, g_note, 2200),
    "article": (True, g_article, 300),
    "poison-count": (True, g_poison, 400),
    "markup": (True, g_markup, 400),
    "formula": (True, g_formula, 300),
    "stray-byte": (True, g_stray_byte, 200),
    "mixed-latin1": (True, g_mixed_latin1, 150),
    "utf16": (True, g_utf16, 200),
    "cp1252": (True, g_cp1252, 150),
    "jsonl-good": (True, g_jsonl_good, 300),
    "long-lines": (True, g_long_lines, 4),
    "jsonl-bad": (False, g_jsonl_bad, 900),
    "zero-width": (False, g_zero_width, 700),
    "boilerplate": (False, g_boilerplate, 700),
    "random-bytes": (False, g_random_bytes, 1100),
    "foreign": (False, g_foreign, 600),
    "tag-soup": (False, g_tag_soup, 600),
    "binary": (False, g_binary, 300),
    "empty": (False, g_empty, 200),
    "long-quotes": (False, g_long_quotes, 6),
}


def generate(kind: str, rng: random.Random, index: int) -> tuple[str, bytes]:
    """One input of ``kind``: its file suffix and bytes."""
    return KINDS[kind][1](rng, index)


def plan(count: int, rng: random.Random) -> list[str]:
    weights = {kind: spec[2] for kind, spec in KINDS.items()}
    total = sum(weights.values())
    kinds = [kind for kind, w in weights.items() for _ in range(max(1, round(w * count / total)))]
    rng.shuffle(kinds)
    return kinds[:count]


def run(command: list[str], timeout: float) -> tuple[int | None, str, str, float, float]:
    """rc (None when it hung), stdout, stderr, seconds, peak RSS in MiB of the process tree."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=out, stderr=err)
        deadline = started + timeout
        rc, rusage = None, None
        while time.monotonic() < deadline:
            pid, status, rusage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                rc = os.waitstatus_to_exitcode(status)
                break
            time.sleep(0.2)
        if rc is None:
            process.kill()
            _, _, rusage = os.wait4(process.pid, 0)
        process.returncode = rc if rc is not None else -9
        out.seek(0)
        err.seek(0)
        return (rc, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                time.monotonic() - started, rusage.ru_maxrss / 1024 if rusage else 0.0)


INDEX = re.compile(r"(?:^|/)(\d{5})-[a-z0-9-]+\.(?:txt|html|jsonl)(?::\d+)?")


def index_of(source: str) -> int | None:
    match = INDEX.search(source)
    return int(match.group(1)) if match else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--timeout", type=float, default=1800, help="seconds a batch may take before it counts as hung")
    parser.add_argument("--out", type=Path, default=None, help="keep the inputs and stores here")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    kinds = plan(args.count, rng)
    root = args.out or Path(tempfile.mkdtemp(prefix="sitrep-fuzz-"))
    counts: Counter = Counter()
    problems: list[str] = []
    peak = {"extract": 0.0, "ingest": 0.0}
    seconds = {"extract": 0.0, "ingest": 0.0}
    for batch_start in range(0, len(kinds), args.batch):
        directory = root / f"batch-{batch_start // args.batch:03d}"
        directory.mkdir(parents=True, exist_ok=True)
        good: dict[int, str] = {}
        bad: dict[int, str] = {}
        for index in range(batch_start, min(batch_start + args.batch, len(kinds))):
            kind = kinds[index]
            suffix, data = generate(kind, rng, index)
            (directory / f"{index:05d}-{kind}{suffix}").write_bytes(data)
            (good if KINDS[kind][0] else bad)[index] = kind
            counts[f"input {kind}"] += 1
        # extract
        out = directory.with_suffix(".jsonl")
        rc, _, stderr, took, rss = run([*SITREP, "extract", str(directory), "-f", "jsonl", "-o", str(out)], args.timeout)
        seconds["extract"] += took
        peak["extract"] = max(peak["extract"], rss)
        check("extract", rc, stderr, out, good, bad, counts, problems)
        # ingest into a fresh store
        db = directory.with_suffix(".duckdb")
        rc, _, stderr, took, rss = run([*SITREP, "ingest", str(directory), "--db", str(db), "-j", "1"], args.timeout)
        seconds["ingest"] += took
        peak["ingest"] = max(peak["ingest"], rss)
        check_ingest(rc, stderr, db, good, bad, counts, problems)
        print(f"batch {batch_start // args.batch}: {dict((k, v) for k, v in counts.items() if not k.startswith('input'))} "
              f"peak {max(peak.values()):.0f} MiB", file=sys.stderr, flush=True)
    report(counts, problems, peak, seconds, len(kinds))
    return 0 if not any(counts[k] for k in BAD_COUNTS) else 1


BAD_COUNTS = ("traceback", "hang", "wrong exit code", "bad input came out", "good input refused", "good input lost",
              "error report not one line", "bad input not recorded", "good input not stored")


def error_lines(stderr: str) -> dict[int, str]:
    errors = {}
    for line in stderr.splitlines():
        if line.startswith("sitrep: error: "):
            index = index_of(line[len("sitrep: error: "):])
            if index is not None:
                errors[index] = line
    return errors


def common(name, rc, stderr, counts, problems) -> bool:
    if "Traceback (most recent call last)" in stderr:
        counts["traceback"] += 1
        problems.append(f"{name}: traceback: {stderr[-2000:]}")
    if rc is None:
        counts["hang"] += 1
        problems.append(f"{name}: hung")
        return False
    for line in stderr.splitlines():
        if line and not line.startswith("sitrep: ") and "Traceback" not in stderr:
            counts["error report not one line"] += 1
            problems.append(f"{name}: stray stderr line {line[:200]!r}")
            break
    return True


def check(name, rc, stderr, out: Path, good, bad, counts, problems) -> None:
    if not common(name, rc, stderr, counts, problems):
        return
    records = {}
    if out.exists():
        for line in out.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            index = index_of(record["document"]["source"])
            if index is not None:
                records[index] = record
    errors = error_lines(stderr)
    expected_rc = 0 if any(i in records for i in good) or records else 1
    if rc != expected_rc:
        counts["wrong exit code"] += 1
        problems.append(f"{name}: rc {rc}, expected {expected_rc}")
    for index, kind in good.items():
        if index in records:
            counts["good input read"] += 1
        elif index in errors:
            counts["good input refused"] += 1
            problems.append(f"{name}: {kind} refused: {errors[index][:300]}")
        else:
            counts["good input lost"] += 1
            problems.append(f"{name}: {kind} {index} lost")
    for index, kind in bad.items():
        if index in records:
            counts["bad input came out"] += 1
            empty = not (records[index]["incidents"] or records[index]["statements"])
            problems.append(f"{name}: {kind} {index} came out as a record{' (empty)' if empty else ''}: "
                            f"{records[index]['document']['text'][:120]!r}")
        elif index in errors:
            counts["bad input one error line"] += 1
        else:
            counts["bad input lost"] += 1
            problems.append(f"{name}: {kind} {index} gave neither record nor error")


def check_ingest(rc, stderr, db: Path, good, bad, counts, problems) -> None:
    if not common("ingest", rc, stderr, counts, problems):
        return
    sys.path.insert(0, str(REPO / "src"))
    import sitrep

    stored: set[int] = set()
    failed: set[int] = set()
    timed_out: set[int] = set()
    if db.exists():
        with sitrep.open(str(db)) as store:
            stored = {i for s in store.sql("SELECT source FROM documents").column(0).to_pylist() if (i := index_of(s)) is not None}
            rows = store.sql("SELECT source, error FROM failures").to_pylist()
            failed = {i for r in rows if (i := index_of(r["source"])) is not None}
            timed_out = {i for r in rows if "--doc-timeout" in r["error"] and (i := index_of(r["source"])) is not None}
    expected_rc = 0 if stored else 1
    if rc != expected_rc:
        counts["wrong exit code"] += 1
        problems.append(f"ingest: rc {rc}, expected {expected_rc}")
    for index, kind in good.items():
        if index in stored:
            counts["good input stored"] += 1
        elif index in timed_out:
            counts["good input over its budget"] += 1  # --doc-timeout did its job: a recorded failure
            problems.append(f"ingest: {kind} {index} past --doc-timeout (a recorded failure)")
        else:
            counts["good input not stored"] += 1
            problems.append(f"ingest: {kind} {index} not stored{' (a recorded failure)' if index in failed else ''}")
    for index, kind in bad.items():
        if index in failed:
            counts["bad input recorded failure"] += 1
        elif index in stored:
            counts["bad input came out"] += 1
            problems.append(f"ingest: {kind} {index} stored")
        else:
            counts["bad input not recorded"] += 1
            problems.append(f"ingest: {kind} {index} neither stored nor failed")


def report(counts: Counter, problems: list[str], peak: dict, seconds: dict, total: int) -> None:
    print(f"inputs: {total:,} ({sum(v for k, v in counts.items() if k.startswith('input'))} generated)")
    for kind in KINDS:
        print(f"  {kind:<14} {counts[f'input {kind}']:>6}  {'good' if KINDS[kind][0] else 'bad'}")
    for key in ("good input read", "good input stored", "good input over its budget", "bad input one error line",
                "bad input recorded failure", *BAD_COUNTS):
        print(f"{key:<28} {counts[key]:>6}")
    print(f"peak RSS: extract {peak['extract']:.0f} MiB, ingest {peak['ingest']:.0f} MiB")
    print(f"time: extract {seconds['extract']:.0f} s, ingest {seconds['ingest']:.0f} s")
    for problem in problems[:60]:
        print("PROBLEM", problem)


if __name__ == "__main__":
    raise SystemExit(main())
