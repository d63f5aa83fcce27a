"""DAG integrity: every DAG file parses on a real Airflow, has no cycles, and the daily DAG's
tasks and dependencies are exactly those of configs/pipeline.yaml."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

DAGS = Path(__file__).resolve().parents[1]
ROOT = DAGS.parent
DAG_FILES = sorted(DAGS.glob("*.py"))
PIPELINE = ROOT / "configs" / "pipeline.yaml"


def pipeline_graph(path: Path = PIPELINE) -> dict[str, set[str]]:
    """Task id -> upstream ids, read straight from the YAML (not through the DAG's helpers)."""
    return {t["id"]: set(t.get("depends_on") or []) for t in yaml.safe_load(path.read_text())["tasks"]}


def dag_graph(dag) -> dict[str, set[str]]:
    return {t.task_id: set(t.upstream_task_ids) for t in dag.tasks}


def test_there_are_dag_files():
    assert [p.name for p in DAG_FILES] == ["triangulate_daily.py"]


@pytest.mark.parametrize("dag_file", DAG_FILES, ids=[p.name for p in DAG_FILES])
def test_dag_file_imports_without_errors_and_has_no_cycles(dag_file, parse_dags):
    bag = parse_dags(dag_file)
    assert bag.import_errors == {}
    assert bag.dags, f"{dag_file.name} defines no DAG"
    for dag in bag.dags.values():
        dag.check_cycle()
        assert dag.doc_md and len(dag.doc_md) > 200, f"{dag.dag_id} needs a doc_md"
        assert dag.default_args.get("retries", 0) >= 1, f"{dag.dag_id} needs retries"
        assert dag.default_args.get("retry_delay"), f"{dag.dag_id} needs a retry delay"
        assert dag.max_active_runs == 1
        assert len(dag_file.read_text().splitlines()) <= 100, f"{dag_file.name} should stay thin"


def test_folder_parses_only_dag_files(parse_dags):
    """Helpers and tests are kept out of parsing by .airflowignore."""
    bag = parse_dags()
    assert bag.import_errors == {}
    assert bag.dag_ids == ["triangulate_daily"]
    assert sorted(Path(s.file).name for s in bag.dagbag_stats) == [p.name for p in DAG_FILES]


def test_tasks_and_dependencies_equal_the_pipeline_file(daily):
    assert dag_graph(daily) == pipeline_graph()
    downstream = {t.task_id: set(t.downstream_task_ids) for t in daily.tasks}
    for task_id, upstream in pipeline_graph().items():
        for u in upstream:
            assert task_id in downstream[u]


def test_each_task_runs_its_jar_subcommand_for_the_runs_day(daily):
    for spec in yaml.safe_load(PIPELINE.read_text())["tasks"]:
        command = daily.get_task(spec["id"]).bash_command
        assert command.startswith("exec java ")
        assert "-jar " + str(ROOT / "tasks" / "cli" / "target" / "triangulate.jar") in command
        assert " ".join(spec["command"]) + " --ds {{ ds }} --config-dir " + str(ROOT / "configs") in command


def test_schedule_catchup_window_and_retries(daily):
    from airflow.sdk import CronDataIntervalTimetable

    sim = yaml.safe_load((ROOT / "configs" / "simulation.yaml").read_text())
    start = dt.date.fromisoformat(str(sim["start_date"]))
    assert isinstance(daily.timetable, CronDataIntervalTimetable)
    assert daily.timetable.expression == "0 0 * * *"
    assert daily.catchup is True
    assert daily.start_date == dt.datetime(start.year, start.month, start.day, tzinfo=dt.timezone.utc)
    assert daily.end_date.date() == start + dt.timedelta(days=sim["days"] - 1)
    assert daily.default_args["retries"] == 2
    assert daily.default_args["retry_delay"] == dt.timedelta(minutes=5)
    assert daily.default_args["depends_on_past"] is True
    # A run's logical date is the day it processes: backfilling 5..7 gives runs for 5, 6 and 7.
    from airflow.serialization.encoders import coerce_to_core_timetable
    from airflow.timetables.base import TimeRestriction

    timetable = coerce_to_core_timetable(daily.timetable)
    restriction = TimeRestriction(earliest=daily.start_date, latest=daily.end_date, catchup=True)
    first = timetable.next_dagrun_info(last_automated_data_interval=None, restriction=restriction)
    second = timetable.next_dagrun_info(last_automated_data_interval=first.data_interval, restriction=restriction)
    assert first.logical_date == daily.start_date
    assert first.data_interval.start == daily.start_date
    assert first.data_interval.end == daily.start_date + dt.timedelta(days=1)
    assert first.run_after == first.data_interval.end  # runs once its day is over
    assert second.logical_date == daily.start_date + dt.timedelta(days=1)


def test_a_task_added_to_the_pipeline_file_appears_in_the_dag(tmp_path, monkeypatch, parse_dags):
    document = yaml.safe_load(PIPELINE.read_text())
    last = document["tasks"][-1]["id"]
    document["tasks"] += [
        {"id": "attribution", "command": ["attribute"], "depends_on": ["build"]},
        {"id": "mmm", "command": ["mmm", "--draws", "200"], "depends_on": ["build"]},
        {"id": "report", "command": ["report"], "depends_on": [last, "attribution", "mmm"]},
    ]
    pipeline = tmp_path / "pipeline.yaml"
    pipeline.write_text(yaml.safe_dump(document))
    monkeypatch.setenv("TRIANGULATE_PIPELINE", str(pipeline))
    monkeypatch.setenv("TRIANGULATE_CONFIG_DIR", str(ROOT / "configs"))
    bag = parse_dags(DAGS / "triangulate_daily.py")
    assert bag.import_errors == {}
    dag = bag.dags["triangulate_daily"]
    assert dag_graph(dag) == pipeline_graph(pipeline)
    assert "mmm --draws 200 --ds {{ ds }}" in dag.get_task("mmm").bash_command


@pytest.mark.parametrize(
    ("tasks", "message"),
    [
        ([{"id": "a", "command": ["a"], "depends_on": ["b"]}, {"id": "b", "command": ["b"], "depends_on": ["a"]}], "cycle"),
        ([{"id": "a", "command": ["a"], "depends_on": ["nope"]}], "unknown task"),
        ([{"id": "Bad-Id", "command": ["a"]}], "lower_snake_case"),
        ([{"id": "a", "command": []}], "command must be a non-empty list"),
    ],
    ids=["cycle", "unknown-dependency", "bad-id", "empty-command"],
)
def test_a_broken_pipeline_file_is_an_import_error_that_says_why(tasks, message, tmp_path, monkeypatch, parse_dags):
    pipeline = tmp_path / "pipeline.yaml"
    pipeline.write_text(yaml.safe_dump({"tasks": tasks}))
    monkeypatch.setenv("TRIANGULATE_PIPELINE", str(pipeline))
    bag = parse_dags(DAGS / "triangulate_daily.py")
    assert bag.dags == {}
    (error,) = bag.import_errors.values()
    assert message in error and str(pipeline) in error


def test_an_unknown_runner_is_an_import_error_naming_the_variable(monkeypatch, parse_dags):
    monkeypatch.setenv("TRIANGULATE_RUNNER", "ssh")
    (error,) = parse_dags(DAGS / "triangulate_daily.py").import_errors.values()
    assert "TRIANGULATE_RUNNER must be one of bash, docker, kubernetes" in error


def test_the_bash_runner_parses_without_the_docker_and_kubernetes_providers():
    """Provider imports are lazy: block them and the DAG must still parse."""
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from airflow.dag_processing.dagbag import BundleDagBag
        from airflow.providers_manager import ProvidersManager
        ProvidersManager().initialize_providers_list()  # discovery may look at every provider
        BLOCKED = ("airflow.providers.docker.operators", "airflow.providers.cncf.kubernetes.operators",
                   "docker", "kubernetes")
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.startswith(BLOCKED):
                    raise ModuleNotFoundError("not installed (blocked for the test): " + name)
        for name in [m for m in sys.modules if m.startswith(BLOCKED)]:
            del sys.modules[name]
        sys.meta_path.insert(0, Block())
        sys.path.insert(0, {str(DAGS)!r})
        bag = BundleDagBag(dag_folder={str(DAGS / "triangulate_daily.py")!r}, bundle_path=Path({str(DAGS)!r}))
        assert not bag.import_errors, bag.import_errors
        assert "triangulate_daily" in bag.dags
        assert not [m for m in sys.modules if m.startswith(BLOCKED)]
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), result.stderr[-3000:]
