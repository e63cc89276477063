"""French identifiers (python-stdnum where a check exists): NIR, SIREN, SIRET, TVA, CNI,
passport, tax number (NIF), RPPS, vehicle plates, driving licence.
"""
