"""The one registry of detectors. Adding a detector: one module, one line here.

Order matters only for ties in overlap resolution (earlier wins at equal score
and length).
"""

from __future__ import annotations

from functools import cache

from detectors.address import AddressDetector
from detectors.base import DocDetector, TextDetector
from detectors.credit_card import CreditCardDetector
from detectors.date_of_birth import DateOfBirthDetector
from detectors.email import EmailDetector
from detectors.eu.be_national_number import BeNationalNumberDetector
from detectors.eu.ch_avs import ChAvsDetector
from detectors.eu.de_tax_id import DeTaxIdDetector
from detectors.eu.es_dni import EsDniDetector
from detectors.eu.es_nie import EsNieDetector
from detectors.eu.it_fiscal_code import ItFiscalCodeDetector
from detectors.eu.lu_national_id import LuNationalIdDetector
from detectors.eu.nl_bsn import NlBsnDetector
from detectors.eu.pt_nif import PtNifDetector
from detectors.fr.cni import FrCniDetector
from detectors.fr.driving_license import FrDrivingLicenseDetector
from detectors.fr.nif import FrNifDetector
from detectors.fr.nir import FrNirDetector
from detectors.fr.passport import FrPassportDetector
from detectors.fr.plate import FrLicensePlateDetector
from detectors.fr.rpps import FrRppsDetector
from detectors.fr.siren import FrSirenDetector
from detectors.fr.siret import FrSiretDetector
from detectors.fr.vat import FrVatDetector
from detectors.hinted import HintedValueDetector
from detectors.iban import IbanDetector
from detectors.ip_address import IpAddressDetector
from detectors.ner import NerDetector
from detectors.phone import PhoneDetector
from detectors.sensitive import SensitiveDetector

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
