"""Canary values of every entity type are scanned and found, yet appear in no output (issue 2)."""

import json
import re
import sqlite3

import pyarrow.parquet as pq
from scan_cli import run_fouille
from stdnum import luhn
from stdnum.fr import nir as stdnum_nir
from stdnum.iban import calc_check_digits


def _iban() -> str:
    bban = "20041010050500013M02606"  # La Banque Postale layout, made-up account
    return "FR" + calc_check_digits("FR00" + bban) + bban


def _card() -> str:
    base = "497010429183746"
    return base + luhn.calc_check_digit(base)


def _siret() -> str:
    siren = "73582901" + luhn.calc_check_digit("73582901")
    base = siren + "0019"
    return base + luhn.calc_check_digit(base)


def _nir() -> str:
    body = "2610475123412"
    return body + stdnum_nir.calc_check_digits(body)


CANARIES = {
    "EMAIL_ADDRESS": "zq7.canary@example.com",
    "PHONE_NUMBER": "01 99 00 47 13",
    "IBAN_CODE": _iban(),
    "CREDIT_CARD": _card(),
    "IP_ADDRESS": "198.51.100.77",
    "FR_SIRET": _siret(),
    "FR_NIR": _nir(),
    "PERSON": "Zéphyrine Quenouillard",
    "LOCATION": "Ploumanac'h-les-Canaris",
    "DATE_OF_BIRTH": "03/04/1961",
}


def _forms(value: str) -> set[str]:
    compact = re.sub(r"[\s.\-]", "", value)
    forms = {value, compact, value.lower()}
    if value.startswith("01 99"):
        forms.add("+33" + compact[1:])
    return {f for f in forms if len(f) >= 6}


def test_canaries_are_found_but_never_written(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    header = "id;email;telephone;iban;carte;ip;siret;num_secu;nom;ville;date_naissance;notes"
    note = (f"Écrire à {CANARIES['EMAIL_ADDRESS']} ou appeler le {CANARIES['PHONE_NUMBER']}, "
            f"IBAN {CANARIES['IBAN_CODE']}. Je suis diabétique depuis 2010.")
    row = ";".join([
        "1", CANARIES["EMAIL_ADDRESS"], CANARIES["PHONE_NUMBER"], CANARIES["IBAN_CODE"],
        CANARIES["CREDIT_CARD"], CANARIES["IP_ADDRESS"], CANARIES["FR_SIRET"], CANARIES["FR_NIR"],
        CANARIES["PERSON"], CANARIES["LOCATION"], CANARIES["DATE_OF_BIRTH"], note,
    ])
    (data / "canaries.csv").write_text(header + "\n" + row + "\n", encoding="utf-8")
    (data / "chat.jsonl").write_text(json.dumps({"messages": [{"text": note}]}) + "\n", encoding="utf-8")
    broken = data / "broken.csv"
    broken.write_text(header + "\n" + f"2;{CANARIES['EMAIL_ADDRESS']};x\n", encoding="utf-8")

    out = tmp_path / "report"
    result = run_fouille("-vv", "scan", str(data), "--out", str(out))
    assert result.returncode == 3, result.stderr  # the ragged row is reported

    inventory = json.loads((out / "inventory.json").read_text())
    found = {e for f in inventory["fields"] for e in f["entities"]}
    assert {"EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", "CREDIT_CARD", "IP_ADDRESS",
            "PERSON", "LOCATION", "DATE_OF_BIRTH", "FR_SIRET", "FR_NIR"} <= found

    texts = {"stdout": result.stdout, "stderr": result.stderr}
    for path in out.rglob("*"):
        if path.is_file() and path.suffix == ".parquet":
            texts[str(path)] = json.dumps(pq.read_table(path).to_pylist(), ensure_ascii=False)
        elif path.is_file() and path.suffix == ".sqlite":
            db = sqlite3.connect(path)
            rows = [r for t in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
                    for r in db.execute(f"SELECT * FROM {t[0]}")]
            texts[str(path)] = json.dumps(rows, ensure_ascii=False)
        elif path.is_file():
            texts[str(path)] = path.read_bytes().decode("utf-8", errors="replace")
    assert len(texts) >= 5
    for entity, value in CANARIES.items():
        for form in _forms(value):
            leaks = [name for name, text in texts.items() if form in text or form.lower() in text.lower()]
            assert not leaks, f"{entity} canary leaked into {leaks}"
