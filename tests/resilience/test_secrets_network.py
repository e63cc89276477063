"""Credentials never printed; no connection beyond the configured sources ("no call home")."""

from __future__ import annotations

import json
from pathlib import Path

from resilience_helpers import NETGUARD, REPO, base_env, run_fouille

PASSWORD = "Sup3rS3cret"
DSN = f"postgresql://reader:{PASSWORD}@127.0.0.1:1/crm"  # port 1: the connection fails


def _all_output(out: Path) -> str:
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in out.rglob("*") if p.is_file())


def test_dsn_password_never_printed(tmp_path):
    out = tmp_path / "report"
    positional = run_fouille("-vv", "scan", DSN, "--out", str(out))
    assert positional.returncode == 3  # the source is listed as an error, no traceback
    assert "Traceback" not in positional.stderr
    assert "127.0.0.1" in positional.stderr  # the error still names the place
    config = tmp_path / "fouille.toml"
    config.write_text(f'[scan]\nout = "{tmp_path / "report2"}"\n\n'
                      f'[[sources]]\nname = "crm"\ntype = "postgres"\ndsn = "{DSN}"\n\n'
                      f'[[sources]]\nname = "crm_env"\ntype = "postgres"\ndsn_env = "CRM_DSN"\n',
                      encoding="utf-8")
    configured = run_fouille("-vv", "scan", "--config", str(config), "--format", "json",
                             env=base_env(CRM_DSN=DSN))
    assert configured.returncode == 3
    dsar = run_fouille("-vv", "dsar", "--live", "--email", "a@example.com", DSN,
                       "--out", str(tmp_path / "dsar"))
    texts = [positional.stdout, positional.stderr, configured.stdout, configured.stderr,
             dsar.stdout, dsar.stderr, _all_output(out), _all_output(tmp_path / "report2")]
    if (tmp_path / "dsar").exists():
        texts.append(_all_output(tmp_path / "dsar"))
    assert not [t for t in texts if PASSWORD in t]


def _guarded_env(log: Path, **extra: str) -> dict[str, str]:
    return base_env(PYTHONPATH=f"{NETGUARD}:{REPO}", FOUILLE_NETGUARD_LOG=str(log), **extra)


def _data(folder: Path) -> Path:
    folder.mkdir()
    (folder / "contacts.csv").write_text(
        "id;email;notes\n1;zoe.martin@example.com;Bonjour, je suis Zoé Martin et j'habite à Lyon "
        "depuis trois ans avec ma famille.\n", encoding="utf-8")
    (folder / "chat.jsonl").write_text(json.dumps({"conversation_id": "c1", "messages": [
        {"role": "user", "text": "Mon adresse : zoe.martin@example.com, merci de me rappeler."}]}) + "\n",
        encoding="utf-8")
    return folder


def test_scan_dsar_and_ci_call_nobody(tmp_path):
    log = tmp_path / "network.log"
    data = _data(tmp_path / "data")
    out = tmp_path / "report"
    env = _guarded_env(log)
    scan = run_fouille("scan", str(data), "--out", str(out), "--full", "--quiet", env=env)
    assert scan.returncode == 0, scan.stderr
    dsar = run_fouille("dsar", "--live", "--email", "zoe.martin@example.com", str(data),
                       "--out", str(tmp_path / "dsar"), env=env)
    assert dsar.returncode == 0, dsar.stderr
    ci = run_fouille("ci", str(data), "--root", str(tmp_path), "--nlp", "all", env=env)
    assert ci.returncode in (0, 1), ci.stderr
    workers = run_fouille("scan", str(data), "--out", str(tmp_path / "r2"), "--workers", "2",
                          "--quiet", env=env)
    assert workers.returncode == 0, workers.stderr
    attempts = log.read_text() if log.exists() else ""
    assert attempts == "", f"network attempts:\n{attempts}"


def test_the_guard_sees_connections(tmp_path):
    """Without this, an empty log could mean the guard was never loaded."""
    import subprocess
    import sys

    log = tmp_path / "network.log"
    script = "import urllib.request\ntry:\n    urllib.request.urlopen('http://example.com/x', timeout=1)\nexcept OSError:\n    pass\n"
    subprocess.run([sys.executable, "-c", script], env=_guarded_env(log), timeout=60, check=True)
    assert "example.com" in log.read_text()


def test_importing_every_module_calls_nobody(tmp_path):
    log = tmp_path / "network.log"
    script = (
        "import importlib, pkgutil\n"
        "for package in ('scanner', 'detectors', 'connectors', 'reports'):\n"
        "    root = importlib.import_module(package)\n"
        "    for info in pkgutil.walk_packages(root.__path__, package + '.'):\n"
        "        if info.name.endswith('__main__'):\n"
        "            continue\n"
        "        try:\n"
        "            importlib.import_module(info.name)\n"
        "        except ImportError:\n"
        "            pass  # an optional extra (spark) that is not installed\n"
        "from fouille.detectors.detection import detect_many\n"
        "detect_many(['Écrire à zoe.martin@example.com ou au 01 99 00 12 34, Zoé Martin, Lyon.'])\n"
    )
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=_guarded_env(log),
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    attempts = log.read_text() if log.exists() else ""
    assert attempts == "", f"network attempts:\n{attempts}"
