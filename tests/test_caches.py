"""The functions the package caches for the life of a process: a worker serves every batch of a
run (a Dask worker, many runs), so a cache keyed by what pages say must be bounded."""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil

import mlefacts

# Unbounded caches whose arguments come from the package's own data files or code (a data
# file's name, a key of it, a flag, a vocabulary's words), never from a page: their entries
# stop growing once each is asked once.
CLOSED_KEYS = {
    "mlefacts.config.package_digest",
    "mlefacts.document.html._anchor_tag",
    "mlefacts.extract.context._discipline_pattern",
    "mlefacts.extract.context._phrase_pattern",
    "mlefacts.extract.context._place_scanner",
    "mlefacts.extract.context.state_country",
    "mlefacts.extract.context.vocabulary",
    "mlefacts.extract.coverage.reason_cues",
    "mlefacts.extract.cues._any_key",
    "mlefacts.extract.cues._interned",
    "mlefacts.extract.grammar.cue_pattern",
    "mlefacts.extract.prose_rankings._bits",
    "mlefacts.extract.rank_marks.prose_marker",
    "mlefacts.extract.responsibilities._cued",
    "mlefacts.extract.responsibilities._pattern",
    "mlefacts.extract.salary._rate_count",
    "mlefacts.extract.shares._words",
    "mlefacts.extract.skills._mention_keys",
    "mlefacts.extract.table_frame._place_lead",
    "mlefacts.normalize._data.case_forms",
    "mlefacts.normalize.money._sign_families",
    "mlefacts.normalize.money._stated_pattern",
    "mlefacts.normalize.money.prefix_pattern_ending",
    "mlefacts.normalize.numbers.cardinal_pattern",
    "mlefacts.normalize.quantities._atom_pattern",
    "mlefacts.normalize.quantities._larger_unit_pattern",
    "mlefacts.normalize.skills._act_forms",
    "mlefacts.publish.parquet.canonical_schema",
    "mlefacts.report.render._template",
    "mlefacts.settings._field_docs",
    "mlefacts.toml_files.data_words",
    "mlefacts.toml_files.load_data",
}


def _unbounded_caches_with_arguments() -> set[str]:
    found = set()
    for info in pkgutil.walk_packages(mlefacts.__path__, "mlefacts."):
        if info.name.endswith("__main__"):  # runs the command line
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (
                isinstance(value, functools._lru_cache_wrapper)
                and value.__module__ == module.__name__
                and value.cache_parameters()["maxsize"] is None
                and inspect.signature(value.__wrapped__).parameters
            ):
                found.add(f"{module.__name__}.{name}")
    return found


def test_every_cache_keyed_by_what_pages_say_is_bounded() -> None:
    # One keyed by a page's words (a table header, a subject, the words before a figure, a tag
    # name a page made up) grew with every batch a worker served.
    assert _unbounded_caches_with_arguments() == CLOSED_KEYS
