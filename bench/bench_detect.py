"""Throughput of ``fouille.detectors.detection.detect_many`` (what ``fouille detect`` runs) on chat messages.

Usage: python bench/bench_detect.py [--messages 10000] [--repeat 3] [--no-nlp-only]

Messages are synthetic support-chat lines (Faker fr_FR and a fixed seed); about one in
four carries a phone number, an IBAN, an e-mail or an identifier in one of the usual
spellings, the others are plain chat with dates, amounts and order numbers. Prints
texts/s without NLP (regex detectors only) and with NLP (spaCy NER and art. 9), best of
``--repeat`` runs after one warm-up.
"""

from __future__ import annotations

import argparse
import random
import time

from faker import Faker

PLAIN = (
    "Bonjour, je n'ai toujours pas reçu ma commande {ref}, pouvez-vous vérifier ?",
    "slt jai un souci avec mon compte, le mdp marche plus",
    "Merci {name}, tout est bon pour moi. Bonne journée !",
    "est ce que je peux changer l'adresse de livraison pour {city} ?",
    "Le colis est arrivé abîmé le {date}, je voudrais un remboursement de {amount} svp",
    "Pouvez-vous me rappeler demain matin ? Je suis dispo entre 9h30-11h00.",
    "la facture du {date} est fausse, il y a deux fois les frais de port ({amount})",
    "ok merci beaucoup, je regarde ça ce soir",
    "Bonjour {name}, votre dossier {ref} est en cours de traitement.",
    "quel est le délai pour un échange de taille ? j'ai commandé le {date}",
)
WITH_VALUE = (
    "vous pouvez me joindre au {phone} après 18h",
    "mon nouveau numéro c'est le {phone}, merci de mettre à jour",
    "voici mon RIB pour le remboursement : {iban}",
    "mon adresse mail est {email} et mon tel {phone}",
    "rappelez {name} au {phone} svp",
    "IBAN {iban} au nom de {name}",
)


def _phone(rng: random.Random) -> str:
    prefix = rng.choice(("01 99 00", "02 61 91", "03 53 01", "04 65 71", "05 36 49", "06 39 98"))
    national = f"{prefix} {rng.randint(0, 99):02d} {rng.randint(0, 99):02d}"
    style = rng.randrange(4)
    return (national, national.replace(" ", "."), national.replace(" ", ""), "+33 " + national[1:])[style]


def _iban(rng: random.Random) -> str:
    from stdnum import iban

    bban = "".join(rng.choice("0123456789") for _ in range(18))
    number = "DE" + iban.calc_check_digits("DE00" + bban) + bban
    return " ".join(number[i : i + 4] for i in range(0, len(number), 4))


def make_messages(n: int, seed: int = 7) -> list[str]:
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        template = rng.choice(WITH_VALUE if rng.random() < 0.25 else PLAIN)
        name = fake.first_name()
        out.append(template.format(
            ref=f"CMD-{rng.randint(10000, 99999)}", name=name, city=fake.city(),
            date=f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2025",
            amount=f"{rng.randint(10, 999)},{rng.randint(0, 99):02d} €", phone=_phone(rng),
            iban=_iban(rng), email=f"{name.lower()}@example.com",
        ))
    return out


def rate(texts: list[str], use_nlp: bool, repeat: int) -> float:
    from fouille.detectors.detection import detect_many

    detect_many(texts[:200], use_nlp=use_nlp)  # warm-up: compiled regexes, spaCy model
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        detect_many(texts, use_nlp=use_nlp)
        best = min(best, time.perf_counter() - began)
    return len(texts) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-nlp-only", action="store_true", help="skip the run with NLP")
    args = parser.parse_args()
    texts = make_messages(args.messages)
    print(f"{len(texts)} chat messages")
    print(f"detect_many(use_nlp=False): {rate(texts, False, args.repeat):,.0f} texts/s")
    if not args.no_nlp_only:
        print(f"detect_many(use_nlp=True):  {rate(texts, True, args.repeat):,.0f} texts/s")


if __name__ == "__main__":
    main()
