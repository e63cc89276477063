"""summary.html: the answer to the person (GDPR art. 15), in French by default, self-contained.

What art. 15(1)(a)-(h) and 15(3) ask for: the copy of the data, and per store the purposes,
categories, recipients, retention, source of the data and automated decisions (from each
source's ``[sources.dsar]`` in fouille.toml), the person's rights and the right to complain
to the CNIL; the request's date and deadline (art. 12(3)). Every string from the stores is
escaped with ``html.escape``; no script, no external asset, and a Content-Security-Policy
that would block both.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field

from detectors.column_hints import FREE_TEXT, hint_for
from detectors.text import text_matches
from reports.i18n import entity_label, normalize_lang
from reports.retention import resolve_keep
from scanner.dsar.deadline import EXTENSION_RULE, long_date
from scanner.dsar.disclosure import text_in
from scanner.dsar.identifiers import record_texts
from scanner.dsar.records import Found
from scanner.dsar.wording import KIND_WORDS, Wording

TEXT = {
    "fr": {
        "title": "Vos données personnelles",
        "intro": "Vous nous avez demandé les données personnelles que nous détenons sur vous "
        "(RGPD, articles 15 et 20). Voici ce que nous avons trouvé dans nos systèmes, "
        "recherché à partir des identifiants ci-dessous.",
        "request": "Demande reçue le {received} ; réponse due au plus tard le {due}.",
        "incomplete": "Cette réponse est incomplète : {n} système(s) n'ont pas pu être "
        "consultés. Nous vous adresserons un complément dès qu'ils l'auront été.",
        "identifiers": "Identifiants utilisés pour la recherche",
        "where": "Où se trouvent vos données, et pourquoi nous les détenons",
        "count": "Enregistrements",
        "categories": "Catégories de données",
        "purposes": "Finalités du traitement",
        "legal_basis": "Base légale",
        "recipients": "Destinataires",
        "retention": "Durée de conservation",
        "origin": "Source des données",
        "automated_decisions": "Décision automatisée, profilage",
        "transfers": "Transferts hors de l'Union européenne",
        "file": "Fichier joint",
        "not_set": "à compléter par le responsable du traitement",
        "records": "Le détail de vos données",
        "how": "Comment cet enregistrement a été relié à vous",
        "none": "Nous n'avons trouvé aucun enregistrement vous concernant.",
        "files": "Les fichiers CSV joints contiennent les mêmes données dans un format "
        "réutilisable (article 20, portabilité). Le fichier records.json les contient toutes.",
        "rights": "Vos droits",
        "rights.list": [
            (
                "Rectification : faire corriger des données inexactes ou compléter des données "
                "incomplètes (art. 16)."
            ),
            (
                "Effacement : obtenir l'effacement de vos données dans les cas prévus par "
                "l'article 17."
            ),
            "Limitation : obtenir que le traitement de vos données soit limité (art. 18).",
            (
                "Opposition : vous opposer au traitement fondé sur l'intérêt légitime ou "
                "l'intérêt public, et à tout moment à la prospection (art. 21)."
            ),
            (
                "Portabilité : recevoir les données que vous nous avez fournies dans un format "
                "structuré et les transmettre à un autre organisme (art. 20)."
            ),
            (
                "Retrait du consentement, à tout moment, pour les traitements qui reposent "
                "sur lui (art. 7(3))."
            ),
        ],
        "cnil": "Vous pouvez introduire une réclamation auprès de la Commission nationale de "
        "l'informatique et des libertés (CNIL), 3 place de Fontenoy, TSA 80715, "
        "75334 Paris Cedex 07, www.cnil.fr (art. 77).",
        "generated": "Document établi le",
        "controller": "Responsable du traitement",
        "contact": "Pour exercer vos droits",
        "dpo": "Délégué à la protection des données",
        "years": "an(s)",
        "months": "mois",
        "days": "jour(s)",
    },
    "en": {
        "title": "Your personal data",
        "intro": "You asked for the personal data we hold about you (GDPR articles 15 and 20). "
        "This is what we found in our systems, searched with the identifiers below.",
        "request": "Request received on {received}; answer due by {due} at the latest.",
        "incomplete": "This answer is incomplete: {n} system(s) could not be searched. We "
        "will send you the rest as soon as they have been.",
        "identifiers": "Identifiers used for the search",
        "where": "Where your data is, and why we hold it",
        "count": "Records",
        "categories": "Categories of data",
        "purposes": "Purposes of the processing",
        "legal_basis": "Legal basis",
        "recipients": "Recipients",
        "retention": "Retention period",
        "origin": "Source of the data",
        "automated_decisions": "Automated decision-making, profiling",
        "transfers": "Transfers outside the European Union",
        "file": "Attached file",
        "not_set": "to be completed by the controller",
        "records": "Your data in detail",
        "how": "How this record was linked to you",
        "none": "We found no record about you.",
        "files": "The attached CSV files hold the same data in a reusable format (article 20, "
        "portability). records.json holds all of it.",
        "rights": "Your rights",
        "rights.list": [
            (
                "Rectification: have inaccurate data corrected or incomplete data completed "
                "(art. 16)."
            ),
            "Erasure: have your data erased in the cases set out in article 17.",
            "Restriction: have the processing of your data restricted (art. 18).",
            (
                "Objection: object to processing based on legitimate or public interest, and at "
                "any time to direct marketing (art. 21)."
            ),
            (
                "Portability: receive the data you gave us in a structured format and pass it "
                "to another organisation (art. 20)."
            ),
            "Withdraw your consent at any time, for processing based on it (art. 7(3)).",
        ],
        "cnil": "You may lodge a complaint with the French data protection authority, the "
        "CNIL (Commission nationale de l'informatique et des libertés), 3 place de Fontenoy, "
        "TSA 80715, 75334 Paris Cedex 07, France, www.cnil.fr (art. 77).",
        "generated": "Document drawn up on",
        "controller": "Controller",
        "contact": "To exercise your rights",
        "dpo": "Data protection officer",
        "years": "year(s)",
        "months": "month(s)",
        "days": "day(s)",
    },
}
# The art. 15(1) items each store's section shows, in order ("retention" has its own rule).
ITEMS = ("purposes", "legal_basis", "recipients", "origin", "automated_decisions", "transfers")
_CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#222}table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccc;
padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3;width:30%}
h2{margin-top:2rem}.how{color:#555;font-size:.9rem}.warn{border:2px solid #b00;padding:.5rem 1rem;color:#700}
pre{white-space:pre-wrap;margin:0}"""
# Defence in depth behind the escaping: no script runs, nothing is fetched.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def categories_of(values: Mapping[str, object]) -> list[str]:
    """Entity types the fast detectors find in a record (names included: here they describe)."""
    found = set()
    for name, text in record_texts(values).items():
        hint = hint_for(name)
        found.update(m.entity for m in text_matches(text, None if hint == FREE_TEXT else hint))
    return sorted(found)


