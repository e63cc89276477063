"""The engine scans (findings files, state.sqlite); the command line's layer writes the outputs.

``scan_sources`` (engine) knows no report format; ``run_scan`` (cli) adds inventory.json,
report.html and the registre, under the folder's lock.
"""

from __future__ import annotations

import json

from fouille.scanner.cli.scan import run_scan
from fouille.scanner.core.config import ScanConfig
from fouille.scanner.engine.pipeline import scan_sources

ROWS = "id;email\n1;zoe.martin@example.com\n2;rien\n"


def _config(tmp_path) -> ScanConfig:
    data = tmp_path / "data.csv"
    data.write_text(ROWS, encoding="utf-8")
    return ScanConfig(out=str(tmp_path / "report"), sources=[{"type": "files", "name": "d", "paths": [str(data)]}])


def test_the_engine_writes_findings_and_state_only(tmp_path):
    run = scan_sources(_config(tmp_path))
    assert sorted(p.name for p in run.out_dir.iterdir()) == ["findings", "state.sqlite"]
    assert [(r.source, r.rows) for r in run.results] == [("d", 2)]
    assert run.errors == [] and run.meta["mode"] == "sample"


def test_run_scan_writes_the_outputs_of_the_engines_run(tmp_path):
    outcome = run_scan(_config(tmp_path))
    names = {p.name for p in outcome.out_dir.iterdir()}
    assert {"inventory.json", "report.html", "registre.md", "findings", "state.sqlite"} <= names
    assert json.loads((outcome.out_dir / "inventory.json").read_text()) == outcome.inventory
    assert outcome.exit_code == 0 and outcome.inventory["containers"][0]["rows"] == 2
