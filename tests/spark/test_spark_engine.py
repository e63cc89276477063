"""``--engine spark`` in ``local[2]`` gives the local engine's inventory and findings (issue 9)."""

import errno
import json
import os
import shutil
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from fouille.scanner.cli.main import main
from fouille.scanner.core.config import ConfigError, load_config_with_sources
from fouille.scanner.cli.scan import run_scan
from fouille.scanner.engine.errors import safe_message as _safe_message
from fouille.scanner.engine.spark import (
    ExecutorKeyMismatch,
    ExecutorKeyMissing,
    _require_executor_key,
    error_marker,
    execute_spark,
    executor_key,
    key_check,
    rebuild_error,
    spark_session,
)

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))
from generate_contacts import write_chat, write_contacts

TIMING_KEYS = ("started", "finished", "duration_s")
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support:FutureWarning")
RAGGED = "id;email;ville\n1;a.one@example.com;Lyon\n2;b.two@example.com\n3;c.three@example.com;Nantes\n"


def missing(reason: str):
    # CI must prove the engine works: a missing dependency there is a failure, not a skip.
    if os.environ.get("CI"):
        pytest.fail(f"--engine spark tests need {reason}")
    pytest.skip(f"needs {reason}")


@pytest.fixture(scope="module")
def spark():
    try:
        import pyspark  # noqa: F401
    except ImportError:
        missing("pyspark (pip install 'fouille[spark]')")
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        missing("Java 17+")
    from fouille.scanner.core.config import ScanConfig

    session = spark_session(ScanConfig(workers=2))
    assert session.sparkContext.master == "local[2]"
    yield session
    session.stop()


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """Several contact CSVs of different sizes, a chatbot JSONL and a CSV with a broken line."""
    folder = tmp_path_factory.mktemp("spark-data")
    for name, rows in (("contacts_a.csv", 800), ("contacts_b.csv", 300), ("contacts_c.csv", 60)):
        write_contacts(folder / name, rows)
    write_chat(folder / "chat.jsonl", 200)
    (folder / "ragged.csv").write_text(RAGGED, encoding="utf-8")
    return folder


def scan(data: Path, out: Path, executor=None, mode: str = "sample"):
    config = load_config_with_sources(None, [str(data)])
    config.out, config.mode = str(out), mode
    # Small sample limits: contacts_a.csv passes them, so sampling is compared too, in less time.
    config.sample_rows, config.ner_sample = 300, 100
    return run_scan(config, executor=executor)


def comparable(inventory: dict) -> dict:
    """The inventory without its clock readings; errors in a fixed order (engines finish in any)."""
    meta = {k: v for k, v in inventory["scan"].items() if k not in TIMING_KEYS}
    errors = sorted(inventory["errors"], key=lambda e: json.dumps(e, sort_keys=True))
    return {**inventory, "scan": meta, "errors": errors}


def all_findings(out: Path) -> list[dict]:
    files = sorted((out / "findings").glob("*.parquet"))
    rows = pa.concat_tables([pq.read_table(f) for f in files]).to_pylist() if files else []
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))


@pytest.mark.parametrize("mode", ["sample", "full"])
def test_spark_gives_the_local_engines_inventory_and_findings(spark, data, tmp_path, mode):
    local = scan(data, tmp_path / "local", mode=mode)
    distributed = scan(data, tmp_path / "spark", execute_spark, mode=mode)

    assert distributed.exit_code == local.exit_code == 3  # ragged.csv:line 3
    assert comparable(distributed.inventory) == comparable(local.inventory)
    assert {e["location"] for e in local.inventory["errors"]} == {"ragged.csv:line 3"}
    assert len(local.inventory["containers"]) == 5
    found = all_findings(tmp_path / "local")
    assert len(found) > 500
    assert all_findings(tmp_path / "spark") == found
    # Same partition, same file name: a resume may mix files of either engine.
    assert (sorted(p.name for p in (tmp_path / "spark" / "findings").iterdir())
            == sorted(p.name for p in (tmp_path / "local" / "findings").iterdir()))


def test_command_line_engines_agree_on_exit_code_and_inventory(spark, tmp_path, capsys):
    # `fouille scan --engine spark` in this process: it takes the module's session (a second
    # JVM would cost ~25 s; starting one from nothing is what the `spark` fixture does).
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "ragged.csv").write_text(RAGGED, encoding="utf-8")
    (folder / "emails.csv").write_text("id;email\n1;d.four@example.com\n", encoding="utf-8")
    codes = {}
    for engine in ("local", "spark"):
        codes[engine] = main(["scan", str(folder), "--out", str(tmp_path / engine),
                              "--engine", engine, "--quiet"])
        assert "ragged.csv:line 3" in capsys.readouterr().err
    assert codes == {"local": 3, "spark": 3}
    inventories = [json.loads((tmp_path / e / "inventory.json").read_text()) for e in codes]
    assert comparable(inventories[0]) == comparable(inventories[1])


def test_clean_input_exits_0_on_both_engines(spark, tmp_path):
    folder = tmp_path / "clean"
    write_contacts(folder / "contacts.csv", 50)
    assert scan(folder, tmp_path / "local").exit_code == 0
    assert scan(folder, tmp_path / "spark", execute_spark).exit_code == 0


def test_cluster_executors_must_hold_the_drivers_key(spark):
    # The cluster path, run on local executors (their FOUILLE_KEY is the test key).
    _require_executor_key(spark, key_check(b"test-key-not-secret"))
    with pytest.raises(ConfigError, match="another FOUILLE_KEY"):
        _require_executor_key(spark, key_check(b"some other key"))


def test_executor_key_is_shipped_or_verified(monkeypatch):
    assert executor_key(b"shipped", "unused") == b"shipped"
    check = key_check(b"test-key-not-secret")
    assert executor_key(None, check) == b"test-key-not-secret"
    with pytest.raises(ExecutorKeyMismatch):
        executor_key(None, key_check(b"another"))
    monkeypatch.delenv("FOUILLE_KEY")
    monkeypatch.delenv("FOUILLE_KEY_FILE", raising=False)
    with pytest.raises(ExecutorKeyMissing):
        executor_key(None, check)  # never a fresh random key: its hashes would match nothing


@pytest.mark.parametrize("exc", [
    ValueError("invalid literal for int(): '0639981234'"),
    OSError(errno.ENOENT, "No such file or directory", "/data/jean.dupont@example.com.csv"),
    UnicodeDecodeError("utf-8", b"\xff0639981234", 0, 1, "invalid start byte"),
])
def test_executor_errors_reach_the_driver_as_type_and_os_reason_only(exc):
    marker = error_marker(exc)
    assert "0639981234" not in json.dumps(marker) and "example.com" not in json.dumps(marker)
    assert _safe_message(rebuild_error(json.loads(json.dumps(marker)))) == _safe_message(exc)


def test_no_partition_starts_no_spark(monkeypatch):
    monkeypatch.setattr("fouille.scanner.engine.spark.spark_session", lambda config: pytest.fail("started Spark"))
    assert list(execute_spark([], b"key", None)) == []


def test_missing_pyspark_is_a_configuration_error(monkeypatch):
    from fouille.scanner.core.config import ScanConfig

    monkeypatch.setitem(sys.modules, "pyspark.sql", None)  # import fails as if not installed
    with pytest.raises(ConfigError, match=r"pip install 'fouille\[spark\]'"):
        spark_session(ScanConfig())


def test_missing_java_is_a_configuration_error(monkeypatch, tmp_path):
    from fouille.scanner.engine.spark import _require_java

    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "no-jdk"))
    with pytest.raises(ConfigError, match="Java 17"):
        _require_java()
