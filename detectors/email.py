"""EMAIL_ADDRESS: an RFC 5322 'dot-atom' address with a plausible domain.

We do not ask the public-suffix list (Presidio's recognizer does, through
tldextract, which reaches the internet): the TLD is checked for shape only.
"""

from __future__ import annotations

import re

import pyarrow as pa
import pyarrow.compute as pc
from fouille.detectors import masking
from fouille.detectors.base import PatternDetector, Verdict

# Look like domains but are file names (``logo@2x.png``).
_FILE_EXTENSIONS = frozenset(
    ["png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "pdf", "doc", "docx", "xls", "xlsx", "csv", "txt", "zip", "gz", "js", "css", "html", "json", "xml"]
)
# ``scheme://user:password@host``: the password and host are not an e-mail address.
_URL_CREDENTIALS = re.compile(r"://[^\s/@]*:$")
_LOCAL_OK = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_ADDRESS = (
    r"[A-Za-z0-9._%+\-']{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}"
)


class EmailDetector(PatternDetector):
    name = "email"
    entity = "EMAIL_ADDRESS"
    pattern = r"(?<![\w.+%-])" + _ADDRESS + r"(?![\w-])"
    # RE2, for the columnar full-mode path: a cell that is one address and nothing else, which
    # ``find`` matches whole (the look-arounds hold at the cell's edges).
    cell_pattern = r"^\s*" + _ADDRESS + r"\s*$"
    local_part_ok = _LOCAL_OK.pattern  # what ``validate`` asks of the local part (RE2-safe)
    file_extensions = _FILE_EXTENSIONS
    prefilter = r"[A-Za-z0-9._%+\-]@[A-Za-z0-9\-]+\.[A-Za-z]{2}"
    base_score = 0.5
    valid_score = 1.0
    context_words = ("email", "e-mail", "mail", "courriel", "adresse électronique", "mél")
    positive_examples = (
        "Contact : jeanne.martin@example.com pour le devis",
        "MAIL: Paul.Durand+crm@sub.example.org",
    )
    negative_examples = (
        "le fichier rapport@2x.png",
        "rendez-vous @ 14h à la mairie",
        "adresse invalide .jean@example",
        "endpoint https://user:pw@s3.gra.io.cloud.ovh.net",
    )

    def find(self, text: str, hint: str | None = None):
        return [m for m in super().find(text, hint)
                if not _URL_CREDENTIALS.search(text[max(0, m.start - 200) : m.start])]

    def validate(self, candidate: str) -> Verdict:
        local, _, domain = candidate.rpartition("@")
        if domain.rpartition(".")[2].lower() in _FILE_EXTENSIONS:
            return Verdict.INVALID
        return Verdict.VALID if _LOCAL_OK.match(local) else Verdict.INVALID

    def normalize(self, candidate: str) -> str:
        return candidate.strip().lower()

    @staticmethod
    def normalize_cells(addresses: pa.Array) -> pa.Array:
        """``normalize`` in Arrow, on trimmed cells that are one address (ASCII: ``cell_pattern``)."""
        return pc.ascii_lower(addresses)

    def mask(self, candidate: str) -> str:
        return masking.mask_email(candidate)
