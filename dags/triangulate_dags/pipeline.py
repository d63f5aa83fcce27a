"""The task graph, read from ``configs/pipeline.yaml``: the file ``triangulate run`` also reads.

The order of the tasks is written down only there; a task added to that file (attribution, MMM…)
appears in the DAG with its dependencies without touching any Python.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

_ID = re.compile(r"[a-z][a-z0-9_]*")


class PipelineError(ValueError):
    """The pipeline file is missing or malformed; the message names the file and the field."""


@dataclass(frozen=True)
class PipelineTask:
    """One node: a jar subcommand (e.g. ``("build",)``) run with ``--ds YYYY-MM-DD`` appended."""

    id: str
    command: tuple[str, ...]
    depends_on: tuple[str, ...]
    description: str


def load(path: Path) -> list[PipelineTask]:
    """Tasks in file order, validated the same way the Java side validates them."""
    try:
        document = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise PipelineError(f"cannot read the pipeline file {path}: {e}") from e
    except yaml.YAMLError as e:
        raise PipelineError(f"{path} is not valid YAML: {e}") from e
    if not isinstance(document, dict) or not isinstance(document.get("tasks"), list) or not document["tasks"]:
        raise PipelineError(f"{path}: 'tasks' must be a non-empty list")
    tasks: list[PipelineTask] = []
    for i, raw in enumerate(document["tasks"]):
        where = f"{path}: tasks[{i}]"
        if not isinstance(raw, dict):
            raise PipelineError(f"{where} must be a mapping with id, command, depends_on")
        task_id = raw.get("id")
        if not isinstance(task_id, str) or not _ID.fullmatch(task_id):
            raise PipelineError(f"{where}.id must be lower_snake_case, got {task_id!r}")
        command = raw.get("command")
        if not isinstance(command, list) or not command or not all(isinstance(c, str) and c for c in command):
            raise PipelineError(f"{where} ({task_id}).command must be a non-empty list of strings, got {command!r}")
        depends_on = raw.get("depends_on") or []
        if not isinstance(depends_on, list) or not all(isinstance(d, str) for d in depends_on):
            raise PipelineError(f"{where} ({task_id}).depends_on must be a list of task ids, got {depends_on!r}")
        tasks.append(PipelineTask(task_id, tuple(command), tuple(depends_on), str(raw.get("description") or "")))
    ids = [t.id for t in tasks]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise PipelineError(f"{path}: task ids appear twice: {duplicates}")
    for t in tasks:
        unknown = [d for d in t.depends_on if d not in ids]
        if unknown:
            raise PipelineError(f"{path}: task '{t.id}' depends on unknown task(s) {unknown}; known: {ids}")
    try:
        execution_order(tasks)
    except PipelineError as e:
        raise PipelineError(f"{path}: {e}") from None
    return tasks


def execution_order(tasks: list[PipelineTask]) -> list[str]:
    """Task ids with every task after all it depends on; file order breaks ties (as in Java)."""
    by_id = {t.id: t for t in tasks}
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(task_id: str, trail: tuple[str, ...]) -> None:
        if state.get(task_id) == "done":
            return
        if state.get(task_id) == "visiting":
            raise PipelineError("the task graph has a cycle: " + " -> ".join((*trail, task_id)))
        state[task_id] = "visiting"
        for d in by_id[task_id].depends_on:
            visit(d, (*trail, task_id))
        state[task_id] = "done"
        order.append(task_id)

    for t in tasks:
        visit(t.id, ())
    return order


def simulation_window(config_dir: Path) -> tuple[dt.date, dt.date] | None:
    """First and last day of the simulated world (``configs/simulation.yaml``), if there is one."""
    path = Path(config_dir) / "simulation.yaml"
    if not path.is_file():
        return None
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    start, days = document.get("start_date"), document.get("days")
    if isinstance(start, str):
        start = dt.date.fromisoformat(start)
    if not isinstance(start, dt.date) or not isinstance(days, int) or days < 1:
        return None
    return start, start + dt.timedelta(days=days - 1)
