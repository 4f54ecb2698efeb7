"""A CI-sized sample of the fuzz harness (benchmarks/fuzz.py): a few hundred generated
inputs of every kind in issue 18, read and extracted in this process.

What must hold for every input: reading it never raises, it gives exactly one item, a
bad kind is a one-line Failure and a good kind a Document whose extraction holds (no
traceback) with every evidence span indexing its text.
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.ingest import iter_documents
from sitrep.models import Document, Extraction, Failure
from sitrep.pipeline import ExtractOptions, extract_documents

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz.py"
spec = importlib.util.spec_from_file_location("sitrep_fuzz", BENCHMARK)
fuzz = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fuzz)

#: The long kinds cost seconds each; the harness runs them, the sample does not.
SAMPLED = sorted(kind for kind in fuzz.KINDS if not kind.startswith("long-"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(SAMPLED), seed=st.integers(0, 2**32 - 1))
def test_every_generated_input_is_one_record_or_one_error_line(tmp_path_factory, kind, seed):
    suffix, data = fuzz.generate(kind, random.Random(seed), seed % 100_000)
    path = tmp_path_factory.mktemp("fuzz") / f"{seed % 100_000:05d}-{kind}{suffix}"
    path.write_bytes(data)
    items = list(iter_documents([str(path)]))
    assert len(items) == 1
    (item,) = items
    good = fuzz.KINDS[kind][0]
    if not good:
        assert isinstance(item, Failure), (kind, item)
        assert "\n" not in item.error and item.error
        return
    assert isinstance(item, Document), (kind, item)
    (output,) = extract_documents([item], ExtractOptions(doc_timeout=60))
    assert isinstance(output, Extraction), (kind, output)
    text = output.document.text
    spans = [r.evidence for r in [*output.incidents, *output.statements]] + [m for i in output.incidents for m in i.mentions]
    assert all(text[e.start : e.end] == e.text for e in spans)
    assert all(c is None or c < 2**63 for i in output.incidents for c in (i.killed, i.injured, i.detained, i.abducted))
