"""``fouille diff``: what personal data appeared or disappeared between two report folders."""

from __future__ import annotations

import argparse
import copy
import json

import pytest

from fouille.reports.diff import add_arguments, diff_inventories, run


def write_report(folder, inventory):
    folder.mkdir()
    (folder / "inventory.json").write_text(json.dumps(inventory), encoding="utf-8")
    return folder


def parse(argv):
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(argv)


@pytest.fixture
def changed(inventory):
    new = copy.deepcopy(inventory)
    new["fields"].append(
        {
            "source": "crm",
            "container": "public.leads",
            "field": "mobile",
            "entities": {
                "PHONE_NUMBER": {"count": 12, "ratio": 0.5, "examples": ["01 ** ** ** 12"]}
            },
        }
    )
    del new["fields"][11]["entities"]["FR_NIR"]  # support_tickets.body no longer holds NIRs
    new["fields"][1]["entities"]["EMAIL_ADDRESS"]["count"] = 1200
    return new


def test_same_inventory_has_no_difference(inventory):
    assert diff_inventories(inventory, copy.deepcopy(inventory)).is_empty()


def test_appeared_disappeared_changed(inventory, changed):
    result = diff_inventories(inventory, changed)
    assert [(c.container, c.field, c.entity, c.new_count) for c in result.appeared] == [
        ("public.leads", "mobile", "PHONE_NUMBER", 12)
    ]
    assert [(c.field, c.entity, c.old_count, c.new_count) for c in result.disappeared] == [
        ("body", "FR_NIR", 6, 0)
    ]
    assert [(c.field, c.old_count, c.new_count) for c in result.changed] == [("email", 998, 1200)]


def test_zero_count_is_not_personal_data(inventory):
    new = copy.deepcopy(inventory)
    new["fields"][11]["entities"]["FR_NIR"]["count"] = 0
    assert [c.entity for c in diff_inventories(inventory, new).disappeared] == ["FR_NIR"]


def test_cli_text_output(tmp_path, inventory, changed, capsys):
    old = write_report(tmp_path / "old", inventory)
    new = write_report(tmp_path / "new", changed)
    assert run(parse([str(old), str(new), "--lang", "en"])) == 1  # a phone column appeared
    out = capsys.readouterr().out
    assert "Appeared (1)" in out and "+ crm:public.leads:mobile  Phone [PHONE_NUMBER]  12" in out
    assert "Disappeared (1)" in out and "- crm:public.support_tickets:body" in out
    assert "998 -> 1,200" in out
    assert "@" not in out  # examples are never printed


def test_cli_json_output_and_inventory_file_paths(tmp_path, inventory, changed, capsys):
    old = write_report(tmp_path / "old", inventory) / "inventory.json"
    new = write_report(tmp_path / "new", changed) / "inventory.json"
    assert run(parse([str(old), str(new), "--format", "json"])) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["appeared"][0]["field"] == "mobile" and len(data["disappeared"]) == 1


def test_cli_no_difference_in_french(tmp_path, inventory, capsys):
    old = write_report(tmp_path / "old", inventory)
    new = write_report(tmp_path / "new", inventory)
    assert run(parse([str(old), str(new), "--lang", "fr"])) == 0
    assert capsys.readouterr().out == "Aucune différence de données personnelles.\n"


def test_cli_exit_code_gates_on_new_personal_data_only(tmp_path, inventory, changed):
    """Exit 1 only when an entity appears in a field; less or more of the same exits 0."""
    old = write_report(tmp_path / "old", inventory)
    shrunk = copy.deepcopy(inventory)
    del shrunk["fields"][11]["entities"]["FR_NIR"]
    shrunk["fields"][1]["entities"]["EMAIL_ADDRESS"]["count"] = 5000
    assert run(parse([str(old), str(write_report(tmp_path / "shrunk", shrunk))])) == 0
    art9 = copy.deepcopy(inventory)
    art9["fields"][1]["entities"]["SENSITIVE_HEALTH"] = {"count": 1, "ratio": 0.01}
    assert run(parse([str(old), str(write_report(tmp_path / "art9", art9))])) == 1
    assert run(parse([str(old), str(write_report(tmp_path / "new", changed))])) == 1


@pytest.mark.parametrize("content", [None, "{not json", "[1, 2]"])
def test_cli_unreadable_report_exits_2(tmp_path, inventory, content, capsys):
    old = write_report(tmp_path / "old", inventory)
    broken = tmp_path / "broken"
    broken.mkdir()
    if content is not None:
        (broken / "inventory.json").write_text(content)
    assert run(parse([str(old), str(broken)])) == 2
    assert "cannot read report" in capsys.readouterr().err
