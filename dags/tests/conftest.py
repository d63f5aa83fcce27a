"""A throwaway Airflow for the tests: its own AIRFLOW_HOME and SQLite metadata database, the
repository's dags/ as the DAG folder. Set up here, before any test imports airflow, because
Airflow reads its configuration at import time."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

DAGS = Path(__file__).resolve().parents[1]
ROOT = DAGS.parent

# Never the developer's own Airflow: a fresh home every session.
_AIRFLOW_HOME = Path(tempfile.mkdtemp(prefix="triangulate-airflow-"))
os.environ.update(
    {
        "AIRFLOW_HOME": str(_AIRFLOW_HOME),
        "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{_AIRFLOW_HOME / 'airflow.db'}",
        "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
        # INFO: task output (the jar's messages) reaches the captured output of dag.test().
        "AIRFLOW__LOGGING__LOGGING_LEVEL": "INFO",
    }
)
# Settings the DAG reads must come from each test, not from the shell that ran pytest.
for name in [n for n in os.environ if n.startswith("TRIANGULATE_") or n.startswith("DATABASE_")]:
    del os.environ[name]
if str(DAGS) not in sys.path:
    sys.path.insert(0, str(DAGS))  # as Airflow's dag-processor does for the bundle folder


@pytest.fixture(scope="session", autouse=True)
def airflow_metadata_db():
    result = subprocess.run(
        [sys.executable, "-m", "airflow", "db", "migrate"], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        pytest.exit(f"airflow db migrate failed:\n{result.stdout}\n{result.stderr}", returncode=1)
    yield _AIRFLOW_HOME
    shutil.rmtree(_AIRFLOW_HOME, ignore_errors=True)


def parse(path: Path = DAGS):
    """Parses DAG files the way the dag-processor parses the dags-folder bundle (fresh each time,
    so settings read from the environment at parse time take effect)."""
    from airflow.dag_processing.dagbag import BundleDagBag

    return BundleDagBag(dag_folder=path, bundle_path=DAGS, bundle_name="dags-folder")


def parse_daily():
    bag = parse(DAGS / "triangulate_daily.py")
    assert not bag.import_errors, bag.import_errors
    return bag.dags["triangulate_daily"]


@pytest.fixture
def parse_dags():
    return parse


@pytest.fixture
def daily():
    return parse_daily()
