"""Seeded generator of French contacts CSVs and chatbot messages for the benchmarks.

    python bench/generate_contacts.py --rows 1000000 --out bench/data/contacts_1m.csv
    python bench/generate_contacts.py --chat 100000 --out bench/data/chat_100k.jsonl

Columns: id;nom;prenom;email;telephone;adresse;code_postal;ville;siret;iban;date_naissance;notes.
Notes are empty in 70 % of rows, otherwise 1-3 French sentences, some with phones, e-mails
or art. 9 disclosures. Faker (fr_FR, fixed seed) fills pools once; rows are drawn from the
pools so a million rows take seconds, not hours. All values synthetic (example.com, fiction
phone ranges).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

from faker import Faker

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples" / "demo"))
from generate import SEED, _ascii, fiction_phone, fr_iban, siret  # noqa: E402

COLUMNS = ("id", "nom", "prenom", "email", "telephone", "adresse", "code_postal", "ville",
           "siret", "iban", "date_naissance", "notes")
SENTENCES = (
    "Le client a appelé pour un problème de facturation.",
    "Merci de le rappeler au {phone} dans la matinée.",
    "Nouvelle adresse de contact : {email}.",
    "Souhaite résilier son abonnement à la fin du mois.",
    "Je suis diabétique et j'ai besoin d'une livraison rapide.",
    "Demande un geste commercial suite au retard de livraison.",
    "Elle est enceinte et souhaite décaler le rendez-vous.",
    "Dossier transmis au service contentieux pour relance.",
    "Rendez-vous fixé le 12/03 à 14h30 avec {first} {last}.",
    "Le client est délégué CGT dans son entreprise.",
)

SENSITIVE = tuple(s for s in SENTENCES if "diabétique" in s or "enceinte" in s or "CGT" in s)
PLAIN = tuple(s for s in SENTENCES if s not in SENSITIVE)


class Pools:
    def __init__(self, size: int = 5000):
        fake = Faker("fr_FR")
        fake.seed_instance(SEED)
        self.rng = random.Random(SEED)
        self.first = [fake.first_name() for _ in range(size)]
        self.last = [fake.last_name() for _ in range(size)]
        self.street = [fake.street_address() for _ in range(size)]
        self.city = [fake.city() for _ in range(size)]
        self.postcode = [fake.postcode() for _ in range(size)]
        self.birth = [fake.date_of_birth(minimum_age=18, maximum_age=90).strftime("%d/%m/%Y") for _ in range(size)]
        self.iban = [fr_iban(self.rng) for _ in range(size)]
        self.siret = [siret(self.rng) for _ in range(size)]

    def note(self) -> str:
        rng = self.rng
        if rng.random() < 0.7:
            return ""
        return " ".join(
            self._sentence().format(
                phone=fiction_phone(rng), email=f"contact{rng.randrange(10**6)}@example.com",
                first=rng.choice(self.first), last=rng.choice(self.last),
            )
            for _ in range(rng.randint(1, 3))
        )

    def _sentence(self) -> str:
        # About 5 % of sentences disclose art. 9 data, the rest are routine CRM notes.
        return self.rng.choice(SENSITIVE if self.rng.random() < 0.05 else PLAIN)

    def row(self, i: int) -> list[str]:
        rng = self.rng
        first, last = rng.choice(self.first), rng.choice(self.last)
        return [
            str(i), last, first,
            f"{_ascii(first).lower()}.{_ascii(last).lower().replace(' ', '')}{i}@example.com",
            fiction_phone(rng), rng.choice(self.street), rng.choice(self.postcode),
            rng.choice(self.city), rng.choice(self.siret), rng.choice(self.iban),
            rng.choice(self.birth), self.note(),
        ]


def write_contacts(path: Path, rows: int) -> None:
    pools = Pools()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(COLUMNS)
        for i in range(1, rows + 1):
            writer.writerow(pools.row(i))


def write_chat(path: Path, messages: int, sensitive_share: float = 0.05) -> None:
    pools = Pools()
    rng = pools.rng
    plain, sensitive = PLAIN, SENSITIVE
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(messages):
            template = rng.choice(sensitive if rng.random() < sensitive_share else plain)
            text = template.format(phone=fiction_phone(rng), email=f"u{i}@example.com",
                                   first=rng.choice(pools.first), last=rng.choice(pools.last))
            handle.write(json.dumps({"conversation_id": f"c{i // 6}", "role": "user", "text": text},
                                    ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, help="contacts rows")
    parser.add_argument("--chat", type=int, help="chatbot messages")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    if args.chat:
        write_chat(Path(args.out), args.chat)
    else:
        write_contacts(Path(args.out), args.rows or 100_000)
    print(args.out)


if __name__ == "__main__":
    main()