def _retention_text(keep: str | None, t: dict) -> str | None:
    if not keep:
        return None
    try:
        period = resolve_keep(keep)
    except ValueError:
        return str(keep)
    parts = [(period.years, t["years"]), (period.months, t["months"]), (period.days, t["days"])]
    return ", ".join(f"{n} {unit}" for n, unit in parts if n)


@dataclass
class Page:
    """What the page shows (``export`` gathers it).

    Attributes:
        groups: (source, container) -> the subject's records there.
        files: (source, container) -> attached CSV name.
        disclosures: (source, container) -> its ``[sources.dsar]`` entry ({} if none).
        retention: (source, container) -> the retention rule's ``keep``.
        request: ``deadline.deadlines`` of the request.
        unreadable: How many stores or containers could not be searched.
        controller: The top-level ``[dsar]`` table (controller, contact, dpo).
    """

    records: list[Found]
    groups: dict
    files: dict
    subject: dict
    disclosures: dict
    retention: dict
    kinds: dict
    request: dict
    generated: str
    unreadable: int = 0
    controller: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Block:
    """One piece of the answer, rendered as HTML here and as PDF by ``summary_pdf``.

    Attributes:
        kind: ``h1``, ``h2``, ``h3``, ``p``, ``ul`` (``items``: texts), ``table`` (``items``:
            (item key, label, value) rows) or ``record`` (a table of (field, value) rows).
        id: HTML id, class: HTML class (``how``, ``warn``).
    """

    kind: str
    text: str = ""
    items: tuple = ()
    id: str = ""
    cls: str = ""


