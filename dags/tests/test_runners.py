"""The runner is configuration: the same DAG file gives DockerOperator or KubernetesPodOperator
tasks running the task image, with the interval templated and the credentials kept private."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

DAGS = Path(__file__).resolve().parents[1]
ROOT = DAGS.parent
PIPELINE = yaml.safe_load((ROOT / "configs" / "pipeline.yaml").read_text())["tasks"]
SECRET = "s3cret-not-for-logs"


def _daily(parse_dags):
    bag = parse_dags(DAGS / "triangulate_daily.py")
    assert bag.import_errors == {}
    return bag.dags["triangulate_daily"]


def test_docker_runner_runs_the_task_image_per_task(monkeypatch, parse_dags):
    pytest.importorskip("airflow.providers.docker")
    from airflow.providers.docker.operators.docker import DockerOperator
    from airflow.serialization.serialized_objects import DagSerialization

    monkeypatch.setenv("TRIANGULATE_RUNNER", "docker")
    monkeypatch.setenv("TRIANGULATE_IMAGE", "triangulate:1.2.3")
    monkeypatch.setenv("TRIANGULATE_DOCKER_NETWORK", "triangulate")
    monkeypatch.setenv("DATABASE_URL", "postgresql://warehouse:5432/triangulate")
    monkeypatch.setenv("DATABASE_USER", "triangulate")
    monkeypatch.setenv("DATABASE_PASSWORD", SECRET)
    dag = _daily(parse_dags)
    for spec in PIPELINE:
        op = dag.get_task(spec["id"])
        assert isinstance(op, DockerOperator)
        assert op.image == "triangulate:1.2.3"
        assert op.command == [*spec["command"], "--ds", "{{ ds }}"]
        assert op.network_mode == "triangulate"
        assert op.environment == {"TRIANGULATE_HOME": "/data"}
        assert op._private_environment["DATABASE_PASSWORD"] == SECRET
        assert [(m["Target"], m["Source"], m["Type"]) for m in op.mounts] == [("/data", "triangulate-home", "volume")]
    # The password never reaches the metadata database or the UI.
    assert SECRET not in json.dumps(DagSerialization.to_dict(dag), default=str)


def test_kubernetes_runner_runs_a_pod_per_task(monkeypatch, parse_dags):
    pytest.importorskip("airflow.providers.cncf.kubernetes")
    from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator

    monkeypatch.setenv("TRIANGULATE_RUNNER", "kubernetes")
    monkeypatch.setenv("TRIANGULATE_IMAGE", "registry.example/triangulate:1.2.3")
    monkeypatch.setenv("TRIANGULATE_K8S_NAMESPACE", "analytics")
    dag = _daily(parse_dags)
    for spec in PIPELINE:
        op = dag.get_task(spec["id"])
        assert isinstance(op, KubernetesPodOperator)
        assert op.image == "registry.example/triangulate:1.2.3"
        assert op.namespace == "analytics"
        assert op.arguments == [*spec["command"], "--ds", "{{ ds }}"]
        assert [e.secret_ref.name for e in op.env_from] == ["triangulate-warehouse"]
        assert [v.persistent_volume_claim.claim_name for v in op.volumes] == ["triangulate-home"]
        assert [m.mount_path for m in op.volume_mounts] == ["/data"]
        assert op.name.startswith("triangulate-") and "_" not in op.name


def test_settings_from_the_environment():
    from triangulate_dags import settings

    s = settings.from_environment(
        {"TRIANGULATE_START_DATE": "2026-02-01", "TRIANGULATE_RETRIES": "0", "TRIANGULATE_JAVA_OPTS": "-Xmx1g -Dx=1"}
    )
    assert s.runner == "bash"
    assert str(s.start_date) == "2026-02-01"
    assert s.retries == 0
    assert s.java_opts == ("-Xmx1g", "-Dx=1")
    with pytest.raises(settings.SettingsError, match="TRIANGULATE_START_DATE must be a date"):
        settings.from_environment({"TRIANGULATE_START_DATE": "yesterday"})
    with pytest.raises(settings.SettingsError, match="TRIANGULATE_RETRIES must be at least 0"):
        settings.from_environment({"TRIANGULATE_RETRIES": "-1"})
