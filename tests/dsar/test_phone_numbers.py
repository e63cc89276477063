"""Every number the person gives is searched: outside the numbering plan, overseas, any spelling.

Léa Hoarau (La Réunion) gives a mobile ``0692 …`` and a landline in an unallocated block
(``04 09 …``); her records in PostgreSQL, the CSV export and the chat log are written
with other spellings (``+262 692 …``, ``04.09.…``, ``0409…``). A number outside the plan
gets a warning, never a refusal.
"""

from __future__ import annotations

import pytest

from tests.dsar.households import EXPECTED, OUTSIDE_PLAN, OVERSEAS, OVERSEAS_INTL, keys_of, run_dsar


@pytest.mark.parametrize("mode", ["index", "live"])
@pytest.mark.parametrize("number", [OUTSIDE_PLAN, OVERSEAS, OVERSEAS_INTL, "0409001234"])
def test_each_number_finds_the_persons_records_in_every_store(
    household, tmp_path, capsys, number, mode
):
    live = ["--live"] if mode == "live" else []
    code, manifest = run_dsar(household, tmp_path / "out", "--phone", number, *live)
    assert code == 0
    assert keys_of(manifest["records"]) == EXPECTED["lea"]
    err = capsys.readouterr().err
    if number.replace(" ", "").replace(".", "") == OUTSIDE_PLAN.replace(" ", ""):
        assert "outside the numbering plan" in err
    assert OUTSIDE_PLAN not in err and "0409001234" not in err


def test_a_number_in_no_plan_at_all_is_still_a_usage_error(household, tmp_path, capsys):
    code, _ = run_dsar(household, tmp_path / "out", "--phone", "12 34")
    assert code == 2
    assert "12 34" not in capsys.readouterr().err
