"""The temporary Prefect server's process (`python -m mlefacts.flows.server_process` with
uvicorn's options): uvicorn serving Prefect's API app, as Prefect starts its temporary server
(`python -m uvicorn --factory prefect.server.api.server:create_app ...`), with the app's
imports made while the garbage collector is paused and then frozen (`frozen_imports`). The
collector's walks over the objects those imports pile up took ~1 s of the ~3.7 s from the
server's start until it answers, and a small run waits for that answer."""

from __future__ import annotations

from mlefacts.long_lived import frozen_imports


def main() -> None:
    """Import Prefect's server app and uvicorn, then run uvicorn on this process's arguments."""
    with frozen_imports():
        import prefect.server.api.server  # noqa: F401 - the app the factory option names
        from uvicorn.main import main as uvicorn_main  # the command `python -m uvicorn` runs
    uvicorn_main()


if __name__ == "__main__":
    main()
