"""`python -m mlefacts.cli`, as the `mlefacts` script runs it."""

from mlefacts.cli import app

app()
