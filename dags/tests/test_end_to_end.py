"""End to end with a real Airflow and the real jar: dag.test() for three consecutive days against
a PostgreSQL server from `triangulate db start`, compared with `triangulate run` over the same
days in a second server; then re-runs and out-of-order runs, which must change nothing."""

from __future__ import annotations

import datetime as dt
import os
import shlex
import socket
import subprocess
from pathlib import Path

import pytest

DAGS = Path(__file__).resolve().parents[1]
ROOT = DAGS.parent
JAR = Path(os.environ.get("TRIANGULATE_TEST_JAR") or ROOT / "tasks" / "cli" / "target" / "triangulate.jar")
CONFIGS = ROOT / "configs"
DAYS = [dt.date(2026, 1, 5), dt.date(2026, 1, 6), dt.date(2026, 1, 7)]
JAVA_OPTS = ["-Xmx2g"]

pytestmark = pytest.mark.skipif(not JAR.is_file(), reason=f"no jar at {JAR}: build it with ./triangulate --version")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def jar(*args: str, env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        ["java", *JAVA_OPTS, "-jar", str(JAR), *args], capture_output=True, text=True, env=env, timeout=600
    )
    if check and result.returncode != 0:
        pytest.fail(f"triangulate {' '.join(args)} exited {result.returncode}:\n{result.stderr[-4000:]}")
    return result


def exports(stdout: str) -> dict[str, str]:
    """`export NAME=value` lines printed by `db start` / `db status`."""
    pairs = {}
    for line in stdout.splitlines():
        words = shlex.split(line)
        if len(words) == 2 and words[0] == "export":
            name, _, value = words[1].partition("=")
            pairs[name] = value
    return pairs


class DbServer:
    """A background PostgreSQL from `triangulate db start` on a fresh home and a free port."""

    def __init__(self, home: Path):
        self.home = home
        self.port = free_port()
        started = jar("db", "start", "--home", str(home), "--port", str(self.port))
        self.env = exports(started.stdout)
        assert self.env == {"DATABASE_URL": f"postgresql://localhost:{self.port}/postgres", "DATABASE_USER": "postgres"}

    def checksums(self, schema: str = "marts") -> dict[str, str]:
        """Per table: row count and md5 over the sorted row texts (as TableChecksum computes it)."""
        import psycopg2

        with psycopg2.connect(host="localhost", port=self.port, user="postgres", dbname="postgres") as conn:
            with conn.cursor() as cur:
                cur.execute(
                    "select table_name from information_schema.tables"
                    " where table_schema = %s and table_type = 'BASE TABLE' order by 1",
                    (schema,),
                )
                sums = {}
                for (table,) in cur.fetchall():
                    cur.execute(
                        f'select count(*) || \':\' || coalesce(md5(string_agg(t::text, E\'\\n\' order by t::text)), \'\')'
                        f' from "{schema}"."{table}" t'
                    )
                    sums[f"{schema}.{table}"] = cur.fetchone()[0]
                return sums

    def query(self, sql: str) -> list[tuple]:
        import psycopg2

        with psycopg2.connect(host="localhost", port=self.port, user="postgres", dbname="postgres") as conn:
            with conn.cursor() as cur:
                cur.execute(sql)
                return cur.fetchall()

    def stop(self) -> None:
        jar("db", "stop", "--home", str(self.home), check=False)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """`triangulate run` over the three days into its own fresh server: the expected tables."""
    server = DbServer(tmp_path_factory.mktemp("reference-home"))
    try:
        env = {**os.environ, **server.env, "TRIANGULATE_QUIET": "1"}
        jar("run", "--from", str(DAYS[0]), "--to", str(DAYS[-1]), "--home", str(server.home),
            "--config-dir", str(CONFIGS), env=env)
        yield server.checksums()
    finally:
        server.stop()


@pytest.fixture(scope="module")
def airflow_server(tmp_path_factory):
    """The server the Airflow tasks use, and the environment the DAG and its tasks see."""
    server = DbServer(tmp_path_factory.mktemp("airflow-home"))
    with pytest.MonkeyPatch.context() as mp:
        for name, value in {
            **server.env,
            "TRIANGULATE_HOME": str(server.home),
            "TRIANGULATE_JAR": str(JAR),
            "TRIANGULATE_JAVA_OPTS": " ".join(JAVA_OPTS),
            "TRIANGULATE_RETRIES": "0",  # fail fast in tests; retries are checked in the integrity tests
            "TRIANGULATE_QUIET": "1",
        }.items():
            mp.setenv(name, value)
        try:
            yield server
        finally:
            server.stop()


