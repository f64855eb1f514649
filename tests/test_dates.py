"""Dates: which date applies and how each language prints it (SPEC §3)."""

import datetime as dt

import pytest

from petitioncli.dates import letter_date, long_date, parse_date_option, today
from petitioncli.diagnostics import PetitionError

SEPT_5 = dt.date(2017, 9, 5)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en-GB", "5 September 2017"),
        ("en-US", "September 5, 2017"),
        ("fr", "5 septembre 2017"),
        ("de", "5. September 2017"),
    ],
)
def test_long_date_follows_the_locale(language, text):
    assert long_date(SEPT_5, language) == text


def test_an_unknown_language_is_a_clear_error():
    with pytest.raises(PetitionError, match="unknown language tag 'xx-YY'"):
        long_date(SEPT_5, "xx-YY")


def test_option_beats_manifest_beats_today(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1536537600")
    assert letter_date(dt.date(2020, 1, 2), SEPT_5) == dt.date(2020, 1, 2)
    assert letter_date(None, SEPT_5) == SEPT_5
    assert letter_date(None, None) == dt.date(2018, 9, 10)


def test_today_is_local_without_source_date_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert today() == dt.date.today()


def test_date_option_accepts_iso_dates_and_today(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert parse_date_option("2017-09-05") == SEPT_5
    assert parse_date_option("today") == dt.date(1970, 1, 1)
    with pytest.raises(PetitionError, match="--date must be YYYY-MM-DD"):
        parse_date_option("2017-02-30")


def test_a_malformed_source_date_epoch_is_reported(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(PetitionError, match="SOURCE_DATE_EPOCH"):
        today()
