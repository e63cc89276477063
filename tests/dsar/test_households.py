"""Identity safety: one person's export never holds a housemate's, a spouse's or a colleague's data.

Households share a landline, a joint IBAN, a family mailbox, a switchboard (see
``households.py``). Each person's answer holds all of their records and none of the others';
what only a shared identifier reaches is listed in ``needs_review`` (masked), not returned.
"""

from __future__ import annotations

import json

import pytest

from tests.dsar.households import (
    EXPECTED,
    FAMILY_EMAIL,
    HEALTH_TICKET,
    LANDLINE,
    MARTIN_SHARED_ONLY,
    PEOPLE,
    exported_text,
    keys_of,
    run_dsar,
)

# What each person gives the support agent.
GIVEN = {
    "jeanne": ["--email", PEOPLE["jeanne"]["email"]],
    "marc": ["--email", PEOPLE["marc"]["email"]],
    "paul": ["--email", FAMILY_EMAIL, "--phone", PEOPLE["paul"]["mobile"]],
    "julie": ["--email", FAMILY_EMAIL, "--phone", PEOPLE["julie"]["mobile"]],
    "luc": ["--email", PEOPLE["luc"]["email"]],
}


def unique_values(name: str) -> list[str]:
    """What only this person's records hold (shared values excluded)."""
    person = PEOPLE[name]
    values = [person["mobile"], person["mobile"].replace(" ", "")]
    if person["email"] != FAMILY_EMAIL:
        values.append(person["email"])
    return values


@pytest.mark.parametrize("mode", ["index", "live"])
@pytest.mark.parametrize("person", sorted(GIVEN))
def test_each_person_gets_all_of_theirs_and_none_of_the_others(household, tmp_path, person, mode):
    out = tmp_path / "out"
    live = ["--live"] if mode == "live" else []
    code, manifest = run_dsar(household, out, *GIVEN[person], *live)
    assert code == 0
    assert keys_of(manifest["records"]) == EXPECTED[person]
    everything = exported_text(out)
    for other in PEOPLE:
        if other != person:
            for value in unique_values(other):
                assert value not in everything, (other, value)
    if person != "marc":
        assert HEALTH_TICKET not in everything


def test_jeanne_never_gets_marc_and_the_shared_records_wait_for_review(household, tmp_path, capsys):
    out = tmp_path / "out"
    _, manifest = run_dsar(household, out, *GIVEN["jeanne"])
    review = keys_of(manifest["needs_review"])
    assert ("crm", "public.customers", '{"id":2}') in review  # Marc, reached by landline/IBAN
    assert ("crm", "public.support_tickets", '{"id":25}') in review  # Marc's ticket, his key
    assert ("exports", "contacts.csv", '{"line":3}') in review
    assert MARTIN_SHARED_ONLY <= review
    # Marc's orders and health ticket are reached only from his row: not even listed.
    assert ("crm", "public.support_tickets", '{"id":21}') not in review
    assert not review & keys_of(manifest["records"])
    marc = next(e for e in manifest["needs_review"] if e["record_key"] == {"id": 2})
    why = " ".join(r["why"] for r in marc["reasons"])
    assert "different" in why
    shared_kinds = {r["identifier"]["type"] for r in marc["reasons"]}
    assert shared_kinds == {"phone", "IBAN"}
    landline = next(s for s in manifest["shared_identifiers"] if s["identifier"] == "phone")
    assert landline["preview"] != LANDLINE and len(landline["hash"]) == 16
    raw = json.dumps(manifest["needs_review"]) + json.dumps(manifest["shared_identifiers"])
    for value in (LANDLINE, LANDLINE.replace(" ", ""), "+33199004567", "FR763000"):
        assert value not in raw.replace(" ", "") or value == LANDLINE, value
    assert LANDLINE not in raw and "+33199004567" not in raw
    printed = capsys.readouterr().out
    assert f"{len(manifest['needs_review'])} record(s) need review" in printed


def test_family_email_alone_returns_nothing_and_lists_both_spouses(household, tmp_path):
    code, manifest = run_dsar(household, tmp_path / "out", "--email", FAMILY_EMAIL)
    assert code == 0
    assert manifest["records"] == []
    review = keys_of(manifest["needs_review"])
    assert {
        ("crm", "public.customers", '{"id":3}'),
        ("crm", "public.customers", '{"id":4}'),
        ("crm", "public.support_tickets", '{"id":24}'),
        ("chatbot", "logs/chat.jsonl", '{"line":4}'),
    } <= review


def test_include_shared_adds_only_records_that_carry_nobody(household, tmp_path):
    _, manifest = run_dsar(household, tmp_path / "out", *GIVEN["jeanne"], "--include-shared")
    returned = keys_of(manifest["records"])
    assert returned - EXPECTED["jeanne"] == {
        ("crm", "public.support_tickets", '{"id":22}'),
        ("exports", "contacts.csv", '{"line":6}'),
        ("chatbot", "logs/chat.jsonl", '{"line":3}'),
    }
    assert ("crm", "public.customers", '{"id":2}') not in returned
    assert ("crm", "public.payments", '{"id":30}') not in returned  # names the Martins
    flagged = {k for k in returned if k not in EXPECTED["jeanne"]}
    assert flagged == keys_of([r for r in manifest["records"] if r.get("only_through_shared")])


def test_foreign_keys_are_not_followed_from_a_row_that_is_not_the_subjects(household, tmp_path):
    out = tmp_path / "out"
    _, manifest = run_dsar(household, out, "--phone", LANDLINE, "--depth", "3")
    returned = keys_of(manifest["records"])
    assert ("crm", "public.orders", '{"id":12}') not in returned  # Marc's order
    assert ("crm", "public.support_tickets", '{"id":21}') not in returned
    assert (
        "crm",
        "public.orders",
        '{"id":11}',
    ) not in returned  # Jeanne's: not proven by a landline
    assert HEALTH_TICKET not in exported_text(out)


def test_typing_the_shared_landline_too_adds_nothing_of_marcs(household, tmp_path):
    out = tmp_path / "out"
    _, manifest = run_dsar(household, out, *GIVEN["jeanne"], "--phone", LANDLINE)
    assert keys_of(manifest["records"]) == EXPECTED["jeanne"]
    assert ("crm", "public.customers", '{"id":2}') in keys_of(manifest["needs_review"])
    for value in unique_values("marc"):
        assert value not in exported_text(out)


def test_the_shared_landline_alone_attributes_nothing(household, tmp_path):
    code, manifest = run_dsar(household, tmp_path / "out", "--phone", LANDLINE, "--depth", "0")
    assert code == 0
    assert manifest["records"] == []
    assert {("crm", "public.customers", '{"id":1}'), ("crm", "public.customers", '{"id":2}')} <= (
        keys_of(manifest["needs_review"])
    )
