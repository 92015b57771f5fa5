"""Helpers the tests share, one module per kind of thing they build (tests/ is on sys.path).

- `support.paths`: where the repository, the bundled articles and the fixtures are.
- `support.documents`: bundled articles and fixture pages parsed into Documents.
- `support.claims`: small claim and source tables for the reconcile tests.
- `support.tables`: small valid curated tables for schema, validation and publish tests.
- `support.runs`: manifests and real pipeline runs into a data directory (no Prefect server).
"""
