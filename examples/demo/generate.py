"""Generate the demo data: a French CRM CSV export (';', cp1252), a chatbot JSONL export, a Parquet file.

Everything is synthetic: Faker('fr_FR') with a fixed seed, e-mails on example.com /
example.org / .test domains, phone numbers from the ranges ARCEP reserves for fiction,
IBANs and SIRETs built with valid check digits (so the demo shows them validated).

    python examples/demo/generate.py [OUT_DIR] [--rows N]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from faker import Faker
from stdnum import luhn

SEED = 20261122
FICTION_PREFIXES = ("01 99 00", "02 61 91", "03 53 01", "04 65 71", "05 36 49")
DOMAINS = ("example.com", "example.org", "mail.test")
CSV_COLUMNS = (
    "id", "nom", "prenom", "email", "telephone", "adresse", "code_postal", "ville", "iban",
    "siret", "date_naissance", "notes", "montant", "statut", "date_creation",
)
NOTES = (
    "Client rappelé le {date}, souhaite un devis pour {count} licences.",
    "Mme {last} demande à être rappelée au {phone} après 18h.",
    "Adresse de facturation à mettre à jour, écrire à {email}.",
    "Je suis diabétique et je voudrais savoir si la livraison peut être faite le matin.",
    "Relance envoyée, pas de réponse pour l'instant. Dossier suivi par {first} {last}.",
    "Le client signale un problème de connexion depuis la mise à jour de mardi dernier.",
)
CHAT_USER = (
    "Bonjour, je n'arrive pas à me connecter à mon espace client.",
    "Mon numéro est le {phone}, vous pouvez me rappeler ?",
    "Je m'appelle {first} {last} et j'ai commandé la semaine dernière.",
    "Je suis enceinte de 5 mois, est-ce que je peux décaler la livraison ?",
    "Merci pour votre aide, bonne journée.",
    "Vous pouvez m'écrire à {email} pour la facture.",
)
CHAT_BOT = (
    "Bonjour ! Comment puis-je vous aider ?",
    "Je transmets votre demande à un conseiller.",
    "Pouvez-vous me donner votre numéro de commande ?",
)


def fiction_phone(rng: random.Random) -> str:
    prefix = rng.choice(FICTION_PREFIXES)
    a, b = rng.randrange(100), rng.randrange(100)
    compact = f"{prefix.replace(' ', '')}{a:02d}{b:02d}"
    style = rng.randrange(4)
    if style == 0:
        return f"{prefix} {a:02d} {b:02d}"
    if style == 1:
        return compact
    if style == 2:
        return f"+33 {compact[1]} {compact[2:4]} {compact[4:6]} {a:02d} {b:02d}"
    return ".".join(compact[i : i + 2] for i in range(0, 10, 2))


def fr_iban(rng: random.Random) -> str:
    """A French IBAN with a valid RIB key and IBAN check digits (spaced by 4)."""
    bank, branch = f"{rng.randrange(10000, 99999)}", f"{rng.randrange(10000, 99999)}"
    account = f"{rng.randrange(10**10, 10**11)}"
    rib_key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
    bban = f"{bank}{branch}{account}{rib_key:02d}"
    numeric = int(bban + "152700")  # F=15 R=27, then check digits 00
    iban = f"FR{98 - numeric % 97:02d}{bban}"
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def siret(rng: random.Random) -> str:
    siren_base = f"{rng.randrange(10**7, 10**8)}"
    siren = siren_base + luhn.calc_check_digit(siren_base)
    base = siren + f"{rng.randrange(1, 99):04d}"
    return base + luhn.calc_check_digit(base)



def _ascii(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def crm_rows(fake: Faker, rng: random.Random, rows: int):
    for i in range(1, rows + 1):
        first, last = fake.first_name(), fake.last_name()
        mail = f"{_ascii(first).lower()}.{_ascii(last).lower().replace(' ', '')}@{rng.choice(DOMAINS)}"
        note = ""
        if rng.random() < 0.3:
            note = rng.choice(NOTES).format(
                date=fake.date_this_year().strftime("%d/%m/%Y"), count=rng.randrange(2, 50),
                last=fake.last_name(), first=fake.first_name(), phone=fiction_phone(rng),
                email=f"contact{i}@{rng.choice(DOMAINS)}",
            )
        yield {
            "id": str(i),
            "nom": last,
            "prenom": first,
            "email": mail,
            "telephone": fiction_phone(rng),
            "adresse": fake.street_address(),
            "code_postal": fake.postcode(),
            "ville": fake.city(),
            "iban": fr_iban(rng),
            "siret": siret(rng),
            "date_naissance": fake.date_of_birth(minimum_age=18, maximum_age=90).strftime("%d/%m/%Y"),
            "notes": note,
            "montant": f"{rng.randrange(10, 5000)},{rng.randrange(100):02d}",
            "statut": rng.choice(("actif", "prospect", "inactif")),
            "date_creation": fake.date_this_decade().isoformat(),
        }


def write_csv(path: Path, rows) -> None:
    import csv

    with open(path, "w", encoding="cp1252", errors="replace", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS, delimiter=";", lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


def write_chat(path: Path, fake: Faker, rng: random.Random, conversations: int) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for c in range(1, conversations + 1):
            first, last = fake.first_name(), fake.last_name()
            messages = []
            for m in range(rng.randrange(2, 6)):
                role = "user" if m % 2 == 0 else "bot"
                template = rng.choice(CHAT_USER if role == "user" else CHAT_BOT)
                text = template.format(first=first, last=last, phone=fiction_phone(rng),
                                       email=f"{_ascii(first).lower()}{c}@example.com")
                messages.append({"role": role, "text": text, "ts": f"2026-10-{1 + c % 28:02d}T10:{m:02d}:00Z"})
            record = {
                "conversation_id": f"conv-{c:05d}",
                "ts": f"2026-10-{1 + c % 28:02d}T10:00:00Z",
                "user": {"email": f"{_ascii(first).lower()}{c}@example.com", "locale": "fr-FR"},
                "messages": messages,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_parquet(path: Path, fake: Faker, rng: random.Random, rows: int) -> None:
    table = pa.table({
        "order_id": [f"CMD-{100000 + i}" for i in range(rows)],
        "client_email": [f"client{i}@{rng.choice(DOMAINS)}" for i in range(rows)],
        "ip_client": [f"{rng.randrange(11, 223)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}" for _ in range(rows)],
        "montant": [round(rng.uniform(5, 900), 2) for _ in range(rows)],
        "date_commande": [fake.date_this_year().isoformat() for _ in range(rows)],
    })
    pq.write_table(table, path)


def generate(out: Path, rows: int = 2000) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    fake = Faker("fr_FR")
    fake.seed_instance(SEED)
    rng = random.Random(SEED)
    write_csv(out / "crm_export.csv", crm_rows(fake, rng, rows))
    write_chat(out / "chatbot.jsonl", fake, rng, max(10, rows // 10))
    write_parquet(out / "commandes.parquet", fake, rng, max(10, rows // 2))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(Path(__file__).parent / "data"))
    parser.add_argument("--rows", type=int, default=2000)
    args = parser.parse_args()
    print(generate(Path(args.out), args.rows))


if __name__ == "__main__":
    main()
