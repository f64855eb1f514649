"""Dates: which date applies and how each language prints it."""

import datetime as dt
import os
import subprocess
import sys

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


def test_today_is_the_local_date_without_source_date_epoch():
    # Zones 26 hours apart never share a date, whatever the time of day: a
    # today() in UTC (or any one zone) would give both the same answer.
    def today_in(zone: str) -> dt.date:
        env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
        env["TZ"] = zone
        code = "from petitioncli.dates import today; print(today().isoformat())"
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        return dt.date.fromisoformat(out.stdout.strip())

    east, west = today_in("Etc/GMT-14"), today_in("Etc/GMT+12")
    assert (east - west).days in (1, 2)


def test_date_option_accepts_iso_dates_and_today(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert parse_date_option("2017-09-05") == SEPT_5
    assert parse_date_option("today") == dt.date(1970, 1, 1)
    with pytest.raises(PetitionError, match="--date must be YYYY-MM-DD"):
        parse_date_option("5 Sept 2017")
    with pytest.raises(PetitionError, match="--date '2017-02-30' does not exist"):
        parse_date_option("2017-02-30")


def test_a_malformed_source_date_epoch_is_reported(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(PetitionError, match="SOURCE_DATE_EPOCH"):
        today()
