"""IP_ADDRESS: IPv4 in dotted quads, IPv6 in any RFC 5952 spelling.

Leading zeros are refused (``06.12.34.56`` is a phone spelled with dots, not an address),
and a fifth dotted group disqualifies the candidate.
"""

from __future__ import annotations

import ipaddress

from fouille.detectors.base import PatternDetector, Verdict

_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"


class IpAddressDetector(PatternDetector):
    name = "ip_address"
    entity = "IP_ADDRESS"
    pattern = (
        rf"(?<![\w.])(?<!\d\.)(?:{_OCTET}\.){{3}}{_OCTET}(?![\w]|\.\d)"
        r"|(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){2,7}(?::|[0-9A-Fa-f]{1,4})(?![\w:])"
        r"|(?<![\w:])::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{1,4}(?![\w:])"
        r"|(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}:){0,5}[0-9A-Fa-f]{1,4}(?![\w:])"
    )
    prefilter = r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:"
    base_score = 0.5
    valid_score = 0.9
    context_words = ("ip", "adresse ip", "connexion", "serveur", "hôte", "host", "client")
    positive_examples = (
        "connexion depuis 82.64.12.201 à 10h",
        "IPv6 2001:db8:85a3::8a2e:370:7334",
    )
    negative_examples = (
        "tél 06.12.34.56.78",
        "il est 12:30:45",
        "version 1.2.3.4.5",
    )

    def validate(self, candidate: str) -> Verdict:
        try:
            address = ipaddress.ip_address(candidate)
        except ValueError:
            return Verdict.INVALID
        if address.version == 6 and candidate.count(":") < 2:
            return Verdict.INVALID
        if address.is_unspecified:
            return Verdict.INVALID
        return Verdict.VALID

    def normalize(self, candidate: str) -> str:
        return str(ipaddress.ip_address(candidate))
