"""DSAR lookup (GDPR art. 15/20): every record of one person, across every store.

``index`` builds and reads the subject index (value hash -> locations, no raw value),
``identifiers`` normalises what the support agent typed and finds identifiers in records,
``stores`` fetches records as they are now, ``lookup`` verifies and links them, ``live``
searches without an index, ``export`` writes the subject's folder, ``command`` is the CLI.
"""
