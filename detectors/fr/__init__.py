"""French identifiers: NIR, SIREN, SIRET, TVA, CNI, passport (validated with python-stdnum)."""
