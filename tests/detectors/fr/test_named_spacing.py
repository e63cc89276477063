"""SIRET, SIREN, TVA and NIR spaced any way right after the word that names them; checksum still required."""

import pytest

from fouille.detectors.fr.nir import FrNirDetector
from fouille.detectors.fr.siren import FrSirenDetector
from fouille.detectors.fr.siret import FrSiretDetector
from fouille.detectors.fr.vat import FrVatDetector
from eval.values import vat_for, with_luhn, with_nir_key

SIREN = with_luhn("73282932")
SIRET = with_luhn(SIREN + "0007")
VAT = vat_for(SIREN)
NIR = with_nir_key("2951099126111")
NBSP = "\u00a0"


def spaced(value, sizes, sep=" "):
    out, pos = [], 0
    for n in sizes:
        out.append(value[pos : pos + n])
        pos += n
    return sep.join(out)


CASES = [
    (FrSiretDetector, "SIRET {}", " ".join(SIRET), SIRET),
    (FrSiretDetector, "n° SIRET : {}", spaced(SIRET, (4, 4, 4, 2)), SIRET),
    (FrSiretDetector, "Siret" + NBSP + "{}", spaced(SIRET, (3, 3, 3, 5), NBSP), SIRET),
    (FrSirenDetector, "SIREN {}", spaced(SIREN, (2, 2, 2, 3)), SIREN),
    (FrSirenDetector, "siren n° {}", spaced(SIREN, (3, 3, 3), NBSP), SIREN),
    (FrVatDetector, "TVA {}", "FR " + spaced(VAT[2:], (2, 4, 3, 2)), VAT),
    (FrVatDetector, "TVA intracommunautaire : {}", "fr " + " ".join(VAT[2:]), VAT),
    (FrNirDetector, "n° sécu {}", spaced(NIR, (3, 2, 2, 3, 2, 3)), NIR),
    (FrNirDetector, "NIR {}", spaced(NIR, (4, 3, 4, 4)), NIR),
    (FrNirDetector, "mon numéro de sécu c'est le {}", " ".join(NIR), NIR),
    (FrNirDetector, "Sécurité sociale : {}", spaced(NIR, (1, 2, 2, 2, 3, 3, 2), NBSP), NIR),
]


@pytest.mark.parametrize("detector, template, shown, compact", CASES)
def test_spaced_after_its_name(detector, template, shown, compact):
    text = template.format(shown)
    found = detector().find(text)
    assert [text[m.start : m.end] for m in found] == [shown]
    assert found[0].normalized.upper() == compact.upper() and "checksum" in found[0].evidence


@pytest.mark.parametrize("detector, template, shown, compact", CASES)
def test_bad_checksum_stays_out(detector, template, shown, compact):
    text = template.format(shown[:-1] + str((int(shown[-1]) + 1) % 10))
    assert detector().find(text) == []


@pytest.mark.parametrize("detector, text", [
    (FrSiretDetector, "réf " + " ".join(SIRET)),
    (FrSiretDetector, "commande n° " + spaced(SIRET, (4, 4, 4, 2))),
    (FrSirenDetector, "lot " + spaced(SIREN, (2, 2, 2, 3))),
    (FrNirDetector, "facture " + spaced(NIR, (4, 3, 4, 4))),
    (FrVatDetector, "code FR " + spaced(VAT[2:], (2, 4, 3, 2))),
    (FrSiretDetector, "SIRET " + " ".join(SIRET) + " 5"),  # the digits go on: not this number
])
def test_needs_the_naming_word_right_before(detector, text):
    assert detector().find(text) == []
