"""Publishing: validated tables to atomic Parquet snapshots, a DuckDB catalog, a data package.

Each module is imported where it is used (`from mlefacts.publish.catalog import connect`), so
that reading a table does not load what writing one needs (Pandera, the data package).
"""
