"""The columnar full-mode path (fouille.detectors.detection.columnar) gives exactly the per-cell path's findings and
field counters: same rows of the findings table, same inventory stats (examples in order)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pyarrow as pa
import pytest
from faker import Faker
from stdnum import luhn
from stdnum.fr import nir as stdnum_nir
from stdnum.fr import tva

from fouille.connectors.base import Batch
from fouille.scanner.core.findings import SCHEMA, findings_table
from fouille.detectors.detection import columnar
from fouille.scanner.engine.container import ContainerScanner, EngineOptions
from fouille.scanner.core.keys import Hasher

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples" / "demo"))
from generate import fiction_phone, fr_iban, siret

SEED = 20261122
ROWS = 700
BATCH = 160  # several batches: values examined once are taken from the field's cache after


def _messy(rng: random.Random, value: str) -> str:
    """Blanks around, case changed, or left as is."""
    pick = rng.randrange(6)
    if pick == 0:
        return f"  {value} "
    if pick == 1:
        return f"\t{value}"
    if pick == 2:
        return value.upper()
    if pick == 3:
        return value.lower()
    return value


def _phone(rng: random.Random) -> str:
    """Fiction numbers in every spelling, plus junk, foreign, invalid and embedded ones."""
    a, b = f"{rng.randrange(100):02d}", f"{rng.randrange(100):02d}"
    return rng.choice([
        fiction_phone(rng), fiction_phone(rng), f"01 99 00 {a} {b}", f"0536-49-{a}-{b}",
        f"+33 (0)1 99 00 {a} {b}", f"0033 5 36 49 {a} {b}", f"+33.2.61.91.{a}.{b}",
        f"+3319900{a}{b}", f" 04 65 71 {a} {b}\t", f"00 33 1 99 00 {a} {b}",
        f"01 99.00 {a} {b}",  # mixed separators: not one number for the regex
        f"06 39 98 {a} {b}",  # fiction mobile range: phonenumbers calls it invalid
        # a premium-rate spelling (no fiction range exists for 08 numbers)
        "01 11 11 11 11", "0100000000", "08 99 12 34 56", "09 12 34 56 78", "+33 0 1 99 00 12 34",  # fouille: ignore
        "+44 20 7946 0958", f"tél. 01 99 00 {a} {b}", f"colis 0199 00{a}{b}",
        f"01 99 00 {a} {b} / 05 36 49 11 22", f"{a}/{b}/1985", "", " ", "n/a",
    ])


def _email(rng: random.Random, fake: Faker, i: int) -> str:
    local = f"{fake.first_name()}.{fake.last_name()}{i}".replace(" ", "").replace("'", "")
    local = local.encode("ascii", "ignore").decode() or "x"
    domain = rng.choice(["example.com", "example.org", "mail.test", "sub.example.fr"])
    return rng.choice([
        _messy(rng, f"{local}@{domain}"), _messy(rng, f"{local}@{domain}"), f"{local}@{domain}",
        f".{local}@{domain}", f"{local}..x@{domain}", f"logo{i}@2x.png", f"{local}@{domain}.",
        f"mailto:{local}@{domain}", f"{local}@{domain}, contact{i}@example.com",
        f"{local}+crm@{domain}", "", None, "sans e-mail", f"é{local}@{domain}",
        f"{fr_iban(rng).replace(' ', '')}@example.com",  # an IBAN inside: overlaps resolved
    ])


def _nir(rng: random.Random) -> str:
    base = f"{rng.choice('12')}{rng.randrange(40, 99)}{rng.randrange(1, 13):02d}{rng.randrange(1, 95):02d}"
    base += f"{rng.randrange(1, 999):03d}{rng.randrange(1, 999):03d}"
    key = f"{stdnum_nir.calc_check_digits(base)}"
    value = base + key if rng.random() < 0.85 else base + f"{(int(key) + 1) % 97:02d}"
    return value if rng.random() < 0.5 else " ".join((value[0], value[1:3], value[3:5], value[5:7],
                                                      value[7:10], value[10:13], value[13:]))


def _siret(rng: random.Random) -> str:
    value = siret(rng)
    pick = rng.randrange(5)
    if pick == 0:
        return f"{value[:3]} {value[3:6]} {value[6:9]} {value[9:]}"
    if pick == 1:
        return value[:-1] + str((int(value[-1]) + 1) % 10)  # checksum broken
    if pick == 2:
        return f" {value}."
    return value


def _siren(rng: random.Random) -> str:
    base = f"{rng.randrange(10**7, 10**8)}"
    value = base + luhn.calc_check_digit(base)
    return rng.choice([value, f"{value[:3]} {value[3:6]} {value[6:]}", value[:-1] + "0"])


def _iban(rng: random.Random) -> str:
    value = fr_iban(rng)
    pick = rng.randrange(5)
    if pick == 0:
        return value.replace(" ", "")
    if pick == 1:
        return value.lower()
    if pick == 2:
        return value[:-1] + str((int(value[-1]) + 1) % 10)  # checksum broken
    return value


def _vat(rng: random.Random) -> str:
    base = f"{rng.randrange(10**7, 10**8)}"
    siren_number = base + luhn.calc_check_digit(base)
    value = f"FR{(12 + 3 * (int(siren_number) % 97)) % 97:02d}{siren_number}"
    assert tva.is_valid(value)
    return rng.choice([value, f"FR {value[2:4]} {value[4:7]} {value[7:10]} {value[10:]}", value.lower()])


def _card(rng: random.Random) -> str:
    base = "4970" + "".join(str(rng.randrange(10)) for _ in range(11))
    value = base + luhn.calc_check_digit(base)
    return rng.choice([value, " ".join(value[i:i + 4] for i in range(0, 16, 4)), value[:-1] + "0"])


def _date(rng: random.Random, fake: Faker) -> str:
    born = fake.date_of_birth(minimum_age=18, maximum_age=90)
    return rng.choice([born.strftime("%d/%m/%Y"), born.isoformat(), born.strftime("%d-%m-%Y"),
                       f"{born.isoformat()} 00:00:00", "31/02/1985", "2090-01-01", ""])


def _rows(rows: int) -> dict[str, list]:
    fake = Faker("fr_FR")
    fake.seed_instance(SEED)
    rng = random.Random(SEED)
    # Pools, so that values repeat across batches as real names and cities do.
    last = [fake.last_name() for _ in range(60)]
    first = [fake.first_name() for _ in range(60)]
    cities = [fake.city() for _ in range(40)]
    streets = [fake.street_address() for _ in range(80)]
    data: dict[str, list] = {name: [] for name in (
        "nom", "prenom", "email", "telephone", "portable", "contact", "adresse", "code_postal",
        "ville", "siret", "siren", "iban", "num_secu", "tva", "numero_carte", "adresse_ip", "cni",
        "passeport", "date_naissance", "reference", "commentaire")}
    for i in range(rows):
        data["nom"].append(_messy(rng, rng.choice(last)) if rng.random() < 0.9 else rng.choice(["", "X-42"]))
        data["prenom"].append(rng.choice(first))
        data["email"].append(_email(rng, fake, i))
        data["telephone"].append(_phone(rng))
        data["portable"].append(rng.choice([fiction_phone(rng), f"06 39 98 {rng.randrange(100):02d} 11"]))
        data["contact"].append(rng.choice([_email(rng, fake, i), _phone(rng), _iban(rng), "-"]))
        data["adresse"].append(rng.choice([rng.choice(streets), f"{rng.choice(streets)}, 75002 Paris"]))
        data["code_postal"].append(rng.choice([fake.postcode(), "2A004", "ABCDE", ""]))
        data["ville"].append(rng.choice(cities))
        data["siret"].append(_siret(rng))
        data["siren"].append(_siren(rng))
        data["iban"].append(_iban(rng))
        data["num_secu"].append(_nir(rng))
        data["tva"].append(_vat(rng))
        data["numero_carte"].append(_card(rng))
        data["adresse_ip"].append(rng.choice([fake.ipv4_public(), fake.ipv6(), "010.1.2.3", "::"]))
        data["cni"].append(rng.choice(["880692310285", "X4RTBPFW4", "ABCDEFGHI", "12345"]))
        data["passeport"].append(rng.choice(["09AA12345", "18FX54321", "9AA12345"]))
        data["date_naissance"].append(_date(rng, fake))
        data["reference"].append(rng.choice([f"CMD-{i}", siret(rng), fiction_phone(rng)]))
        # Named like free text, holding short values: scanned as structured, without a hint.
        data["commentaire"].append(rng.choice([_email(rng, fake, i), _phone(rng), "RAS"]))
    return data


def _batches(data: dict[str, list], keys: str) -> list[Batch]:
    table = pa.table({name: pa.array(values, pa.string()) for name, values in data.items()})
    table = table.append_column("montant", pa.array([i * 7 for i in range(table.num_rows)], pa.int64()))
    batches = []
    for start in range(0, table.num_rows, BATCH):
        part = table.slice(start, BATCH).to_batches()[0]
        lines = list(range(start + 2, start + 2 + part.num_rows))
        if keys == "line":
            key_batch = pa.RecordBatch.from_pydict({"line": pa.array(lines, pa.int64())})
        else:  # text keys, some needing JSON escapes (built row by row), or sensitive ones
            ids = [f'c"{n}\\' if n % 50 == 0 else f"client-{n}" for n in lines]
            key_batch = pa.RecordBatch.from_pydict({"client": ids, "n": lines})
        batches.append(Batch(part, key_batch, key_is_sensitive=keys == "sensitive"))
    return batches


def _scan(batches: list[Batch], columnar_path: bool):
    tables = []

    def collect(found) -> None:
        tables.append(found if isinstance(found, pa.Table) else findings_table(found))

    options = EngineOptions(mode="full", use_nlp=False, columnar=columnar_path)
    scanner = ContainerScanner("crm", "exports/clients.csv", Hasher(b"test-key"), options, collect)
    result = scanner.scan(iter(batches))
    table = pa.concat_tables(tables) if tables else SCHEMA.empty_table()
    order = [(name, "ascending") for name in ("record_key", "field", "start", "end", "entity", "detector",
                                              "score", "preview", "value_hash")]
    return result, table.sort_by(order)


@pytest.fixture(scope="module")
def data() -> dict[str, list]:
    return _rows(ROWS)


@pytest.mark.parametrize("keys", ["line", "text", "sensitive"])
def test_columnar_findings_and_stats_equal_per_cell(data, keys, monkeypatch):
    monkeypatch.setattr(columnar, "CACHE_VALUES", 200)  # the cache also fills up and is dropped
    calls = []
    detect = columnar.ColumnarField.detect
    monkeypatch.setattr(columnar.ColumnarField, "detect",
                        lambda self, column: calls.append(1) or detect(self, column))
    whole_cells = dict.fromkeys(columnar.CELL_RULES, 0)
    for name, rule in list(columnar.CELL_RULES.items()):
        def counted(detector, cells, hint, rule=rule, name=name):
            outcome = rule(detector, cells, hint)
            whole_cells[name] += int(outcome.matched.sum())
            return outcome
        monkeypatch.setitem(columnar.CELL_RULES, name, counted)
    batches = _batches(data, keys)
    per_cell, per_cell_table = _scan(batches, columnar_path=False)
    assert not calls
    result, table = _scan(batches, columnar_path=True)
    assert len(calls) == len(batches) * (len(data) + 1)  # every field went the columnar way

    assert all(stats.free_text is False for stats in result.fields.values())
    assert min(whole_cells.values()) > 200  # e-mails and phones matched in Arrow, not per cell
    assert table.num_rows == per_cell_table.num_rows > 5000
    for name in SCHEMA.names:
        assert table[name].to_pylist() == per_cell_table[name].to_pylist(), name
    assert result.to_dict() == per_cell.to_dict()
    found = {f.field: set(f.entities) for f in result.fields.values()}
    for field, entity in [
        ("email", "EMAIL_ADDRESS"), ("telephone", "PHONE_NUMBER"), ("siret", "FR_SIRET"),
        ("siren", "FR_SIREN"), ("iban", "IBAN_CODE"), ("num_secu", "FR_NIR"), ("tva", "FR_VAT"),
        ("numero_carte", "CREDIT_CARD"), ("adresse_ip", "IP_ADDRESS"), ("cni", "FR_CNI"),
        ("passeport", "FR_PASSPORT"), ("nom", "PERSON"), ("ville", "LOCATION"),
        ("adresse", "ADDRESS"), ("date_naissance", "DATE_OF_BIRTH"),
    ]:
        assert entity in found[field], field


def test_sample_mode_keeps_the_per_cell_path(data, monkeypatch):
    monkeypatch.setattr(columnar.ColumnarField, "detect", lambda *a: pytest.fail("columnar in sample mode"))
    scanner = ContainerScanner("crm", "c.csv", Hasher(b"k"), EngineOptions(use_nlp=False), lambda f: None)
    assert scanner.scan(iter(_batches(data, "line"))).findings > 0


def test_hash_many_is_hash():
    for key in (b"k", b"x" * 64, b"y" * 65, "clé".encode()):
        hasher = Hasher(key)
        values = ["jean@example.com", "+33639981122", "", "é"]
        assert hasher.hash_many("EMAIL_ADDRESS", values) == [hasher.hash("EMAIL_ADDRESS", v) for v in values]
