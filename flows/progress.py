"""Prefect's flow and task log lines, handed to a callback (the CLI shows them in a spinner)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_LOGGERS = ("prefect.flow_runs", "prefect.task_runs")


class _CallbackHandler(logging.Handler):
    """Passes 'task or flow run name: message' of each INFO record to a callback."""

    def __init__(self, on_event: Callable[[str], None]) -> None:
        super().__init__(logging.INFO)
        self.on_event = on_event

    def emit(self, record: logging.LogRecord) -> None:
        name = getattr(record, "task_run_name", None) or getattr(record, "flow_run_name", "")
        self.on_event(f"{name}: {record.getMessage()}")


@contextmanager
def flow_events(on_event: Callable[[str], None]) -> Iterator[None]:
    """Call `on_event` with each flow and task run event while the block runs."""
    # Prefect configures its logging when `prefect.main` is first imported (the flow's module
    # imports it), and a first configuration after this would drop the handler: imported now,
    # it configures logging once (`ensure_logging_setup` here made that import configure it a
    # second time: 0.05 s of CPU, most of it dumping every Prefect setting).
    import prefect.main  # noqa: F401

    loggers = [logging.getLogger(name) for name in _LOGGERS]
    handler = _CallbackHandler(on_event)
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
