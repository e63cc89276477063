"""Detectors: one module per kind of personal data, registered in ``fouille.detectors.registry``."""
