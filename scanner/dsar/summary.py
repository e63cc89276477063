"""summary.html: a page written for the person, in French by default, self-contained.

Every string from the stores is escaped with ``html.escape``; no script, no external asset,
and a Content-Security-Policy that would block both.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from detectors.column_hints import FREE_TEXT, hint_for
from detectors.text import text_matches
from reports.i18n import entity_label, normalize_lang
from reports.retention import resolve_keep
from scanner.dsar.identifiers import record_texts
from scanner.dsar.records import Found

TEXT = {
    "fr": {
        "title": "Vos données personnelles",
        "intro": "Vous nous avez demandé les données personnelles que nous détenons sur vous "
        "(RGPD, articles 15 et 20). Voici ce que nous avons trouvé dans nos systèmes, "
        "recherché à partir des identifiants ci-dessous.",
        "identifiers": "Identifiants utilisés pour la recherche",
        "where": "Où se trouvent vos données",
        "store": "Système",
        "place": "Emplacement",
        "count": "Enregistrements",
        "categories": "Catégories de données",
        "retention": "Durée de conservation",
        "file": "Fichier joint",
        "not_set": "non précisée",
        "records": "Le détail de vos données",
        "how": "Comment cet enregistrement a été relié à vous",
        "none": "Nous n'avons trouvé aucune donnée vous concernant.",
        "files": "Les fichiers CSV joints contiennent les mêmes données dans un format réutilisable "
        "(article 20, portabilité). Le fichier records.json les contient toutes.",
        "generated": "Document établi le",
        "years": "an(s)",
        "months": "mois",
        "days": "jour(s)",
    },
    "en": {
        "title": "Your personal data",
        "intro": "You asked for the personal data we hold about you (GDPR articles 15 and 20). "
        "This is what we found in our systems, searched with the identifiers below.",
        "identifiers": "Identifiers used for the search",
        "where": "Where your data is",
        "store": "System",
        "place": "Location",
        "count": "Records",
        "categories": "Categories of data",
        "retention": "Retention period",
        "file": "Attached file",
        "not_set": "not specified",
        "records": "Your data in detail",
        "how": "How this record was linked to you",
        "none": "We found no data about you.",
        "files": "The attached CSV files hold the same data in a reusable format (article 20, "
        "portability). records.json holds all of it.",
        "generated": "Document drawn up on",
        "years": "year(s)",
        "months": "month(s)",
        "days": "day(s)",
    },
}
_CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#f3f3f3}h2{margin-top:2rem}.how{color:#555;font-size:.9rem}
pre{white-space:pre-wrap;margin:0}"""


def categories_of(values: Mapping[str, object]) -> list[str]:
    """Entity types the fast detectors find in a record (names included: here they describe)."""
    found = set()
    for name, text in record_texts(values).items():
        hint = hint_for(name)
        found.update(m.entity for m in text_matches(text, None if hint == FREE_TEXT else hint))
    return sorted(found)


# Defence in depth behind the escaping: no script runs, nothing is fetched.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def _retention_text(keep: str | None, t: dict) -> str:
    if not keep:
        return t["not_set"]
    try:
        period = resolve_keep(keep)
    except ValueError:
        return str(keep)
    parts = [(period.years, t["years"]), (period.months, t["months"]), (period.days, t["days"])]
    return ", ".join(f"{n} {unit}" for n, unit in parts if n)


def render_summary(
    records: list[Found],
    by_container: dict,
    files: dict,
    subject: dict,
    retention: dict,
    generated: str,
    lang: str = "fr",
) -> str:
    """The page, as one HTML string. ``retention``: (source, container) -> configured ``keep``."""
    lang = normalize_lang(lang)
    t = TEXT[lang]
    e = html.escape
    out = [
        (
            f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">'
            f"<title>{e(t['title'])}</title><style>{_CSS}</style></head><body>"
        ),
        f"<h1>{e(t['title'])}</h1><p>{e(t['intro'])}</p>",
        f"<h2>{e(t['identifiers'])}</h2><ul>",
    ]
    out += [f"<li>{e(i['type'])} : {e(i['value'])}</li>" for i in subject.get("identifiers", [])]
    out.append("</ul>")
    if not records:
        out.append(f"<p>{e(t['none'])}</p>")
    else:
        out.append(
            f"<h2>{e(t['where'])}</h2><table><tr><th>{e(t['store'])}</th><th>{e(t['place'])}</th>"
            f"<th>{e(t['count'])}</th><th>{e(t['categories'])}</th><th>{e(t['retention'])}</th>"
            f"<th>{e(t['file'])}</th></tr>"
        )
        for (source, container), group in by_container.items():
            cats = sorted({c for f in group for c in categories_of(f.record.values)})
            labels = ", ".join(entity_label(c, lang) for c in cats)
            keep = _retention_text(retention.get((source, container)), t)
            out.append(
                f"<tr><td>{e(source)}</td><td>{e(container)}</td><td>{len(group)}</td>"
                f"<td>{e(labels)}</td><td>{e(keep)}</td>"
                f"<td>{e(files.get(f'{source}{chr(31)}{container}', ''))}</td></tr>"
            )
        out.append(f"</table><p>{e(t['files'])}</p><h2>{e(t['records'])}</h2>")
        for found in records:
            ref = found.record.ref
            out.append(
                f"<h3>{e(ref.source)} · {e(ref.container)} · {e(ref.key)}</h3>"
                f'<p class="how">{e(t["how"])} : {e(" ; ".join(found.provenance))}</p><table>'
            )
            for name, text in record_texts(found.record.values).items():
                out.append(f"<tr><th>{e(name)}</th><td><pre>{e(text)}</pre></td></tr>")
            out.append("</table>")
    out.append(f'<p class="how">{e(t["generated"])} {e(generated)}</p></body></html>')
    return "\n".join(out)
