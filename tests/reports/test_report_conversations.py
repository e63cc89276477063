"""Chat findings grouped by conversation: the inventory's ``conversations`` list and the report's art. 9 table."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from fouille.reports.conversations import conversations_summary
from fouille.scanner.core.findings import SCHEMA
from fouille.scanner.core.config import ScanConfig
from fouille.scanner.cli.scan import run_scan

# Three conversations: two where the user discloses art. 9 data, one where only the bot
# talks about health (bot messages are not checked for special categories).
CONVERSATIONS = [
    {"conversation_id": "conv-a1", "user": {"email": "anne.martin@example.com"},
     "messages": [
         {"role": "user", "text": "Bonjour, je suis diabétique depuis 2019."},
         {"role": "assistant", "text": "Merci, je transmets votre demande."},
         {"role": "user", "text": "Et je suis musulman."},
         {"role": "user", "text": "Je suis asthmatique aussi."},
     ]},
    {"conversation_id": "conv-b2", "user": {"email": "bob.durand@example.org"},
     "messages": [
         {"role": "assistant", "text": "Nous ne collectons aucune donnée de santé."},
         {"role": "user", "text": "Très bien, rappelez-moi au 01 99 00 12 34."},
     ]},
    {"conversation_id": "conv-c3", "user": {"email": "chloe@example.test"},
     "messages": [
         {"role": "user", "text": "Je suis syndiquée à la CFDT, puis-je poser un jour de grève ?"},
         {"role": "assistant", "text": "Oui, voici la procédure."},
     ]},
]


def scan_chat(tmp_path: Path) -> tuple[dict, str]:
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "chat.jsonl").write_text(
        "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in CONVERSATIONS), encoding="utf-8")
    config = ScanConfig(out=str(tmp_path / "out"), sources=[
        {"name": "chatbot", "type": "chatlogs", "paths": [str(logs / "*.jsonl")]}])
    outcome = run_scan(config)
    assert outcome.exit_code == 0, outcome.inventory["errors"]
    return outcome.inventory, (outcome.out_dir / "report.html").read_text(encoding="utf-8")


def test_inventory_and_report_group_disclosures_by_conversation(tmp_path):
    inventory, page = scan_chat(tmp_path)

    container = str(tmp_path / "logs" / "chat.jsonl")
    assert inventory["conversations"] == [
        {"source": "chatbot", "container": container, "conversation": "conv-a1",
         "categories": {"SENSITIVE_HEALTH": 2, "SENSITIVE_RELIGION": 1}},
        {"source": "chatbot", "container": container, "conversation": "conv-c3",
         "categories": {"SENSITIVE_UNION": 1}},
    ]
    assert inventory["conversations_total"] == 2
    saved = json.loads((tmp_path / "out" / "inventory.json").read_text(encoding="utf-8"))
    assert saved["conversations"] == inventory["conversations"]

    table = page.split('id="art9-conversations"', 1)[1].split("</table>", 1)[0]
    assert "conv-a1" in table and "conv-c3" in table
    assert "conv-b2" not in table  # the bot's words about health disclose nothing
    assert "diabétique" not in html.unescape(page)  # counts only, never the words


def _findings_file(path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    """Findings rows (entity, source, container, record key) with the other columns filled in."""
    n = len(rows)
    entity, source, container, key = (list(c) for c in zip(*rows))
    pq.write_table(pa.table({
        "entity": entity, "source": source, "container": container, "record_key": key,
        "field": ["text"] * n, "start": [0] * n, "end": [1] * n, "score": [0.9] * n,
        "detector": ["sensitive"] * n, "evidence": [[]] * n, "preview": [""] * n, "value_hash": [""] * n,
    }, schema=SCHEMA), path)


def test_summary_is_bounded_keeps_masked_keys_and_ignores_other_sources(tmp_path):
    findings = tmp_path / "findings"
    findings.mkdir()
    rows = []
    for conv in range(30):  # conversation k holds k + 1 disclosures
        key = json.dumps({"line": conv + 1, "conversation": f"c-{conv}", "message": 0}, separators=(",", ":"))
        rows += [("SENSITIVE_HEALTH", "chat", "log.jsonl", key)] * (conv + 1)
    masked = '{"line":"***","conversation":"***","message":"***"}'
    rows += [("SENSITIVE_RELIGION", "chat", "masked.jsonl", masked)] * 3
    rows += [("EMAIL_ADDRESS", "chat", "log.jsonl", '{"line":1,"conversation":"c-0","message":0}')]
    rows += [("SENSITIVE_HEALTH", "crm", "tickets", '{"conversation":"not-a-chat"}')]
    rows += [("SENSITIVE_HEALTH", "chat", "log.jsonl", '{"line":99,"conversation":null,"message":0}')]
    _findings_file(findings / "part-1.parquet", rows)

    summary = conversations_summary(tmp_path, ["chat"], limit=5)

    assert summary["conversations_total"] == 31
    assert [c["conversation"] for c in summary["conversations"]] == ["c-29", "c-28", "c-27", "c-26", "c-25"]
    assert summary["conversations"][0]["categories"] == {"SENSITIVE_HEALTH": 30}
    full = conversations_summary(tmp_path, ["chat"])["conversations"]
    assert {"source": "chat", "container": "masked.jsonl", "conversation": "***",
            "categories": {"SENSITIVE_RELIGION": 3}} in full
    assert all(c["source"] == "chat" and c["conversation"] for c in full)


def test_report_says_when_the_list_is_cut(tmp_path):
    from fouille.reports.html import render_report

    inventory = {"scan": {}, "fields": [], "containers": [], "errors": [], "conversations_total": 1234,
                 "conversations": [{"source": "chat", "container": "log.jsonl", "conversation": "c-1",
                                    "categories": {"SENSITIVE_HEALTH": 4}}]}
    assert "sur 1\u202f234." in render_report(inventory, lang="fr")
    assert "The 1 conversations with the most disclosures, of 1,234." in render_report(inventory, lang="en")
    inventory["conversations_total"] = 1
    assert "most disclosures" not in render_report(inventory, lang="en")
