"""Settings of the Triangulate DAGs, from environment variables of the Airflow processes.

Environment variables (not Airflow Variables) because the DAG file reads them at parse time:
they cost nothing to read, and ``AIRFLOW__…``-style deployment (compose, Helm) sets them the
same way. Every variable is listed in ``.env.example`` at the repository root.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

RUNNERS = ("bash", "docker", "kubernetes")

#: The repository root when the DAGs run from a checkout (``dags/`` sits in it) or from the
#: compose mount (``/opt/airflow/dags`` beside ``/opt/airflow/configs``).
ROOT = Path(__file__).resolve().parents[2]


class SettingsError(ValueError):
    """A setting has a value outside its allowed ones; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    runner: str
    pipeline_file: Path
    start_date: dt.date | None
    end_date: dt.date | None
    retries: int
    retry_delay: dt.timedelta
    execution_timeout: dt.timedelta
    # bash runner: the jar on this machine
    java: str
    java_opts: tuple[str, ...]
    jar: Path
    config_dir: str | None
    workdir: Path
    # docker and kubernetes runners: the task image
    image: str
    docker_url: str
    docker_network: str | None
    docker_home_volume: str
    k8s_namespace: str
    k8s_secret: str | None
    k8s_home_claim: str | None
    passthrough: tuple[str, ...]

    @property
    def default_config_dir(self) -> Path:
        return self.pipeline_file.parent


def _date(env: Mapping[str, str], name: str) -> dt.date | None:
    value = env.get(name, "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise SettingsError(f"{name} must be a date YYYY-MM-DD, got {value!r}") from e


def _int(env: Mapping[str, str], name: str, default: int, minimum: int = 0) -> int:
    value = env.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError as e:
        raise SettingsError(f"{name} must be a whole number, got {value!r}") from e
    if number < minimum:
        raise SettingsError(f"{name} must be at least {minimum}, got {number}")
    return number


def from_environment(env: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if env is None else env
    runner = env.get("TRIANGULATE_RUNNER", "bash").strip().lower() or "bash"
    if runner not in RUNNERS:
        raise SettingsError(f"TRIANGULATE_RUNNER must be one of {', '.join(RUNNERS)}; got {runner!r}")
    pipeline_file = Path(env.get("TRIANGULATE_PIPELINE") or ROOT / "configs" / "pipeline.yaml")
    return Settings(
        runner=runner,
        pipeline_file=pipeline_file,
        start_date=_date(env, "TRIANGULATE_START_DATE"),
        end_date=_date(env, "TRIANGULATE_END_DATE"),
        retries=_int(env, "TRIANGULATE_RETRIES", 2),
        retry_delay=dt.timedelta(seconds=_int(env, "TRIANGULATE_RETRY_DELAY_SECONDS", 300)),
        execution_timeout=dt.timedelta(minutes=_int(env, "TRIANGULATE_TASK_TIMEOUT_MINUTES", 120, minimum=1)),
        java=env.get("TRIANGULATE_JAVA") or "java",
        java_opts=tuple(shlex.split(env.get("TRIANGULATE_JAVA_OPTS", "-Xmx4g"))),
        jar=Path(env.get("TRIANGULATE_JAR") or ROOT / "tasks" / "cli" / "target" / "triangulate.jar"),
        config_dir=env.get("TRIANGULATE_CONFIG_DIR") or None,
        workdir=Path(env.get("TRIANGULATE_WORKDIR") or ROOT),
        image=env.get("TRIANGULATE_IMAGE") or "triangulate:local",
        docker_url=env.get("TRIANGULATE_DOCKER_URL") or "unix://var/run/docker.sock",
        docker_network=env.get("TRIANGULATE_DOCKER_NETWORK") or None,
        docker_home_volume=env.get("TRIANGULATE_DOCKER_HOME_VOLUME") or "triangulate-home",
        k8s_namespace=env.get("TRIANGULATE_K8S_NAMESPACE") or "default",
        k8s_secret=env.get("TRIANGULATE_K8S_SECRET", "triangulate-warehouse") or None,
        k8s_home_claim=env.get("TRIANGULATE_K8S_HOME_CLAIM", "triangulate-home") or None,
        passthrough=("DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD"),
    )
