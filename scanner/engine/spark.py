"""``--engine spark``: the local engine's partition function, run by Spark executors.

Each fouille partition becomes one Spark partition of ``spark.range``; ``mapInArrow`` unpickles
it on an executor, runs ``scan_partition`` (which writes its findings file into ``out_dir``, a
path every executor must see) and returns its counters as JSON. The driver records them exactly
as it records the local engine's, so inventory and findings are the same. See docs/spark.md.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import logging
import os
import shutil
import sys
import tempfile
import threading
import uuid
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import pyarrow as pa
from fouille.detectors.nlp import analyse
from fouille.scanner.core.config import ConfigError, ScanConfig
from fouille.scanner.core.keys import KEY_ENV, KEY_FILE_ENV, Hasher, load_key
from fouille.scanner.core.keys import key_check as keyed_check
from fouille.scanner.engine.partition import Partition, scan_partition

log = logging.getLogger("fouille")

RESULT_SCHEMA = "idx long, outcome string"
# Environment variables that mean a master was already chosen (spark-submit, Databricks,
# Spark Connect, PYSPARK_SUBMIT_ARGS="--master yarn ..."): fouille then never forces local[N].
CHOSEN_MASTER_ENV = ("PYSPARK_GATEWAY_PORT", "SPARK_REMOTE", "DATABRICKS_RUNTIME_VERSION")
# Only errors reach the console: Spark's INFO/WARN lines would bury fouille's progress.
# org.apache gets its own level, equal to the root's, or Spark announces a "default log level".
QUIET_LOG4J2 = """\
rootLogger.level = error
logger.apache.name = org.apache
logger.apache.level = error
rootLogger.appenderRef.stderr.ref = stderr
appender.stderr.type = Console
appender.stderr.name = stderr
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = spark: %p %c{1}: %m%n
"""


class ExecutorKeyMissing(Exception):
    """An executor has neither FOUILLE_KEY nor FOUILLE_KEY_FILE (cluster mode)."""


class ExecutorKeyMismatch(Exception):
    """An executor's key differs from the driver's: its hashes would not match the others."""


class SparkJobFailed(Exception):
    """The Spark job that ran a partition failed (executor lost, Python worker killed...)."""


def execute_spark(
    pending: list[Partition], key: bytes, config: ScanConfig,
    progress_factory: Callable[[Partition], Callable[[int], None]] | None = None,
) -> Iterator[tuple[Partition, dict | BaseException]]:
    """Run ``pending`` on Spark; yield ``(partition, counters or exception)`` as chunks finish."""
    if not pending:
        return
    spark = spark_session(config)
    check = key_check(key)
    # A local master's executors are this machine's processes: the key may travel in the task.
    # On a cluster it never leaves the driver; executors read their own (FOUILLE_KEY secret).
    shipped = key if _is_local(spark) else None
    if shipped is None:
        _require_executor_key(spark, check)
    size = _chunk_size(spark, config)
    chunks = [list(range(start, min(start + size, len(pending))))
              for start in range(0, len(pending), size)]
    group = f"fouille-{uuid.uuid4().hex[:12]}"
    stopping = threading.Event()
    # Two jobs in flight: the next chunk's tasks take the cores the previous chunk's slowest
    # partitions leave idle. Results are recorded per chunk, so --resume loses at most two.
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="fouille-spark") as pool:
        futures = [pool.submit(_run_chunk, spark, group, stopping, pending, chunk, shipped, check)
                   for chunk in chunks]
        try:
            for future in futures:
                for idx, outcome in future.result():
                    partition = pending[idx]
                    if progress_factory and isinstance(outcome, dict):
                        progress_factory(partition)(outcome.get("rows", 0))
                    yield partition, outcome
        except BaseException:  # Ctrl-C, or the consumer stopped: stop the cluster's work too
            stopping.set()
            for future in futures:
                future.cancel()
            _cancel(spark, group)
            raise


def spark_session(config: ScanConfig):
    """The active SparkSession (Databricks, EMR, spark-submit), else a quiet ``local[N]`` one."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ConfigError("--engine spark needs PySpark: pip install 'fouille[spark]'") from exc
    warnings.filterwarnings("ignore", category=FutureWarning, module=r"pyspark(\.|$)")
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    # Executors' Python must be this one: it has fouille, spaCy and the French model.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("fouille")
    log_config = None
    if not _master_chosen():
        _require_java()
        workers = config.workers if config.workers > 1 else (os.cpu_count() or 1)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # no hostname warning, no LAN port
        log_config = _quiet_log_config()
        builder = (builder.master(f"local[{workers}]")
                   .config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false")
                   .config("spark.python.daemon.module", "fouille.scanner.engine.spark")
                   .config("spark.driver.extraJavaOptions",
                           f"-Dlog4j2.configurationFile=file:{log_config}"))
    try:
        spark = builder.getOrCreate()
    except Exception as exc:
        # Py4J and launcher messages hold paths and settings, never scanned data; still, the
        # type is what the user needs, with the likely cause.
        raise ConfigError(f"cannot start Spark ({type(exc).__name__}): check Java 17+ "
                          "(JAVA_HOME) and the Spark settings") from exc
    finally:
        if log_config:
            os.unlink(log_config)  # read once, when the driver JVM started
    return spark


