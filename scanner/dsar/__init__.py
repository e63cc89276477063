"""DSAR lookup (GDPR art. 15/20): every record of one person, across every store, and no one else's.

``index`` builds and reads the subject index (value hash -> locations, no raw value),
``identifiers`` normalises what the support agent typed and finds identifiers in records,
``stores`` fetches records as they are now, ``identity`` and ``ownership`` tell whose a
record is (e-mails, names, customer keys), ``locate`` finds records (index or live) and checks
they still hold the identifier, ``lookup`` verifies, attributes and links them into a ``result``,
``export`` writes the subject's folder with ``summary`` (the art. 15 answer, worded by
``wording`` from the ``[sources.dsar]`` texts of ``disclosure``, dated by ``deadline``),
``erasure`` the DPO's erasure plan, ``command`` is the CLI.
"""
