"""GDPR art. 9 and art. 10 data typed into French free text."""

from fouille.detectors.sensitive.detector import SensitiveDetector, needs_analysis

__all__ = ["SensitiveDetector", "needs_analysis"]