def key_check(key: bytes) -> str:
    """Shows that two processes hold the same key, without sending the key."""
    return keyed_check(Hasher(key), "spark")


def executor_key(shipped: bytes | None, check: str) -> bytes:
    """The key on an executor: the shipped one (local master), else its own, verified."""
    if shipped is not None:
        return shipped
    if not (os.environ.get(KEY_ENV) or os.environ.get(KEY_FILE_ENV)):
        raise ExecutorKeyMissing()  # load_key would invent a fresh key: silently wrong hashes
    key = load_key()
    if not hmac.compare_digest(key_check(key), check):
        raise ExecutorKeyMismatch()
    return key


def scan_batches(partitions: dict[int, Partition], shipped: bytes | None, check: str, batches):
    """The ``mapInArrow`` function: scan each partition whose index comes in, one JSON each."""
    for batch in batches:
        indices = batch.column(0).to_pylist()
        outcomes = [_scan_one(partitions[idx], shipped, check) for idx in indices]
        yield pa.RecordBatch.from_pydict(
            {"idx": pa.array(indices, pa.int64()), "outcome": pa.array(outcomes, pa.string())})


def _scan_one(partition: Partition, shipped: bytes | None, check: str) -> str:
    try:
        return json.dumps({"result": scan_partition(partition, executor_key(shipped, check))})
    except Exception as exc:  # noqa: BLE001 - as the local engine: listed, the others go on
        return json.dumps(error_marker(exc))


def error_marker(exc: BaseException) -> dict:
    """What of an executor's exception reaches the driver: its type, and an OS reason.

    Never the message: it may quote the value being parsed. The same two facts are all the
    local engine reports (``fouille.scanner.engine.errors.safe_message``).
    """
    marker = {"error": type(exc).__name__}
    if isinstance(exc, OSError) and exc.strerror:
        marker.update(errno=exc.errno, strerror=exc.strerror)
    return marker


def rebuild_error(marker: dict) -> Exception:
    """An exception of the same type name (and OS reason) as the executor's."""
    if "strerror" in marker:
        return type(marker["error"], (OSError,), {})(marker["errno"], marker["strerror"])
    return type(marker["error"], (Exception,), {})()


def _run_chunk(spark, group: str, stopping: threading.Event, pending: list[Partition],
               chunk: list[int], shipped: bytes | None, check: str) -> list[tuple[int, dict | BaseException]]:
    _set_job_group(spark, group)
    partitions = {idx: pending[idx] for idx in chunk}
    function = partial(scan_batches, partitions, shipped, check)
    # range with one slice per index: exactly one fouille partition per Spark partition.
    frame = spark.range(chunk[0], chunk[-1] + 1, 1, numPartitions=len(chunk))
    try:
        rows = frame.mapInArrow(function, RESULT_SCHEMA).collect()
    except Exception as exc:  # noqa: BLE001 - a lost executor, a killed worker: listed, not fatal
        if stopping.is_set():
            return []  # cancelled by us: nothing failed, nothing to list
        log.error("Spark job failed (%s): its %d partitions are listed as errors",
                  type(exc).__name__, len(chunk))
        return [(idx, SparkJobFailed()) for idx in chunk]
    outcomes = []
    for row in rows:
        decoded = json.loads(row["outcome"])
        outcomes.append((row["idx"], decoded["result"] if "result" in decoded else rebuild_error(decoded)))
    return outcomes


