"""triangulate_daily: the Triangulate pipeline, one run per day, tasks from configs/pipeline.yaml."""

from __future__ import annotations

import datetime as dt

from airflow.sdk import DAG, CronDataIntervalTimetable

from triangulate_dags import pipeline, runners, settings

cfg = settings.from_environment()
tasks = pipeline.load(cfg.pipeline_file)
window = pipeline.simulation_window(cfg.config_dir or cfg.default_config_dir)
simulated = any(t.command[0] == "simulate" for t in tasks)
start = cfg.start_date or (window[0] if window else dt.date(2026, 1, 5))
end = cfg.end_date or (window[1] if window and simulated else None)


def _utc(day: dt.date | None) -> dt.datetime | None:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc) if day else None


DOC = f"""
### Triangulate, daily

One run per day **D** (its logical date, `{{{{ ds }}}}`), covering the interval D 00:00 to D+1 00:00
UTC and starting once that day is over. Each task is one subcommand of the Triangulate jar run
with `--ds D`; tasks that model a trailing window (experiments, attribution, MMM) take the window
ending at D. Tasks and dependencies come from `{cfg.pipeline_file.name}`, the same file
`triangulate run` reads: **{" → ".join(pipeline.execution_order(tasks))}**.

* **Idempotent**: a task replaces only its own day's output, so clearing a run, re-running a day or
  backfilling a range leaves the same tables as running each day once.
* **In order**: `max_active_runs=1` and `depends_on_past` keep days from racing on the same tables
  and make day D wait for day D-1 (trailing windows read earlier days).
* **Backfill**: `airflow backfill create --dag-id triangulate_daily --from-date 2026-01-05 --to-date 2026-01-11`
  (add `--reprocess-behavior completed` to redo days that already ran).
* **Runner**: `TRIANGULATE_RUNNER` = `{cfg.runner}` (`bash`: `java -jar` on the worker; `docker`:
  DockerOperator with the task image; `kubernetes`: KubernetesPodOperator).
* **Failures**: a task retries {cfg.retries} time(s), {int(cfg.retry_delay.total_seconds())} s apart; its log
  ends with what failed and the command that retries it. Every task run is also a row in
  `ops.task_runs` (task, ds, start, end, rows read/written, status, message).

Schedule window: {start} to {end or "open-ended"} (`TRIANGULATE_START_DATE` / `TRIANGULATE_END_DATE`;
by default the simulated world's days from `simulation.yaml`).
"""

with DAG(
    dag_id="triangulate_daily",
    description="Triangulate pipeline for one day: " + " → ".join(pipeline.execution_order(tasks)),
    doc_md=DOC,
    # Interval semantics: the run for day D starts after D ends and has logical date D.
    schedule=CronDataIntervalTimetable("0 0 * * *", timezone="UTC"),
    start_date=_utc(start),
    end_date=_utc(end),
    catchup=True,
    max_active_runs=1,
    default_args={
        "owner": "triangulate",
        "depends_on_past": True,
        "retries": cfg.retries,
        "retry_delay": cfg.retry_delay,
        "execution_timeout": cfg.execution_timeout,
    },
    tags=["triangulate"],
) as dag:
    operators = {t.id: runners.operator(t, cfg) for t in tasks}
    for t in tasks:
        for upstream in t.depends_on:
            operators[upstream] >> operators[t.id]