def _store_blocks(page: Page, where: tuple[str, str], group: list[Found], t, lang) -> list:
    wording = Wording(lang, page.kinds, page.disclosures)
    disclosure = page.disclosures.get(where, {})
    cats = sorted({c for f in group for c in categories_of(f.record.values)})
    rows = [
        ("count", str(len(group))),
        ("categories", ", ".join(entity_label(c, lang) for c in cats) or "—"),
    ]
    for item in ITEMS[:3]:
        rows.append((item, "; ".join(text_in(disclosure.get(item), lang)) or t["not_set"]))
    retention = "; ".join(text_in(disclosure.get("retention"), lang))
    rows.append(
        ("retention", retention or _retention_text(page.retention.get(where), t) or t["not_set"])
    )
    for item in ITEMS[3:]:
        rows.append((item, "; ".join(text_in(disclosure.get(item), lang)) or t["not_set"]))
    rows.append(("file", page.files.get(where, "")))
    return [
        Block("h3", wording.place(*where)),
        Block("table", items=tuple((k, t[k], v) for k, v in rows)),
    ]


def _record_blocks(page: Page, t, lang) -> list:
    wording = Wording(lang, page.kinds, page.disclosures)
    out = [Block("h2", t["records"])]
    for found in page.records:
        ref = found.record.ref
        how = " ; ".join(dict.fromkeys(wording.link(link) for link in found.provenance))
        out += [
            Block("h3", f"{wording.place(ref.source, ref.container)} · {wording.record(ref)}"),
            Block("p", f"{t['how']} : {how}", cls="how"),
            Block("record", items=tuple(record_texts(found.record.values).items())),
        ]
    return out


def _controller_rows(page: Page, t, lang) -> tuple:
    """Who answers and where to write: the contact is always shown (or said to be missing)."""
    rows = []
    for key in ("controller", "contact", "dpo"):
        text = "; ".join(text_in(page.controller.get(key), lang))
        if text or key == "contact":
            rows.append((key, t[key], text or t["not_set"]))
    return tuple(rows)


def summary_blocks(page: Page, lang: str = "fr") -> list[Block]:
    """The answer, in order, as blocks (one content for every format)."""
    t = TEXT[lang]
    request = page.request
    dates = t["request"].format(
        received=long_date(request["received"], lang), due=long_date(request["answer_due"], lang)
    )
    out = [
        Block("h1", t["title"]),
        Block("p", t["intro"]),
        Block("p", f"{dates} {EXTENSION_RULE[lang]}", id="deadline"),
    ]
    if page.unreadable:
        warning = t["incomplete"].format(n=page.unreadable)
        out.append(Block("p", warning, id="incomplete", cls="warn"))
    kinds = KIND_WORDS[lang]
    identifiers = page.subject.get("identifiers", [])
    out += [
        Block("h2", t["identifiers"]),
        Block(
            "ul",
            items=tuple(f"{kinds.get(i['type'], i['type'])} : {i['value']}" for i in identifiers),
        ),
    ]
    if not page.records:
        out.append(Block("p", t["none"], id="none"))
    else:
        out.append(Block("h2", t["where"]))
        for where, group in page.groups.items():
            out += _store_blocks(page, where, group, t, lang)
        out.append(Block("p", t["files"]))
        out += _record_blocks(page, t, lang)
    out += [
        Block("h2", t["rights"]),
        Block("ul", items=tuple(t["rights.list"]), id="rights"),
        Block("table", items=_controller_rows(page, t, lang), id="controller"),
        Block("p", t["cnil"], id="cnil"),
        Block("p", f"{t['generated']} {page.generated}", cls="how"),
    ]
    return out


def _html_block(block: Block) -> str:
    e = html.escape
    attrs = (f' id="{e(block.id)}"' if block.id else "") + (
        f' class="{e(block.cls)}"' if block.cls else ""
    )
    if block.kind == "ul":
        return f"<ul{attrs}>" + "".join(f"<li>{e(i)}</li>" for i in block.items) + "</ul>"
    if block.kind == "table":
        rows = (
            f'<tr><th>{e(label)}</th><td data-item="{e(key)}">{e(value)}</td></tr>'
            for key, label, value in block.items
        )
        return f"<table{attrs}>" + "".join(rows) + "</table>"
    if block.kind == "record":
        rows = (
            f"<tr><th>{e(name)}</th><td><pre>{e(text)}</pre></td></tr>"
            for name, text in block.items
        )
        return f"<table{attrs}>" + "".join(rows) + "</table>"
    return f"<{block.kind}{attrs}>{e(block.text)}</{block.kind}>"


def render_summary(page: Page, lang: str = "fr") -> str:
    """The page, as one HTML string."""
    lang = normalize_lang(lang)
    head = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">'
        f"<title>{html.escape(TEXT[lang]['title'])}</title><style>{_CSS}</style></head><body>"
    )
    body = [_html_block(block) for block in summary_blocks(page, lang)]
    return "\n".join([head, *body, "</body></html>"])
