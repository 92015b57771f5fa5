"""Prefect flows: wiring only; the work is done by plain functions in `mlefacts`."""