def run_day(day: dt.date):
    """One DAG run for `day` through dag.test(): the real scheduler loop, the real BashOperator."""
    from airflow.dag_processing.dagbag import BundleDagBag

    bag = BundleDagBag(dag_folder=DAGS / "triangulate_daily.py", bundle_path=DAGS, bundle_name="dags-folder")
    assert bag.import_errors == {}
    dag = bag.dags["triangulate_daily"]
    run = dag.test(logical_date=dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc))
    states = {ti.task_id: ti.state for ti in run.get_task_instances()}
    assert run.state == "success", f"run for {day}: {run.state}; tasks: {states}"
    assert set(states.values()) == {"success"}, states
    return run


def test_db_start_is_idempotent_and_status_and_stop_report_it(tmp_path):
    server = DbServer(tmp_path / "home")
    try:
        talkative = {k: v for k, v in os.environ.items() if k != "TRIANGULATE_QUIET"}
        again = jar("db", "start", "--home", str(server.home), "--port", str(server.port), env=talkative)
        assert exports(again.stdout) == server.env
        assert "already running" in again.stderr
        status = jar("db", "status", "--home", str(server.home))
        assert exports(status.stdout) == server.env
        assert server.query("select 1") == [(1,)]
        assert server.query("select count(*) from ops.task_runs") == [(0,)]  # migrated on start
    finally:
        server.stop()
    stopped = jar("db", "status", "--home", str(server.home), check=False)
    assert stopped.returncode == 3 and "not running" in stopped.stderr
    assert jar("db", "stop", "--home", str(server.home)).returncode == 0  # stopping twice is fine


def test_three_days_through_airflow_equal_triangulate_run(airflow_server, reference):
    for day in DAYS:
        run_day(day)
    actual = airflow_server.checksums()
    assert "marts.campaign_decisions" in actual
    assert not reference["marts.campaign_decisions"].startswith("0:"), "the reference made no decisions"
    assert actual == reference


def test_each_task_run_is_recorded_in_ops_task_runs(airflow_server):
    rows = airflow_server.query(
        "select task, ds::text, status, finished_at >= started_at, rows_written from ops.task_runs order by run_id"
    )
    if not rows:
        pytest.skip("the task commands do not record ops.task_runs yet (TaskRunLog not wired in)")
    tasks = [t["id"] for t in __import__("yaml").safe_load((CONFIGS / "pipeline.yaml").read_text())["tasks"]]
    recorded = {(task, ds) for task, ds, status, ordered, _ in rows if status == "succeeded" and ordered}
    assert {(t, str(d)) for t in tasks for d in DAYS} <= recorded


def test_running_a_day_again_leaves_identical_tables(airflow_server, reference):
    run_day(DAYS[1])
    assert airflow_server.checksums() == reference


def test_running_days_out_of_order_leaves_identical_tables(airflow_server, reference):
    run_day(DAYS[2])
    run_day(DAYS[0])
    assert airflow_server.checksums() == reference


def test_a_failing_task_fails_the_run_and_its_log_says_how_to_retry(airflow_server, tmp_path, monkeypatch, capfd):
    """A day with no landing files: `load` exits non-zero, Airflow marks it failed, and the task
    log carries the jar's message naming the cause and the command that fixes it."""
    pipeline = tmp_path / "pipeline.yaml"
    pipeline.write_text("tasks:\n  - id: load\n    command: [load]\n")
    monkeypatch.setenv("TRIANGULATE_PIPELINE", str(pipeline))
    monkeypatch.setenv("TRIANGULATE_CONFIG_DIR", str(CONFIGS))
    monkeypatch.delenv("TRIANGULATE_QUIET")
    from airflow.dag_processing.dagbag import BundleDagBag

    bag = BundleDagBag(dag_folder=DAGS / "triangulate_daily.py", bundle_path=DAGS, bundle_name="dags-folder")
    capfd.readouterr()
    run = bag.dags["triangulate_daily"].test(logical_date=dt.datetime(2026, 2, 1, tzinfo=dt.timezone.utc))
    assert run.state == "failed"
    assert {ti.task_id: ti.state for ti in run.get_task_instances()} == {"load": "failed"}
    captured = capfd.readouterr()
    log = captured.out + captured.err
    assert "no landing folder" in log and "triangulate simulate --ds 2026-02-01" in log, log[-3000:]
    assert "exit code 1" in log
