"""Turns a pipeline task into the operator that runs it, as ``TRIANGULATE_RUNNER`` says.

* ``bash`` (default): ``java -jar <jar> <subcommand> --ds {{ ds }}`` on the Airflow worker, for
  a checkout with the jar built (``./triangulate --version`` builds it) and, for one machine, a
  server from ``triangulate db start`` reached through ``DATABASE_URL``.
* ``docker``: the task image, one container per task (``DockerOperator``), with the warehouse
  credentials passed privately and the local state (landing files) on a named volume.
* ``kubernetes``: the task image, one pod per task (``KubernetesPodOperator``), credentials from
  a Secret and the local state on a PersistentVolumeClaim.

Provider imports happen inside the functions, so a DAG using ``bash`` parses on an Airflow that
has neither the Docker nor the Kubernetes provider.
"""

from __future__ import annotations

import os
import shlex

from triangulate_dags.pipeline import PipelineTask
from triangulate_dags.settings import Settings

#: The run's data interval, rendered by Airflow: the day the run processes (its logical date).
DS_TEMPLATE = "{{ ds }}"
#: Where the task image keeps local state (landing and truth files); see the Dockerfile.
CONTAINER_HOME = "/data"


def jar_arguments(task: PipelineTask, settings: Settings) -> list[str]:
    """The jar's arguments for one task: its subcommand, the interval, and shared options."""
    args = [*task.command, "--ds", DS_TEMPLATE]
    if settings.runner == "bash":
        args += ["--config-dir", str(settings.config_dir or settings.default_config_dir)]
    elif settings.config_dir:
        args += ["--config-dir", settings.config_dir]
    return args


def operator(task: PipelineTask, settings: Settings):
    build = {"bash": _bash, "docker": _docker, "kubernetes": _kubernetes}[settings.runner]
    return build(task, settings)


def _common(task: PipelineTask) -> dict:
    return {"task_id": task.id, "doc_md": task.description or None}


def _bash(task: PipelineTask, settings: Settings):
    from airflow.providers.standard.operators.bash import BashOperator

    # Quote everything but the template, which Airflow renders before bash sees the line.
    words = [settings.java, *settings.java_opts, "-jar", str(settings.jar), *jar_arguments(task, settings)]
    command = " ".join(w if w == DS_TEMPLATE else shlex.quote(w) for w in words)
    return BashOperator(
        **_common(task),
        bash_command="exec " + command,
        cwd=str(settings.workdir),
        # The jar's own exit codes: 0 success, 1 task failure (message says how to retry), 2 usage.
        skip_on_exit_code=None,
    )


def _passthrough(settings: Settings) -> dict[str, str]:
    return {k: os.environ[k] for k in settings.passthrough if os.environ.get(k)}


def _docker(task: PipelineTask, settings: Settings):
    from airflow.providers.docker.operators.docker import DockerOperator
    from docker.types import Mount

    return DockerOperator(
        **_common(task),
        image=settings.image,
        command=jar_arguments(task, settings),
        docker_url=settings.docker_url,
        network_mode=settings.docker_network,
        # Not templated, not rendered in the UI, not serialized: the warehouse credentials.
        private_environment=_passthrough(settings),
        environment={"TRIANGULATE_HOME": CONTAINER_HOME},
        mounts=[Mount(target=CONTAINER_HOME, source=settings.docker_home_volume, type="volume")],
        mount_tmp_dir=False,
        auto_remove="success",
        force_pull=False,
    )


def _kubernetes(task: PipelineTask, settings: Settings):
    from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
    from kubernetes.client import models as k8s

    volumes, mounts = [], []
    if settings.k8s_home_claim:
        volumes.append(
            k8s.V1Volume(
                name="triangulate-home",
                persistent_volume_claim=k8s.V1PersistentVolumeClaimVolumeSource(claim_name=settings.k8s_home_claim),
            )
        )
        mounts.append(k8s.V1VolumeMount(name="triangulate-home", mount_path=CONTAINER_HOME))
    env_from = (
        [k8s.V1EnvFromSource(secret_ref=k8s.V1SecretEnvSource(name=settings.k8s_secret))] if settings.k8s_secret else None
    )
    return KubernetesPodOperator(
        **_common(task),
        name="triangulate-" + task.id.replace("_", "-"),
        namespace=settings.k8s_namespace,
        image=settings.image,
        arguments=jar_arguments(task, settings),
        env_vars={"TRIANGULATE_HOME": CONTAINER_HOME},
        env_from=env_from,
        volumes=volumes,
        volume_mounts=mounts,
        get_logs=True,
        image_pull_policy="IfNotPresent",
        on_finish_action="delete_succeeded_pod",
    )
