"""The evaluation corpus is seeded and correctly labelled; the scorer counts as documented."""

from stdnum import iban, luhn
from stdnum.fr import nir, siren, siret, tva

from eval.corpus import generate
from eval.scoring import score

VALIDATORS = {
    "FR_NIR": nir.is_valid, "FR_SIREN": siren.is_valid, "FR_SIRET": siret.is_valid,
    "FR_VAT": tva.is_valid, "IBAN_CODE": iban.is_valid,
    "CREDIT_CARD": lambda v: luhn.is_valid(v.replace(" ", "").replace("-", "")),
}


def test_seeded():
    assert generate(30, seed=3) == generate(30, seed=3)
    assert generate(30, seed=3) != generate(30, seed=4)


def test_gold_identifiers_are_valid_and_spans_are_clean():
    for ex in generate(300, seed=7):
        for span in ex.spans:
            value = ex.text[span.start : span.end]
            assert value == value.strip() and value, (ex.id, span)
            if span.label in VALIDATORS:
                assert VALIDATORS[span.label](value), (ex.id, span.label)


def test_score_relaxed_and_exact():
    text = "Mme Claire Martin"
    gold = [[(4, 17, "PERSON")]]
    assert score([text], gold, [[(4, 10, "PERSON")]], ["PERSON"])["PERSON"].tp == 0  # IoU < 0.5
    relaxed = score([text], gold, [[(0, 17, "PERSON")]], ["PERSON"])["PERSON"]
    exact = score([text], gold, [[(0, 17, "PERSON")]], ["PERSON"], exact=True)["PERSON"]
    assert (relaxed.tp, relaxed.fp, relaxed.fn) == (1, 0, 0)
    assert (exact.tp, exact.fp, exact.fn) == (0, 1, 1)
    assert score([text], gold, [[(4, 17, "LOCATION")]], ["PERSON"])["PERSON"].fn == 1
