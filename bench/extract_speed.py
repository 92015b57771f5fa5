"""Parse + extract per page against `trafilatura.extract`, extractor by extractor, in CPU time.

    python bench/extract_speed.py                      # 60 generated HTML pages, best of 3 passes
    python bench/extract_speed.py --pages 100 --passes 5
    python bench/extract_speed.py --fixtures               # the HTML pages of tests/fixtures
    python bench/extract_speed.py --dump claims.json   # also write every claim, to diff two trees

The pages come from `bench/generate.py` (seed 0, the first HTML articles), as in `bench/run.py`'s
parser race. CPU time, not wall time, because the machine is often shared; each pass starts
with the per-text caches of the document, extract and normalize packages emptied, so a pass
pays for what a fresh page costs, and the best pass is reported. The profile's next items are
printed with `--profile`.

`--fixtures` times the HTML pages of `tests/fixtures/pages*` instead: real layouts, written
after stored public pages, about a tenth of a generated page's length but dense with figures,
so they cost several times more per kilobyte and weigh the figure readers more than the prose.

`--dump` writes every claim (all fields and the quote), every skipped figure and the document's
text and structure hashes of each page of `tests/fixtures/pages*`, the bundled articles and the
generated pages, as canonical JSON: two code trees extract identically when their dumps are
byte-identical.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import hashlib
import importlib
import io
import json
import pkgutil
import pstats
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402

import mlefacts  # noqa: E402
from mlefacts.document.build import build_document  # noqa: E402
from mlefacts.extract import EXTRACTORS, extract_claims, extract_skips  # noqa: E402
from mlefacts.extract.page_frame import frame_by_page  # noqa: E402
from mlefacts.long_lived import freeze  # noqa: E402

MEDIA = {".html": "text/html", ".md": "text/markdown", ".txt": "text/plain"}


def html_pages(count: int) -> list[str]:
    """The first `count` generated HTML articles (seed 0)."""
    pages: list[str] = []
    index = 0
    while len(pages) < count:
        _, extension, text = generate.render_article(index, seed=0, text_fraction=0.2)
        if extension == "html":
            pages.append(text)
        index += 1
    return pages


def fixture_pages() -> list[str]:
    """The HTML pages of the fixture corpus (`tests/fixtures/pages*`), in name order."""
    folders = ("tests/fixtures/pages", "tests/fixtures/pages_heldout")
    return [
        page.read_text("utf-8")
        for folder in folders
        for page in sorted((ROOT / folder).glob("*.html"))
    ]


def _text_caches() -> list[ModuleType]:
    names = [
        info.name
        for info in pkgutil.walk_packages(mlefacts.__path__, "mlefacts.")
        if info.name.split(".")[1] in ("document", "extract", "normalize")
    ]
    return [importlib.import_module(name) for name in names]


def clear_text_caches(modules: list[ModuleType]) -> None:
    """Empty the bounded caches (keyed by texts and documents), keep vocabularies and patterns."""
    for module in modules:
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if info is not None and info().maxsize is not None:
                value.cache_clear()


def measure(pages: list[str], *, passes: int) -> dict[str, float]:
    """Best-pass CPU milliseconds per page: trafilatura, parse, each extractor, the page frame."""
    import trafilatura

    modules = _text_caches()
    for page in pages[:3]:  # warm-up: imports, vocabularies, compiled patterns
        trafilatura.extract(page)
        extract_claims(build_document(source_id="warm", text=page, media_type="text/html"))
    freeze()  # as a batch worker does after its first batch (flows/workers.py)
    best: dict[str, float] = {}
    for number in range(passes):
        clear_text_caches(modules)
        spent: dict[str, float] = {"trafilatura": 0.0, "parse": 0.0}
        for index, page in enumerate(pages):
            started = time.process_time()
            trafilatura.extract(page)
            spent["trafilatura"] += time.process_time() - started
            started = time.process_time()
            doc = build_document(source_id=f"p{number}_{index}", text=page, media_type="text/html")
            spent["parse"] += time.process_time() - started
            claims = []
            for module in EXTRACTORS:
                started = time.process_time()
                claims.extend(module.extract(doc))
                spent[module.NAME] = spent.get(module.NAME, 0.0) + time.process_time() - started
            started = time.process_time()
            frame_by_page(doc, claims)  # the page's year and pay period, as `extract_claims`
            spent["page_frame"] = spent.get("page_frame", 0.0) + time.process_time() - started
        for name, seconds in spent.items():
            best[name] = min(best.get(name, seconds), seconds)
    return {name: seconds * 1e3 / len(pages) for name, seconds in best.items()}


def profile(pages: list[str], *, top: int) -> str:
    """cProfile of parse + extract over the pages, by own time."""
    profiler = cProfile.Profile()
    for index, page in enumerate(pages):
        profiler.enable()
        extract_claims(build_document(source_id=f"q{index}", text=page, media_type="text/html"))
        profiler.disable()
    report = io.StringIO()
    pstats.Stats(profiler, stream=report).sort_stats("tottime").print_stats(top)
    return report.getvalue()


def dump(path: Path, generated: int) -> int:
    """Write the canonical claims dump (see the module docstring); return the claim count."""
    files = [
        page
        for folder in ("tests/fixtures/pages", "tests/fixtures/pages_heldout")
        for page in sorted((ROOT / folder).iterdir())
        if page.suffix in MEDIA and page.name.lower() != "readme.md"
    ]
    files += sorted((ROOT / "raw" / "bundled").glob("*.txt"))
    entries = [
        (str(page.relative_to(ROOT)), page.suffix, page.read_text("utf-8")) for page in files
    ]
    for index in range(generated):
        _, extension, text = generate.render_article(index, seed=0, text_fraction=0.2)
        entries.append((f"generated/{index:06d}.{extension}", f".{extension}", text))
    out: dict[str, object] = {}
    for name, suffix, text in entries:
        doc = build_document(source_id="s", text=text, media_type=MEDIA[suffix])
        claims, failures = extract_claims(doc)
        out[name] = {
            "text_sha": hashlib.sha256(doc.text.encode()).hexdigest(),
            "structure": hashlib.sha256(
                repr((doc.blocks, doc.tables, doc.cards)).encode()
            ).hexdigest(),
            "claims": [
                dict(dataclasses.asdict(c), quote=doc.text[c.char_start : c.char_end])
                for c in claims
            ],
            "failures": [dataclasses.asdict(f) for f in failures],
            "skips": [dataclasses.asdict(s) for s in extract_skips(doc)],
        }
    path.write_text(json.dumps(out, indent=1, sort_keys=True, default=str, ensure_ascii=False))
    return sum(len(entry["claims"]) for entry in out.values())  # type: ignore[index, arg-type]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60, help="generated HTML pages to time")
    parser.add_argument(
        "--fixtures", action="store_true", help="time the fixture HTML pages, not generated ones"
    )
    parser.add_argument("--passes", type=int, default=3, help="timed passes; the best is kept")
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile")
    parser.add_argument("--dump", type=Path, default=None, help="write the claims dump here")
    parser.add_argument("--dump-generated", type=int, default=300, help="generated pages dumped")
    args = parser.parse_args(argv)
    if args.dump is not None:
        count = dump(args.dump, args.dump_generated)
        print(f"{count} claims written to {args.dump}")
        return
    pages = fixture_pages() if args.fixtures else html_pages(args.pages)
    ms = measure(pages, passes=args.passes)
    extract_ms = sum(value for name, value in ms.items() if name not in ("trafilatura", "parse"))
    total = ms["parse"] + extract_ms
    median_kb = statistics.median(len(page.encode()) for page in pages) / 1e3
    kind = "fixture" if args.fixtures else "generated"
    print(f"{len(pages)} {kind} HTML pages, median {median_kb:.1f} KB, CPU ms per page:")
    for name, value in sorted(ms.items(), key=lambda item: -item[1]):
        print(f"  {name:18s} {value:6.2f}")
    print(f"  parse + extract    {total:6.2f}  = {total / ms['trafilatura']:.2f}x trafilatura")
    if args.profile:
        print(profile(pages, top=30))


if __name__ == "__main__":
    main()
