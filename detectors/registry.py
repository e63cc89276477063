"""The one registry of detectors. Adding a detector: one module, one line here.

Order matters only for ties in overlap resolution (earlier wins at equal score
and length).
"""

from __future__ import annotations

from functools import cache

from fouille.detectors.address import AddressDetector
from fouille.detectors.base import DocDetector, TextDetector
from fouille.detectors.credit_card import CreditCardDetector
from fouille.detectors.date_of_birth import DateOfBirthDetector
from fouille.detectors.email import EmailDetector
from fouille.detectors.eu.be_national_number import BeNationalNumberDetector
from fouille.detectors.eu.ch_avs import ChAvsDetector
from fouille.detectors.eu.de_tax_id import DeTaxIdDetector
from fouille.detectors.eu.es_dni import EsDniDetector
from fouille.detectors.eu.es_nie import EsNieDetector
from fouille.detectors.eu.it_fiscal_code import ItFiscalCodeDetector
from fouille.detectors.eu.lu_national_id import LuNationalIdDetector
from fouille.detectors.eu.nl_bsn import NlBsnDetector
from fouille.detectors.eu.pt_nif import PtNifDetector
from fouille.detectors.fr.cni import FrCniDetector
from fouille.detectors.fr.driving_license import FrDrivingLicenseDetector
from fouille.detectors.fr.nif import FrNifDetector
from fouille.detectors.fr.nir import FrNirDetector
from fouille.detectors.fr.passport import FrPassportDetector
from fouille.detectors.fr.plate import FrLicensePlateDetector
from fouille.detectors.fr.rpps import FrRppsDetector
from fouille.detectors.fr.siren import FrSirenDetector
from fouille.detectors.fr.siret import FrSiretDetector
from fouille.detectors.fr.vat import FrVatDetector
from fouille.detectors.hinted import HintedValueDetector
from fouille.detectors.iban import IbanDetector
from fouille.detectors.ip_address import IpAddressDetector
from fouille.detectors.ner import NerDetector
from fouille.detectors.phone import PhoneDetector
from fouille.detectors.sensitive import SensitiveDetector

TEXT_DETECTORS: tuple[type[TextDetector], ...] = (
    EmailDetector,
    IbanDetector,
    FrVatDetector,
    FrNirDetector,
    FrSiretDetector,
    FrSirenDetector,
    CreditCardDetector,
    FrNifDetector,  # before phones: "numéro fiscal 0040..." is a tax number, not a call to Romania
    PhoneDetector,
    IpAddressDetector,
    DateOfBirthDetector,
    AddressDetector,
    FrCniDetector,
    FrPassportDetector,
    FrRppsDetector,
    FrLicensePlateDetector,
    FrDrivingLicenseDetector,
    BeNationalNumberDetector,
    ChAvsDetector,
    EsDniDetector,
    EsNieDetector,
    ItFiscalCodeDetector,
    DeTaxIdDetector,
    PtNifDetector,
    LuNationalIdDetector,
    NlBsnDetector,
    HintedValueDetector,
)

DOC_DETECTORS: tuple[type[DocDetector], ...] = (
    NerDetector,
    SensitiveDetector,
)


@cache
def text_detectors() -> tuple[TextDetector, ...]:
    return tuple(cls() for cls in TEXT_DETECTORS)


@cache
def doc_detectors() -> tuple[DocDetector, ...]:
    return tuple(cls() for cls in DOC_DETECTORS)


def all_detectors() -> tuple:
    return text_detectors() + doc_detectors()


@cache
def detector_rank() -> dict[str, int]:
    """Detector name -> registration order, for overlap ties."""
    return {d.name: i for i, d in enumerate(all_detectors())}
