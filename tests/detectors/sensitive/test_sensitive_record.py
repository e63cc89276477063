"""Record text (a notes column, a ticket, a user's chat turn): agents' notes about the record's person."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from fouille.scanner.core.column_hints import FREE_TEXT
from fouille.detectors.sensitive import SensitiveDetector
from fouille.detectors.detection import detect_many as detect_texts

DETECTOR = SensitiveDetector()
REPO = Path(__file__).parents[3]
EVAL = REPO / "eval" / "sensitive"


def record(text: str) -> set[str]:
    """Categories found in ``text`` read as a notes column's cell."""
    return {m.entity for m in DETECTOR.find(text, FREE_TEXT)}


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Cliente asthmatique, pas de livraison le soir", "SENSITIVE_HEALTH"),
        ("Sous dialyse le mardi, rappeler mercredi", "SENSITIVE_HEALTH"),
        ("Militant syndical, ne pas appeler au bureau", "SENSITIVE_UNION"),
        ("En liberté conditionnelle", "SENSITIVE_CRIMINAL"),
        ("Pratiquant, pas de livraison le vendredi midi", "SENSITIVE_RELIGION"),
        ("Diabétique type 2 - livrer avant 10h", "SENSITIVE_HEALTH"),
        ("personne en fauteuil, prévoir la rampe", "SENSITIVE_HEALTH"),
        ("Enceinte de 6 mois, livrer au RDC", "SENSITIVE_HEALTH"),
        ("RECONNUE RQTH, poste aménagé", "SENSITIVE_HEALTH"),
        ("Mme Le Roux sourde, privilégier les SMS", "SENSITIVE_HEALTH"),
        ("Repas halal uniquement", "SENSITIVE_RELIGION"),
        ("Délégué CGT", "SENSITIVE_UNION"),
        ("adherente LFI", "SENSITIVE_POLITICAL"),
        ("Famille d'origine comorienne, interprète souhaité", "SENSITIVE_ETHNIC"),
        ("sorti de prison en mars, suivi SPIP", "SENSITIVE_CRIMINAL"),
        ("Casier judiciaire chargé, avis RH requis", "SENSITIVE_CRIMINAL"),
        ("M. Martin, son mari signe aussi le bail", "SENSITIVE_SEXUAL_ORIENTATION"),
        ("Cliente mariée à une femme", "SENSITIVE_SEXUAL_ORIENTATION"),
        ("Demande un délai pendant le ramadan qu'il fait chaque année", "SENSITIVE_RELIGION"),
        ("Box installée chez un abonné sous assistance respiratoire", "SENSITIVE_HEALTH"),
    ],
)
def test_agent_notes_about_the_record_subject(text, entity):
    assert entity in record(text)


def test_record_mode_is_what_finds_subjectless_notes():
    # The chat rules alone need someone named: a bare note is the record mode's job.
    assert DETECTOR.find("Sous dialyse le mardi, rappeler mercredi") == []


@pytest.mark.parametrize(
    "text",
    [
        "Pas de problème de santé signalé",
        "Aucun antécédent judiciaire",
        "Casier judiciaire vierge fourni",
        "Syndicat des transports en grève, retard livraison",
        "Chauffeur en grève, tournée décalée",
        "Préavis de grève CGT chez le transporteur",
        "Technicien malade, RDV reporté",
        "Syndicat de copropriété : AG le 12/03",
        "Commande enceinte bluetooth, retour SAV",
        "ENCEINTE CONNECTÉE DÉFECTUEUSE, ÉCHANGE STANDARD",
        "Fauteuil de bureau livré, carton abîmé",
        "Masque FFP2 en rupture",
        "Son chien est diabétique, croquettes spéciales",
        "Le chat de la cliente est sous traitement vétérinaire",
        "Régime fiscal : micro-entreprise",
        "Pratiquant de judo, licence à renouveler",
        "Fauteuil roulant pliable 12 kg, 349 € TTC, réf. FR-220",
        "Client demande si la mutuelle couvre le diabète ?",
        "Le cancer est-il couvert par le contrat ?",
        "Nous ne collectons aucune donnée de santé ni opinion politique",
        "Les données relatives aux infractions et condamnations ne sont pas collectées.",
        "Nationalité marocaine, titre de séjour valide",
        "Demandeur d'asile, dossier OFII en cours",
        "Parle arabe et français",
        "Les clients diabétiques peuvent demander une livraison le matin",
        "Virement opéré le 12/03",
        "Porte condamnée pendant les travaux",
        "Mme Chrétien a changé d'adresse",
        "Mme Martin, son mari appelle pour elle",
        "M. Petit, sa femme a rappelé",
        "Prélèvement en arrêt depuis mars",
        "Client en arrêt de paiement",
        "Client travaille dans une clinique de dialyse, livrer à l'accueil",
        "Cliente a perdu son chat, diabétique lui aussi",
        "Le film parle d'un couple homosexuel dans les années 80.",
        "PAS D'ANTÉCÉDENT DE CANCER SELON LE QUESTIONNAIRE",
        "Fermeture pendant le ramadan qu'on fait chaque année",
    ],
)
def test_hard_negatives_stay_negative(text):
    assert record(text) == set()


def test_bot_turns_and_policies_in_labelled_set_unchanged():
    """labelled.jsonl read as record text: its hard negatives stay (almost) all negative."""
    evaluate = _load("sensitive_evaluate", EVAL / "evaluate.py")
    rows = evaluate.load()
    result = evaluate.score(rows, evaluate.predict([r["text"] for r in rows], FREE_TEXT))
    assert result["hard_negatives"]["fp_rate"] <= 0.03
    assert result["overall"]["precision"] >= 0.95


def _load(name: str, path: Path):
    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def crm_result():
    evaluate = _load("sensitive_evaluate", EVAL / "evaluate.py")
    notes = _load("crm_notes", EVAL / "crm_notes.py")
    rows = notes.generate(seed=11, per_template=2)
    return evaluate.score(rows, evaluate.predict([r["text"] for r in rows], FREE_TEXT))


def test_crm_notes_f1_per_category(crm_result):
    assert len(crm_result["per_category"]) == 7
    for category, rates in crm_result["per_category"].items():
        assert rates["f1"] >= 0.90, category


def test_crm_notes_overall_precision(crm_result):
    assert crm_result["overall"]["precision"] >= 0.93
    assert crm_result["hard_negatives"]["fp_rate"] <= 0.03


def test_detect_texts_reads_record_hints():
    text = "Sous dialyse le mardi, rappeler mercredi"
    plain, as_record = detect_texts([text, text], hints=[None, FREE_TEXT])
    assert not any(m.entity == "SENSITIVE_HEALTH" for m in plain)
    assert any(m.entity == "SENSITIVE_HEALTH" for m in as_record)


def test_detect_command_kind_record(tmp_path):
    lines = [
        {"id": 1, "text": "En liberté conditionnelle", "kind": "record"},
        {"id": 2, "text": "En liberté conditionnelle"},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "fouille.scanner.cli", "detect", "--input", str(source), "--output",
         str(out)], cwd=REPO, capture_output=True, text=True, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stderr
    spans = {r["id"]: {s["label"] for s in r["spans"]} for r in map(json.loads, out.open())}
    assert spans[1] == {"SENSITIVE_CRIMINAL"}
    assert "SENSITIVE_CRIMINAL" not in spans[2]
