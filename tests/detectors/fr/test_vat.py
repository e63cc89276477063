"""FR_VAT: FR + key + SIREN, any case and spacing; the span includes FR."""

import pytest

from fouille.detectors.fr.vat import FrVatDetector
from eval.values import vat_for, with_luhn

VAT = vat_for(with_luhn("30326504"))
BAD = f"FR{(int(VAT[2:4]) + 1) % 97:02d}{VAT[4:]}"


@pytest.mark.parametrize(
    "shown",
    [VAT, VAT.lower(), f"{VAT[:2]} {VAT[2:4]} {VAT[4:7]} {VAT[7:10]} {VAT[10:]}", f"{VAT[:4]}-{VAT[4:]}"],
)
def test_finds_vat_whole(shown):
    text = f"TVA intracommunautaire : {shown}."
    assert [text[m.start : m.end] for m in FrVatDetector().find(text)] == [shown]
    assert FrVatDetector().find(text)[0].normalized == VAT


@pytest.mark.parametrize("text", [f"TVA {BAD}", f"ref {VAT[:6]}", "FR76 3000 6000 0112 3456 7890 189"])
def test_rejects(text):
    assert FrVatDetector().find(text) == []
