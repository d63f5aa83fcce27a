"""Mechanical checks of docker-compose.yml, .env.example and the Dockerfile (this machine has no
Docker engine): services, health checks, mounts and names agree with what the DAG expects."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())  # resolves anchors and merge keys
SERVICES = COMPOSE["services"]
ENV_EXAMPLE = (ROOT / ".env.example").read_text()
DOCKERFILE = (ROOT / "Dockerfile").read_text()
AIRFLOW_SERVICES = ["airflow-apiserver", "airflow-scheduler", "airflow-dag-processor", "airflow-triggerer"]
LONG_RUNNING = ["postgres", "warehouse", *AIRFLOW_SERVICES]


def _env(service: str) -> dict[str, str]:
    return {k: str(v) for k, v in (SERVICES[service].get("environment") or {}).items()}


def _mount(volume: str) -> tuple[str, str]:
    """'source:target[:mode]' -> (target, source); the source may hold '${VAR:-default}'."""
    parts = volume.rsplit(":", 2) if volume.endswith((":ro", ":rw")) else volume.rsplit(":", 1)
    return parts[1], parts[0]


def _stages() -> list[tuple[str, str]]:
    return re.findall(r"^FROM\s+(?:--platform=\S+\s+)?(\S+)\s+AS\s+(\S+)", DOCKERFILE, flags=re.M | re.I)


def test_compose_has_the_databases_airflow_services_and_task_image():
    assert set(LONG_RUNNING + ["airflow-init", "triangulate-image"]) <= set(SERVICES)


@pytest.mark.parametrize("service", LONG_RUNNING)
def test_long_running_services_have_health_checks_and_restart(service):
    check = SERVICES[service]["healthcheck"]
    assert check["test"][0] in ("CMD", "CMD-SHELL") and len(check["test"]) > 1
    assert SERVICES[service]["restart"] == "always"


@pytest.mark.parametrize("service", AIRFLOW_SERVICES)
def test_airflow_services_share_the_settings_dags_and_pipeline(service):
    env = _env(service)
    assert env["AIRFLOW__CORE__EXECUTOR"] == "LocalExecutor"
    assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("postgresql+psycopg2://airflow:")
    assert "@postgres/airflow" in env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
    assert env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"] == "http://airflow-apiserver:8080/execution/"
    assert env["AIRFLOW__API_AUTH__JWT_SECRET"]  # one secret for all components
    mounts = dict(_mount(v) for v in SERVICES[service]["volumes"])
    assert mounts["/opt/airflow/dags"].endswith("/dags")
    assert Path(env["TRIANGULATE_PIPELINE"]).parent.as_posix() in mounts
    assert mounts[Path(env["TRIANGULATE_PIPELINE"]).parent.as_posix()].endswith("/configs")
    assert SERVICES[service]["command"] in ("api-server", "scheduler", "dag-processor", "triggerer")
    assert SERVICES[service]["depends_on"]["airflow-init"]["condition"] == "service_completed_successfully"


def test_depends_on_conditions_are_satisfiable():
    for name, service in SERVICES.items():
        for other, spec in (service.get("depends_on") or {}).items():
            assert other in SERVICES, f"{name} depends on unknown {other}"
            if spec["condition"] == "service_healthy":
                assert "healthcheck" in SERVICES[other], f"{name} waits for {other} to be healthy; it has no check"
            if spec["condition"] == "service_completed_successfully":
                assert SERVICES[other].get("restart", "no") == "no", f"{other} must run once"


def test_scheduler_can_start_task_containers_on_the_shared_network_and_volume():
    scheduler = SERVICES["airflow-scheduler"]
    env = _env("airflow-scheduler")
    assert "/var/run/docker.sock:/var/run/docker.sock" in scheduler["volumes"]
    assert env["TRIANGULATE_RUNNER"].endswith("docker}")  # ${TRIANGULATE_RUNNER:-docker}
    assert env["TRIANGULATE_DOCKER_NETWORK"] == COMPOSE["networks"]["default"]["name"]
    assert env["TRIANGULATE_DOCKER_HOME_VOLUME"] == COMPOSE["volumes"]["triangulate-home"]["name"]
    assert env["DATABASE_URL"].startswith("postgresql://warehouse:5432/")
    assert scheduler["depends_on"]["warehouse"]["condition"] == "service_healthy"
    assert scheduler["depends_on"]["triangulate-image"]["condition"] == "service_completed_successfully"
    image = SERVICES["triangulate-image"]
    assert image["build"]["target"] == "task" and image["image"] == env["TRIANGULATE_IMAGE"]
    assert "triangulate-home:/data" in image["volumes"]


def test_build_targets_exist_in_the_dockerfile():
    stages = dict((alias, base) for base, alias in _stages())
    assert SERVICES["triangulate-image"]["build"]["target"] in stages
    assert SERVICES["airflow-apiserver"]["build"]["target"] in stages


def test_every_compose_variable_is_documented_in_env_example():
    text = (ROOT / "docker-compose.yml").read_text()
    used = set(re.findall(r"(?<!\$)\$\{([A-Z_][A-Z0-9_]*)", text))
    documented = set(re.findall(r"^#?\s*([A-Z_][A-Z0-9_]*)=", ENV_EXAMPLE, flags=re.M))
    assert used - documented == set()


def test_every_dag_setting_is_documented_in_env_example():
    source = (ROOT / "dags" / "triangulate_dags" / "settings.py").read_text()
    read = set(re.findall(r"[\"'](TRIANGULATE_[A-Z0-9_]+)[\"']", source))
    documented = set(re.findall(r"^#?\s*(TRIANGULATE_[A-Z0-9_]+)=", ENV_EXAMPLE, flags=re.M))
    assert read and read - documented == set()


def test_airflow_version_is_the_same_everywhere():
    pinned = re.search(r"^apache-airflow==(\S+)", (ROOT / "requirements-airflow.txt").read_text(), flags=re.M).group(1)
    assert re.search(r"^ARG AIRFLOW_VERSION=(\S+)", DOCKERFILE, flags=re.M).group(1) == pinned
    assert f"AIRFLOW_VERSION:-{pinned}" in (ROOT / "docker-compose.yml").read_text()
    assert f"AIRFLOW_VERSION={pinned}" in ENV_EXAMPLE
    provider = re.search(r"^apache-airflow-providers-docker==(\S+)", (ROOT / "requirements-airflow.txt").read_text(), flags=re.M)
    assert re.search(r"^ARG DOCKER_PROVIDER_VERSION=(\S+)", DOCKERFILE, flags=re.M).group(1) == provider.group(1)


def test_dockerfile_is_multi_stage_with_a_non_root_jre_runtime_last():
    stages = _stages()
    assert [alias for _, alias in stages] == ["build", "airflow", "task"]
    assert "jdk" in stages[0][0] and "jre" in stages[-1][0]
    runtime = DOCKERFILE[DOCKERFILE.rindex("FROM "):]
    user = re.findall(r"^USER\s+(\S+)", runtime, flags=re.M)
    assert user and user[-1] not in ("root", "0")
    assert re.search(r"^COPY --from=build \S+ /app/triangulate.jar", runtime, flags=re.M)
    assert re.search(r"^COPY sql/ /app/sql/", runtime, flags=re.M)
    assert re.search(r"^COPY configs/ /app/configs/", runtime, flags=re.M)
    assert re.search(r'^ENTRYPOINT \[.*"-jar", "/app/triangulate.jar"\]', runtime, flags=re.M)
    assert "ENV TRIANGULATE_HOME=/data" in runtime


def test_dockerignore_keeps_what_the_build_copies():
    ignored = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines() if line.strip() and not line.startswith("#")]
    for copied in re.findall(r"^COPY (?!--from)(.+) \S+$", DOCKERFILE, flags=re.M):
        for path in copied.split():
            assert path.rstrip("/") not in [i.rstrip("/") for i in ignored], f"{path} is copied but ignored"
    assert "**/target" in ignored and ".git" in ignored


def _tool(name: str) -> str:
    import shutil
    import sys

    path = Path(sys.executable).parent / name
    found = str(path) if path.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed (it comes with requirements-airflow.txt)")
    return found


def test_compose_file_is_valid_against_the_compose_specification():
    import subprocess

    result = subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", "vendor.compose-spec", str(ROOT / "docker-compose.yml")],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_passes_hadolint():
    import subprocess

    result = subprocess.run([_tool("hadolint"), str(ROOT / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
