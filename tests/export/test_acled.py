"""The ACLED CSV: ACLED's columns in its order and pandas dtypes (against the real ACLED
file), its date, actor, source and fatality conventions."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from sitrep.actors.kb import load_kb
from sitrep.export import export
from sitrep.export.acled import COLUMNS, conventions, country_name, outlet_of, regions, sentence_after_lead
from sitrep.models import ActorRef
from tests.conftest import SHARED, needs_shared
from tests.store.factories import document, extraction, incident

pd = pytest.importorskip("pandas", reason="pandas is a test extra: pip install -e .[test]")

ACLED_FILE = SHARED / "data" / "acled_rpanlilio_2020may" / "acled.csv"


def acled_reference() -> pd.DataFrame:
    """ACLED's file as pandas reads it, without its last line: the download was cut off
    mid-row (from actor2 "Civilians (" on, every field empty), which alone turns six
    integer columns into floats."""
    lines = ACLED_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
    last = next(csv.reader([lines[-1]]))
    assert last[12] == "Civilians (" and set(last[13:]) == {""} and len(last) == 31
    return pd.read_csv(io.StringIO("".join(lines[:-1])))


def exported(store, warnings: list[str] | None = None, **filters) -> pd.DataFrame:
    handle = io.StringIO()
    export(store, "acled-csv", None, handle=handle, warn=(warnings.append if warnings is not None else print),
           **filters)
    return pd.read_csv(io.StringIO(handle.getvalue()))


def clash(doc_id: str, killed: int | None, *, site_name: str | None = None, url: str | None = None,
          reported_by: str | None = None, claim_status: str = "reported", published: date | None = None):
    text = f"Fighting in Faizabad killed {killed} on Friday, {reported_by or 'officials'} said."
    doc = document(doc_id, text, published=published, site_name=site_name)
    if url:
        doc = doc.model_copy(update={"url": url, "source": url})
    found = incident(text, text, place="Faizabad", latitude=37.1166, longitude=70.58, geo_precision="place",
                     killed=killed, reported_by=reported_by, claim_status=claim_status,
                     actors=("Afghan National Defense and Security Forces", "Taliban", "Afghan Local Police"))
    return extraction(doc, [found])


def one(text: str, **fields) -> object:
    doc = document(fields.pop("doc_id"), text, published=fields.pop("published", None), site_name=fields.pop("site", None))
    actors = fields.pop("actor_refs", None)
    update = {"date_text": fields.pop("date_text", None), "admin2": fields.pop("admin2", None)}
    found = incident(text, text, **fields).model_copy(update=update)
    if actors is not None:
        found = found.model_copy(update={"actors": actors})
    return extraction(doc, [found])


@needs_shared(ACLED_FILE)
def test_columns_and_dtypes_are_acleds(store):
    store.write_batch([
        clash("a", 27, site_name="TOLOnews", reported_by="Ministry of Defense", published=date(2020, 4, 11)),
        clash("b", 30, url="https://www.aljazeera.com/news/2020/4/11/x", reported_by="Officials",
              published=date(2020, 4, 11)),
        one("Civilians were shot dead in Kunduz.", doc_id="c", acled_type="Violence against civilians",
            sub_type="Attack", admin1="Kunduz", date=None, precision=None, published=date(2020, 4, 12),
            actors=("Civilians",), latitude=36.7, longitude=68.8, geo_precision="admin1"),
        one("Militants and tribesmen fought police and soldiers in Imam Sahib.", doc_id="d", admin1="Kunduz",
            admin2="Imam Sahib", latitude=37.18, longitude=68.91, geo_precision="admin2", actor_refs=[
                ActorRef(name="Taliban", role="actor1", inter=2), ActorRef(name="Police Forces of Afghanistan", role="actor2", inter=1),
                ActorRef(name="Military Forces of Afghanistan", inter=1), ActorRef(name="Tribesmen", inter=4)]),
    ])
    frame = exported(store)
    reference = acled_reference()
    assert list(frame.columns) == list(reference.columns) == list(COLUMNS)
    differing = {c: (str(frame[c].dtype), str(reference[c].dtype)) for c in COLUMNS if frame[c].dtype != reference[c].dtype}
    # the packaged gazetteer has no third-level divisions: an empty column reads as float;
    # ACLED's file leaves one event's ids empty, which makes its integer column float
    assert differing == {"admin3": ("float64", "str"), "event_id_no_cnty": ("int64", "float64")}
    assert reference["event_id_no_cnty"].isna().sum() == 1


@needs_shared(ACLED_FILE)
def test_region_and_country_name_are_acleds_for_every_country_of_its_file():
    reference = acled_reference()
    kb = load_kb()
    named = {name: code for code, name in conventions()["country_names"].items()}
    wrong = []
    for name, region in sorted(set(zip(reference["country"], reference["region"]))):
        code = named.get(name) or kb.country_code(name)
        if code is None or regions().get(code) != region or country_name(code) != name:
            wrong.append((name, region, code, code and regions().get(code), code and country_name(code)))
    assert wrong == []


def test_an_undated_event_takes_the_report_date_or_is_left_out(store):
    store.write_batch([
        one("Gunmen shot a trader in Kunduz.", doc_id="dated", date=None, precision=None, published=date(2020, 5, 9),
            admin1="Kunduz"),
        one("Gunmen shot a teacher in Takhar.", doc_id="undated", date=None, precision=None, admin1="Takhar"),
    ])
    warnings: list[str] = []
    frame = exported(store, warnings)
    assert warnings == ["ACLED CSV: left out 1 events: 1 with neither an event date nor a publication date"]
    row = frame.iloc[0]
    assert (len(frame), row["event_date"], row["year"], row["time_precision"]) == (1, "2020-05-09", 2020, 2)
    assert row["notes"] == "Around 9 May 2020 (as reported), gunmen shot a trader in Kunduz."


def test_a_month_or_a_span_reads_around_its_first_day(store):
    store.write_batch([
        one("In April, militants overran a checkpoint in Kunduz.", doc_id="month", date="2020-04", precision="month",
            published=date(2020, 4, 20), admin1="Kunduz", date_text="In April"),
        one("Militants fought troops in Takhar between 1 and 3 May.", doc_id="span", date="2020-05-01/2020-05-03",
            precision="range", published=date(2020, 5, 9), admin1="Takhar", date_text="between 1 and 3 May"),
    ])
    frame = exported(store).set_index("admin1")
    assert (frame.loc["Kunduz", "event_date"], frame.loc["Kunduz", "time_precision"]) == ("2020-04-01", 3)
    assert frame.loc["Kunduz", "notes"] == "Around 1 April 2020 (April 2020), in April, militants overran a checkpoint in Kunduz."
    assert (frame.loc["Takhar", "event_date"], frame.loc["Takhar", "time_precision"]) == ("2020-05-01", 2)
    assert frame.loc["Takhar", "notes"].startswith("Around 1 May 2020 (1-3 May 2020), militants fought")


def test_actor1_is_never_the_victim_and_is_named_with_the_country(store):
    store.write_batch([
        one("Civilians were killed in Kunduz.", doc_id="vac", acled_type="Violence against civilians",
            sub_type="Attack", admin1="Kunduz", actor_refs=[ActorRef(name="Civilians", role="actor1", inter=7)]),
        one("Protesters rallied in Baghdad.", doc_id="protest", acled_type="Protests", sub_type="Peaceful protest",
            country="IQ", admin1="Baghdad", actor_refs=[]),
        one("Gunmen attacked a post in Takhar.", doc_id="uag", admin1="Takhar",
            actor_refs=[ActorRef(name="Unidentified Armed Group", role="actor1", inter=3),
                        ActorRef(name="Afghan National Police", role="actor2", inter=1)]),
    ])
    frame = exported(store).set_index("admin1")
    assert tuple(frame.loc["Kunduz", ["actor1", "inter1", "actor2", "inter2", "interaction"]]) == (
        "Unidentified Armed Group (Afghanistan)", 3, "Civilians (Afghanistan)", 7, 37)
    assert tuple(frame.loc["Baghdad", ["actor1", "inter1", "inter2", "interaction", "country", "iso", "iso3"]]) == (
        "Protesters (Iraq)", 6, 0, 60, "Iraq", 368, "IRQ")
    assert pd.isna(frame.loc["Baghdad", "actor2"])
    assert tuple(frame.loc["Takhar", ["actor1", "actor2", "interaction", "region"]]) == (
        "Unidentified Armed Group (Afghanistan)", "Afghan National Police", 13, "Caucasus and Central Asia")


def test_fatalities_are_the_lowest_neutral_account_and_notes_name_the_others(store):
    store.write_batch([
        clash("a", 27, site_name="TOLOnews", reported_by="Ministry of Defense", published=date(2020, 4, 11)),
        clash("b", 30, url="https://www.aljazeera.com/news/2020/4/11/x", reported_by="Officials"),
        clash("c", 45, url="https://pajhwok.com/x", reported_by="Taliban", claim_status="claimed"),
    ])
    frame = exported(store)
    assert len(frame) == 1
    row = frame.iloc[0]
    assert (row["fatalities"], row["event_date"], row["time_precision"]) == (27, "2020-04-10", 1)
    assert row["notes"] == (
        "On 10 April 2020, fighting in Faizabad killed 30 on Friday, Officials said. "
        "Fatalities coded as 27 (Officials reported 30; Taliban claimed 45).")
    assert (row["actor1"], row["actor2"], row["assoc_actor_1"]) == (
        "Afghan National Defense and Security Forces", "Taliban", "Afghan Local Police")
    assert (row["source"], row["source_scale"]) == ("Al Jazeera; Pajhwok Afghan News; TOLOnews", "National-International")
    assert (row["location"], row["latitude"], row["longitude"], row["geo_precision"]) == ("Faizabad", 37.1166, 70.58, 1)
    assert row["event_id_cnty"] == f"AFG{row['event_id_no_cnty']}" and row["data_id"] == row["event_id_no_cnty"]
    assert row["timestamp"] > 1_700_000_000


def test_source_is_an_outlet_never_a_file_name():
    assert outlet_of(None, None) is None  # a .txt file or stdin: no outlet
    assert outlet_of(None, "https://www.pajhwok.com/en/2020/04/10/x").name == "Pajhwok Afghan News"
    assert outlet_of(None, "https://in.reuters.com/article/x").scale == "International"
    assert outlet_of(None, "https://news.example.org/a").name == "news.example.org"
    assert outlet_of("Khaama Press", "https://www.khaama.com/x").scale == "National"
    assert outlet_of("Jerusalem Post", None).scale == "National"


@pytest.mark.parametrize(("evidence", "after"), [
    ("On 29 April 2020, the monitors observed 12 explosions.", "the monitors observed 12 explosions."),
    ("Around 8 May 2020 (as reported), police arrested 50 people.", "police arrested 50 people."),
    ("Taliban fighters attacked a checkpoint.", "Taliban fighters attacked a checkpoint."),
    ("The army shelled Idlib.", "the army shelled Idlib."),
])
def test_the_notes_lead_replaces_the_sentences_own_date(evidence, after):
    assert sentence_after_lead(evidence) == after


def test_a_country_acts_through_its_military_or_government_and_never_protests(store):
    pakistan = ActorRef(name="Pakistan", role="actor1", inter=1, country="PK", kind="State forces")
    store.write_batch([
        one("Pakistan fired mortars at border posts.", doc_id="fire", country="PK", admin1="Punjab",
            actor_refs=[pakistan, ActorRef(name="Military Forces of India", role="actor2", inter=1, country="IN")]),
        one("Pakistan signed the accord.", doc_id="sign", country="PK", admin1="Sindh", acled_type="Strategic developments",
            sub_type="Agreement", actor_refs=[pakistan]),
        one("Pakistan Fisherfolk Forum protested.", doc_id="protest", country="PK", admin1="Balochistan",
            acled_type="Protests", sub_type="Peaceful protest", actor_refs=[pakistan]),
    ])
    frame = exported(store).set_index("admin1")
    assert tuple(frame.loc["Punjab", ["actor1", "actor2", "interaction"]]) == (
        "Military Forces of Pakistan", "Military Forces of India", 11)
    assert frame.loc["Sindh", "actor1"] == "Government of Pakistan"
    assert frame.loc["Balochistan", "actor1"] == "Protesters (Pakistan)"
