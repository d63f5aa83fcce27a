"""Helpers shared by Triangulate's Airflow DAGs.

The DAG files stay thin: they read the task graph from ``configs/pipeline.yaml``
(:mod:`triangulate_dags.pipeline`), take their settings from the environment
(:mod:`triangulate_dags.settings`) and turn each task into an operator that runs one
subcommand of the task jar (:mod:`triangulate_dags.runners`). Nothing here imports a provider
package at module level, so the DAGs parse on an Airflow without the Docker or Kubernetes
providers installed.
"""