def _require_executor_key(spark, check: str) -> None:
    """Fail before the scan when an executor lacks the driver's key (one probe task)."""
    probe = partial(_probe_key, check)
    answer = spark.range(0, 1, 1, numPartitions=1).mapInArrow(probe, "state string").collect()
    state = answer[0]["state"]
    if state != "ok":
        raise ConfigError(
            f"Spark executors {state}: set the scan key on every executor with "
            "spark.executorEnv.FOUILLE_KEY (from a cluster secret) — see docs/spark.md")


def _probe_key(check: str, batches):
    for batch in batches:
        try:
            executor_key(None, check)
            state = "ok"
        except ExecutorKeyMissing:
            state = "have no FOUILLE_KEY"
        except ExecutorKeyMismatch:
            state = "have another FOUILLE_KEY than the driver"
        except OSError as exc:  # FOUILLE_KEY_FILE unreadable, or not creatable there
            state = f"cannot read their FOUILLE_KEY_FILE ({exc.strerror or type(exc).__name__})"
        yield pa.RecordBatch.from_pydict({"state": [state] * batch.num_rows})


def _context(spark):
    """The SparkContext, or None under Spark Connect (Databricks shared clusters, serverless)."""
    try:
        return spark.sparkContext
    except (AttributeError, NotImplementedError):
        return None


def _chunk_size(spark, config: ScanConfig) -> int:
    context = _context(spark)
    parallelism = context.defaultParallelism if context else max(config.workers, 8)
    return max(4 * parallelism, 16)


def _is_local(spark) -> bool:
    context = _context(spark)
    return bool(context) and context.master.startswith("local")


def _master_chosen() -> bool:
    if any(os.environ.get(name) for name in CHOSEN_MASTER_ENV):
        return True
    return "--master" in os.environ.get("PYSPARK_SUBMIT_ARGS", "")


def _require_java() -> None:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and os.path.exists(os.path.join(java_home, "bin", "java")):
        return
    if shutil.which("java"):
        return
    raise ConfigError("--engine spark needs Java 17 or later: install a JDK "
                      "(e.g. apt-get install openjdk-17-jre-headless) or set JAVA_HOME")


def _quiet_log_config() -> str:
    handle, path = tempfile.mkstemp(prefix="fouille-log4j2-", suffix=".properties")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(QUIET_LOG4J2)
    return path


def _set_job_group(spark, group: str) -> None:
    context = _context(spark)
    if context:
        context.setJobGroup(group, "fouille scan", interruptOnCancel=True)
    else:  # Spark Connect: tags instead of job groups
        spark.addTag(group)


def _cancel(spark, group: str) -> None:
    context = _context(spark)
    try:
        context.cancelJobGroup(group) if context else spark.interruptTag(group)
    except Exception:  # noqa: BLE001 - a session already stopped has nothing left to cancel
        log.debug("could not cancel the Spark jobs of this scan")


def _worker_daemon() -> None:
    """Spark's Python daemon for the local sessions fouille starts (``spark.python.daemon.module``).

    The daemon forks every Python worker: with the French pipelines loaded here first, each
    worker starts with them instead of loading its own (measured: the first scan of a
    ``local[2]`` session 33 s -> 22 s).
    """
    from pyspark.daemon import manager

    # The daemon's stdout carries its port to the JVM: nothing else may be printed there.
    with contextlib.redirect_stdout(sys.stderr):
        try:
            analyse(["Bonjour."], lambda index, doc: None, entities=False)
        except Exception:  # noqa: BLE001 - each worker reports a missing model, as locally
            log.debug("the daemon could not preload the French model")
    manager()


if __name__ == "__main__":
    _worker_daemon()
