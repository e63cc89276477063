"""National identifiers of France's neighbours, validated with python-stdnum.

Belgian national number, Swiss AVS, Spanish DNI and NIE, Italian codice fiscale,
German tax ID, Portuguese NIF, Luxembourg national ID, Dutch BSN: French companies
employ cross-border workers and serve these countries' citizens.
"""
