"""A column whose every cell is one full postal address is ADDRESS, not FREE_TEXT (issue 23)."""

import csv
import json

from faker import Faker
from scan_cli import run_fouille

from fouille.scanner.engine.stats import EntityStats, FieldStats, covered_entities


def test_covered_entities_counts_letters_and_digits():
    cell = "5, rue de la Paix, 75002 Paris"
    assert covered_entities(cell, [("ADDRESS", 0, len(cell))]) == {"ADDRESS"}
    assert covered_entities(cell, [("ADDRESS", 3, 17), ("LOCATION", 25, 30)]) == set()
    sentence = "Livraison au 5, rue de la Paix, 75002 Paris, sonner deux fois."
    assert covered_entities(sentence, [("ADDRESS", 13, 43)]) == set()


def test_free_text_field_classed_by_the_entity_that_fills_it_and_resumed_as_text():
    stats = FieldStats("s", "c", "shipping_address", free_text=True, non_empty=100)
    stats.entities["ADDRESS"] = EntityStats(count=100, findings=100, covering=95)
    assert stats.classification() == "ADDRESS"
    restored = FieldStats.from_dict(json.loads(json.dumps(stats.to_dict())))
    assert restored.free_text and restored.classification() == "ADDRESS"
    stats.entities["ADDRESS"].covering = 50  # addresses inside longer notes
    assert stats.classification() == "FREE_TEXT"


def test_scan_classes_an_address_column_as_address(tmp_path):
    fake = Faker("fr_FR")
    fake.seed_instance(23)
    data = tmp_path / "orders.csv"
    with data.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["order_id", "shipping_address", "notes"])
        for i in range(120):
            address = fake.address().replace("\n", ", ")
            writer.writerow([i, address, f"Livrer au {address} après {fake.first_name()} appel."])
    out = tmp_path / "report"
    result = run_fouille("scan", "--quiet", "--out", str(out), str(data))
    assert result.returncode == 0, result.stderr
    fields = {f["field"]: f for f in json.loads((out / "inventory.json").read_text())["fields"]}
    assert fields["shipping_address"]["classification"] == "ADDRESS"  # was FREE_TEXT
    assert fields["notes"]["classification"] == "FREE_TEXT"
