"""Print precision, recall and F1 per entity for fouille beside vanilla Presidio, on one corpus.

    python -m eval.run                       # 800 texts, seed 7, fouille and Presidio
    python -m eval.run --models              # also fr_core_news_sm vs md on PERSON/LOCATION + speed
    python -m eval.run --errors PHONE_NUMBER # show fouille's misses and false alarms for one entity
    python -m eval.run --corpus all          # every corpus of eval.corpora (base, phones_iban, ...)

fouille runs through ``fouille.detectors.detection.detect_many``, the function ``fouille detect`` uses.
"""

from __future__ import annotations

import argparse
import time

from eval.corpora import corpus_module, names
from eval.corpus import ENTITIES, TARGETS  # the base corpus's, kept here for older callers
from eval.scoring import score
from eval.systems import fouille_predict, presidio_predict


def _gold(examples):
    return [[(s.start, s.end, s.label) for s in ex.spans] for ex in examples]


def print_table(texts, gold, systems: dict[str, list], entities=ENTITIES, targets=TARGETS) -> bool:
    """One row per entity; returns True when fouille meets every target."""
    relaxed = {name: score(texts, gold, pred, entities) for name, pred in systems.items()}
    exact = score(texts, gold, systems["fouille"], entities, exact=True)
    header = f"{'entity':<14}{'gold':>6}  {'fouille P':>9} {'R':>6} {'F1':>6} {'exact F1':>9} {'target':>7}"
    for name in systems:
        if name != "fouille":
            header += f"  {name + ' P':>12} {'R':>6} {'F1':>6}"
    print(header)
    ok = True
    for entity in entities:
        s = relaxed["fouille"][entity]
        target = targets.get(entity)
        met = target is None or s.f1 >= target
        ok &= met
        row = (f"{entity:<14}{s.tp + s.fn:>6}  {s.precision:>9.3f} {s.recall:>6.3f} {s.f1:>6.3f} "
               f"{exact[entity].f1:>9.3f} {('' if target is None else f'{target:.2f}' + (' ok' if met else ' NO')):>7}")
        for name in systems:
            if name != "fouille":
                o = relaxed[name][entity]
                row += f"  {o.precision:>12.3f} {o.recall:>6.3f} {o.f1:>6.3f}"
        print(row)
    return ok


def show_errors(examples, predicted, entity: str, limit: int = 25) -> None:
    shown = 0
    for ex, pred in zip(examples, predicted):
        gold = {(s.start, s.end) for s in ex.spans if s.label == entity}
        mine = {(s, e) for s, e, label in pred if label == entity}
        if gold != mine and shown < limit:
            shown += 1
            print(f"--- {ex.id}: {ex.text!r}")
            print("  missed:", [ex.text[s:e] for s, e in sorted(gold - mine)])
            print("  extra: ", [ex.text[s:e] for s, e in sorted(mine - gold)])


def load_corpus(selection: str, n: int, seed: int):
    """Examples, evaluated entities and targets of one corpus (or of ``all``, their union)."""
    examples, entities, targets = [], [], {}
    for name in names(selection):
        module = corpus_module(name)
        examples += module.generate(n, seed)
        entities += [e for e in module.ENTITIES if e not in entities]
        for entity, target in module.TARGETS.items():
            targets[entity] = max(target, targets.get(entity, 0.0))
    return examples, tuple(entities), targets


def calibration(texts, gold, examples_matches) -> None:
    """Precision of fouille's predictions grouped by score: does a higher score mean fewer errors?"""
    from collections import defaultdict

    from eval.scoring import _same

    tally = defaultdict(lambda: [0, 0])
    for text, gold_spans, matches in zip(texts, gold, examples_matches):
        for m in matches:
            if m.entity not in ENTITIES:
                continue
            hit = any(g[2] == m.entity and _same(text, g[:2], (m.start, m.end), False) for g in gold_spans)
            tally[(m.entity, m.score)][0 if hit else 1] += 1
    print(f"\n{'entity':<14}{'score':>6}{'found':>7}{'precision':>10}")
    for (entity, value), (hits, misses) in sorted(tally.items()):
        print(f"{entity:<14}{value:>6.2f}{hits + misses:>7}{hits / (hits + misses):>10.3f}")


def compare_models(texts, gold, models=("fr_core_news_sm", "fr_core_news_md")) -> None:
    """PERSON/LOCATION accuracy and throughput of fouille with each spaCy model."""
    print(f"\n{'model':<18}{'PERSON F1':>10}{'LOCATION F1':>12}{'texts/s':>10}")
    for model in models:
        fouille_predict(texts[:5], model=model)  # load the model outside the timing
        began = time.perf_counter()
        predicted = fouille_predict(texts, model=model)
        rate = len(texts) / (time.perf_counter() - began)
        s = score(texts, gold, predicted, ("PERSON", "LOCATION"))
        print(f"{model:<18}{s['PERSON'].f1:>10.3f}{s['LOCATION'].f1:>12.3f}{rate:>10.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=800, help="number of texts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-presidio", action="store_true", help="skip the Presidio baseline")
    parser.add_argument("--models", action="store_true", help="compare fr_core_news_sm and md")
    parser.add_argument("--errors", metavar="ENTITY", help="print fouille's errors for one entity")
    parser.add_argument("--calibration", action="store_true", help="precision per score value")
    parser.add_argument("--corpus", default="base", help="base, phones_iban, identifiers, records or all")
    args = parser.parse_args()

    examples, entities, targets = load_corpus(args.corpus, args.n, args.seed)
    texts, gold = [ex.text for ex in examples], _gold(examples)
    began = time.perf_counter()
    systems = {"fouille": fouille_predict(texts)}
    print(f"corpus {args.corpus}: {len(texts)} texts, seed {args.seed}; fouille {len(texts) / (time.perf_counter() - began):.0f} texts/s")
    if not args.no_presidio:
        systems["presidio"] = presidio_predict(texts)
    ok = print_table(texts, gold, systems, entities, targets)
    if args.errors:
        show_errors(examples, systems["fouille"], args.errors)
    if args.calibration:
        from fouille.detectors.detection import detect_many

        calibration(texts, gold, detect_many(texts))
    if args.models:
        compare_models(texts, gold)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
