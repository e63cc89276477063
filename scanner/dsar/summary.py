"""summary.html: the answer to the person (GDPR art. 15), in French by default, self-contained.

What art. 15(1)(a)-(h) and 15(3) ask for: the copy of the data, and per store the purposes,
categories, recipients, retention, source of the data and automated decisions (from each
source's ``[sources.dsar]`` in fouille.toml), the person's rights and the right to complain
to the CNIL; the request's date and deadline (art. 12(3)). The answer is a list of blocks
(the PDF draws the same list); ``templates/dsar_summary.html.j2`` lays them out on the base
page of the report, escaping every value. No script, no external asset, and a
Content-Security-Policy that would block both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from fouille.detectors.detection import fast_matches
from fouille.reports.html_env import asset, content_security_policy, render
from fouille.scanner.core.column_hints import hint_for
from fouille.scanner.core.i18n import Translator, entity_label, format_long_date, translator
from fouille.scanner.core.retention import resolve_keep
from fouille.scanner.dsar.disclosure import text_in
from fouille.scanner.dsar.identifiers import record_texts
from fouille.scanner.dsar.records import Found
from fouille.scanner.dsar.wording import Wording, kind_word

# The art. 15(1) items each store's section shows, in order ("retention" has its own rule).
ITEMS = ("purposes", "legal_basis", "recipients", "origin", "automated_decisions", "transfers")
# The person's rights (arts. 16-21, 7(3)), in the order the answer lists them.
RIGHTS = ("rectification", "erasure", "restriction", "objection", "portability", "consent")


def categories_of(values: Mapping[str, object]) -> list[str]:
    """Entity types the fast detectors find in a record (names included: here they describe)."""
    found = set()
    for name, text in record_texts(values).items():
        found.update(m.entity for m in fast_matches(text, hint_for(name)))
    return sorted(found)


def _retention_text(keep: str | None, t: Translator) -> str | None:
    # "3 an(s)": the answer's own wording of a period, not the report's "3 ans".
    if not keep:
        return None
    try:
        period = resolve_keep(keep)
    except ValueError:
        return str(keep)
    units = ((period.years, "years"), (period.months, "months"), (period.days, "days"))
    return ", ".join(f"{n} {t(f'dsar.{unit}')}" for n, unit in units if n)


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
    """One piece of the answer: HTML by ``templates/dsar_summary.html.j2``, PDF by ``summary_pdf``.

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


def _store_blocks(page: Page, where: tuple[str, str], group: list[Found], t: Translator) -> list:
    lang = t.lang
    wording = Wording(lang, page.kinds, page.disclosures)
    disclosure = page.disclosures.get(where, {})
    cats = sorted({c for f in group for c in categories_of(f.record.values)})
    rows = [
        ("count", str(len(group))),
        ("categories", ", ".join(entity_label(c, lang) for c in cats) or "—"),
    ]
    for item in ITEMS[:3]:
        rows.append((item, "; ".join(text_in(disclosure.get(item), lang)) or t("dsar.not_set")))
    retention = "; ".join(text_in(disclosure.get("retention"), lang))
    kept = retention or _retention_text(page.retention.get(where), t) or t("dsar.not_set")
    rows.append(("retention", kept))
    for item in ITEMS[3:]:
        rows.append((item, "; ".join(text_in(disclosure.get(item), lang)) or t("dsar.not_set")))
    rows.append(("file", page.files.get(where, "")))
    return [
        Block("h3", wording.place(*where)),
        Block("table", items=tuple((k, t(f"dsar.{k}"), v) for k, v in rows)),
    ]


def _record_blocks(page: Page, t: Translator) -> list:
    wording = Wording(t.lang, page.kinds, page.disclosures)
    out = [Block("h2", t("dsar.records"))]
    for found in page.records:
        ref = found.record.ref
        how = " ; ".join(dict.fromkeys(wording.link(link) for link in found.provenance))
        out += [
            Block("h3", f"{wording.place(ref.source, ref.container)} · {wording.record(ref)}"),
            Block("p", f"{t('dsar.how')} : {how}", cls="how"),
            Block("record", items=tuple(record_texts(found.record.values).items())),
        ]
    return out


def _controller_rows(page: Page, t: Translator) -> tuple:
    """Who answers and where to write: the contact is always shown (or said to be missing)."""
    rows = []
    for key in ("controller", "contact", "dpo"):
        text = "; ".join(text_in(page.controller.get(key), t.lang))
        if text or key == "contact":
            rows.append((key, t(f"dsar.{key}"), text or t("dsar.not_set")))
    return tuple(rows)


def _request_blocks(page: Page, t: Translator) -> list[Block]:
    """Title, what this is, when it is due, whether it is complete, what was searched with."""
    request, lang = page.request, t.lang
    dates = t("dsar.request").format(
        received=format_long_date(request["received"], lang),
        due=format_long_date(request["answer_due"], lang),
    )
    out = [
        Block("h1", t("dsar.title")),
        Block("p", t("dsar.intro")),
        Block("p", f"{dates} {t('dsar.extension_rule')}", id="deadline"),
    ]
    if page.unreadable:
        warning = t("dsar.incomplete").format(n=page.unreadable)
        out.append(Block("p", warning, id="incomplete", cls="warn"))
    identifiers = page.subject.get("identifiers", [])
    return out + [
        Block("h2", t("dsar.identifiers")),
        Block(
            "ul",
            items=tuple(f"{kind_word(i['type'], lang)} : {i['value']}" for i in identifiers),
        ),
    ]


def summary_blocks(page: Page, lang: str = "fr") -> list[Block]:
    """The answer, in order, as blocks (one content for every format)."""
    t = translator(lang)
    out = _request_blocks(page, t)
    if not page.records:
        out.append(Block("p", t("dsar.none"), id="none"))
    else:
        out.append(Block("h2", t("dsar.where")))
        for where, group in page.groups.items():
            out += _store_blocks(page, where, group, t)
        out.append(Block("p", t("dsar.files")))
        out += _record_blocks(page, t)
    out += [
        Block("h2", t("dsar.rights")),
        Block("ul", items=tuple(t(f"dsar.rights.{right}") for right in RIGHTS), id="rights"),
        Block("table", items=_controller_rows(page, t), id="controller"),
        Block("p", t("dsar.cnil"), id="cnil"),
        Block("p", f"{t('dsar.generated')} {page.generated}", cls="how"),
    ]
    return out


def render_summary(page: Page, lang: str = "fr") -> str:
    """The page, as one HTML string."""
    t = translator(lang)
    return render(
        "dsar_summary.html.j2",
        lang=t.lang,
        title=t("dsar.title"),
        policy=content_security_policy(),
        css=asset("dsar_summary.css"),
        blocks=summary_blocks(page, t.lang),
    )
