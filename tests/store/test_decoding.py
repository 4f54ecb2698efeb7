"""How a document's bytes were decoded is stored with it (migration 6), on every engine.

Before, ``Document.decoding`` was read from the bytes and shown by ``sitrep extract``, then
lost at the store: a reader of ``documents`` or of ``GET /api/documents/{key}`` could not
tell a UTF-16 file or one with replaced bytes from plain UTF-8.
"""

from __future__ import annotations

from sitrep.corpus.ingest import IngestOptions, ingest_paths
from sitrep.store import open_store
from sitrep.store.backend import connect
from sitrep.store.rows import document_row
from sitrep.store.schema import LATEST, MIGRATIONS, migrate
from sitrep.store.store import Store, utcnow
from tests.store.factories import CLASH_A, clash_a, clash_b

REPLACED = "decoded as UTF-8; 1 invalid byte replaced (U+FFFD)"


def with_decoding(extraction, note):
    return extraction.model_copy(update={"document": extraction.document.model_copy(update={"decoding": note})})


def test_the_decoding_is_stored_and_read_back(store):
    first, second = with_decoding(clash_a(), REPLACED), clash_b()
    store.write_batch([first, second])
    assert store.backend.fetchall("SELECT doc_id, decoding FROM documents ORDER BY doc_id") == [
        ("clash-a", REPLACED), ("clash-b", None)]
    assert store.extraction(first.document.content_hash).document.decoding == REPLACED
    assert store.extraction(first.document.content_hash) == first
    assert store.write_batch([first]).skipped == 1  # a re-run adds nothing and changes nothing
    assert store.backend.fetchall("SELECT count(*), max(decoding) FROM documents") == [(2, REPLACED)]


def test_a_store_of_version_5_gains_the_column_and_keeps_its_documents(target):
    old = Store(connect(target), migrate_schema=False)
    try:
        assert migrate(old.backend, MIGRATIONS[:5]) == [1, 2, 3, 4, 5]
        document = clash_a().document
        row = document_row(document, document.content_hash, "b-old", utcnow())
        old.backend.insert("documents", [row[:-1]])  # the twelve columns version 5 has
    finally:
        old.close()
    with open_store(target) as store:
        assert store.schema_version() == LATEST
        assert store.backend.fetchall("SELECT doc_id, decoding FROM documents") == [("clash-a", None)]
        assert store.extraction(document.content_hash).document.text == CLASH_A
        store.write_batch([with_decoding(clash_b(), "decoded as Windows-1252")])
        assert store.backend.fetchall("SELECT doc_id, decoding FROM documents ORDER BY doc_id") == [
            ("clash-a", None), ("clash-b", "decoded as Windows-1252")]


#: In our own words: two short reports, one to be written as UTF-16 without a byte order mark.
UTF16_TEXT = "Gunmen attacked a police post in Kunduz province on Tuesday, killing two officers, officials said."
UTF8_TEXT = "Militants shelled a market in Helmand province on Friday, wounding four traders, police said."


def test_ingest_stores_how_each_file_was_decoded_and_a_rerun_changes_nothing(target, tmp_path):
    inputs = tmp_path / "articles"
    inputs.mkdir()
    (inputs / "a-wide.txt").write_bytes(UTF16_TEXT.encode("utf-16-le"))
    (inputs / "b-plain.txt").write_bytes(UTF8_TEXT.encode("utf-8"))
    stray = "Rebels’ rockets hit a depot in Kandahar province on Sunday, killing one guard, officials said."
    cut = stray.index("Kandahar")  # UTF-8 (the curly apostrophe) with one byte no code page reads as a letter
    (inputs / "c-stray.txt").write_bytes(stray[:cut].encode() + b"\x9d" + stray[cut:].encode())
    expected = [
        ("a-wide", "decoded as UTF-16-LE (no byte order mark)"),
        ("b-plain", None),
        ("c-stray", "decoded as UTF-8; 1 invalid byte replaced (U+FFFD)"),
    ]
    with open_store(target) as store:
        first = ingest_paths(store, [str(inputs)], IngestOptions(jobs=1))
        assert (first.documents, first.failures) == (3, 0)
        assert store.backend.fetchall("SELECT doc_id, decoding FROM documents ORDER BY doc_id") == expected
        again = ingest_paths(store, [str(inputs)], IngestOptions(jobs=1))
        assert (again.documents, again.skipped, again.failures) == (0, 3, 0)
        assert store.backend.fetchall("SELECT doc_id, decoding FROM documents ORDER BY doc_id") == expected
