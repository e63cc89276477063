"""``fouille ci``: a gate that stops real personal data from being committed.

Files are walked (``walk``), their text pieces extracted per file type (``extract``,
``literals``), run through the registered detectors (``detect``), judged real or
synthetic (``synthetic``), given a severity (``severity``), filtered by inline
ignores and the baseline (``baseline``), and written as text, JSON or SARIF
(``report``, ``sarif``). ``command`` is the CLI entry.
"""
