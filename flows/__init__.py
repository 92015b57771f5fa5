"""Prefect flows: wiring only; the work is done by plain functions in `mlefacts`.

Importing this package applies the Prefect settings mlefacts needs (`prefect_defaults`), so
every module here sees them before Prefect itself is imported.
"""

from mlefacts.flows.prefect_defaults import apply_prefect_defaults

apply_prefect_defaults()
