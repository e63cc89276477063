"""What the art. 9 / art. 10 stage adds to NER alone on chat text.

Usage: python bench/bench_sensitive.py [--messages 5000] [--sensitive-share 0.05] [--repeat 3]
                                       [--record]

NER alone = bare ``nlp.pipe`` with fr_core_news_sm over every message. The art. 9
stage = ``SensitiveDetector.find_in_doc`` over the Docs NER produced (its lexicon
pass on every message, the clause analysis on the few that hit). Messages are
synthetic (Faker fr_FR, fixed seed); a share of them carries a disclosure. ``--record``
reads them as record text (``hint=FREE_TEXT``), as the scan reads a notes column or a
user's chat turn.
"""

from __future__ import annotations

import argparse
import random
import time

from faker import Faker

from fouille.scanner.core.column_hints import FREE_TEXT
from fouille.detectors.sensitive import SensitiveDetector, needs_analysis
from fouille.detectors.nlp import load_nlp

BENIGN = [
    "Bonjour, je n'ai toujours pas reçu ma commande {ref}, pouvez-vous vérifier ?",
    "slt jai un souci avec mon compte, le mdp marche plus",
    "Merci {name}, tout est bon pour moi. Bonne journée !",
    "est ce que je peux changer l'adresse de livraison pour {city} ?",
    "Le colis est arrivé abîmé, je voudrais un remboursement svp",
    "je voudrais résilier mon abonnement à la fin du mois",
    "Pouvez-vous me rappeler demain matin ? Je suis dispo après 10h.",
    "la facture de {month} est fausse, il y a deux fois les frais de port",
    "ok merci beaucoup, je regarde ça ce soir",
    "Bonjour {name}, votre dossier {ref} est en cours de traitement.",
    "j'habite à {city} depuis peu, la livraison est possible ?",
    "quel est le délai pour un échange de taille ?",
]
SENSITIVE = [
    "je suis diabétique, est-ce que la commande {ref} peut arriver avant jeudi ?",
    "désolé du retard, je suis sous chimio en ce moment",
    "ma femme est enceinte donc on décale le déménagement à {city}",
    "je suis délégué CGT et je voudrais un devis pour le CSE",
    "j'ai fait de la prison, est-ce que je peux ouvrir un compte ?",
    "je fais le ramadan, vous pouvez livrer après 20h ?",
    "mon fils est autiste, il faut un créneau calme svp",
    "jsuis en burn out, mon mari {name} va gérer le dossier",
]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin"]


def make_messages(n: int, share: float, seed: int = 7) -> list[str]:
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        template = rng.choice(SENSITIVE if rng.random() < share else BENIGN)
        out.append(
            template.format(
                ref=f"CMD-{rng.randint(10000, 99999)}",
                name=fake.first_name(),
                city=fake.city(),
                month=rng.choice(MONTHS),
            )
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--sensitive-share", type=float, default=0.05)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--record", action="store_true", help="read messages as record text")
    args = parser.parse_args()

    texts = make_messages(args.messages, args.sensitive_share)
    nlp = load_nlp()
    detector = SensitiveDetector()
    list(nlp.pipe(texts[:200]))  # warm-up: model caches, lexicon regexes
    hint = FREE_TEXT if args.record else None
    detector.find_in_doc(nlp("je suis diabétique"), hint)

    ner_times, stage_times = [], []
    found = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=256))
        ner_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        found = sum(bool(detector.find_in_doc(doc, hint)) for doc in docs)
        stage_times.append(time.perf_counter() - start)

    ner, stage = min(ner_times), min(stage_times)
    analysed = sum(needs_analysis(t) for t in texts)
    print(
        f"messages: {len(texts)}, sensitive share: {args.sensitive_share:.0%}, model: {nlp.meta['name']}"
    )
    print(f"prefilter passes: {analysed} ({analysed / len(texts):.1%}); messages flagged: {found}")
    print(f"NER alone (nlp.pipe):  {ner:8.3f} s  {len(texts) / ner:8.0f} msg/s")
    mode = "record text" if args.record else "chat rules"
    print(f"art. 9 stage ({mode}): {stage:8.3f} s  {len(texts) / stage:8.0f} msg/s")
    print(f"overhead vs NER alone: {stage / ner:8.1%}  (best of {args.repeat})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
