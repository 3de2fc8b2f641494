"""Extraction speed against jieba on the same corpus, in one run.

Prints characters per second of kg's extraction, ``jieba.lcut`` and
``jieba.posseg.lcut`` on a corpus built by repeating the seed pages (about
5 MB by default), and the peak memory of each phase (ru_maxrss, measured in a
fresh child process per phase so one phase's memory does not hide another's).

    python benchmarks/extract.py            # ~5 MB
    python benchmarks/extract.py --mb 1     # quicker
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(megabytes: float) -> list[str]:
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    pages += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/articles").glob("*.txt"))]
    out, size = [], 0
    while size < megabytes * 1_000_000:
        for page in pages:
            out.append(page)
            size += len(page.encode("utf-8"))
    return out


def run_phase(name: str, megabytes: float) -> dict:
    texts = corpus(megabytes)
    chars = sum(len(t) for t in texts)
    if name == "kg":
        from kg.pipeline import extract_text
        from kg.places import gazetteer_places
        from kg.words import tagged_words

        extract_text(texts[0], "warm-up")
        start = time.perf_counter()
        for i, text in enumerate(texts):
            # the corpus repeats pages: forget what earlier pages taught the caches, so every page
            # costs what a new page would
            gazetteer_places.cache_clear()
            tagged_words.cache_clear()
            extract_text(text, f"page-{i}")
    elif name == "jieba.lcut":
        import jieba

        tokenizer = jieba.Tokenizer()
        tokenizer.lcut(texts[0])
        start = time.perf_counter()
        for text in texts:
            tokenizer.lcut(text)
    else:
        import jieba
        import jieba.posseg

        tagger = jieba.posseg.POSTokenizer(jieba.Tokenizer())
        tagger.lcut(texts[0])
        start = time.perf_counter()
        for text in texts:
            tagger.lcut(text)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "phase": name,
        "chars": chars,
        "seconds": round(seconds, 2),
        "chars_per_s": round(chars / seconds),
        "peak_mb": round(peak_mb),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in megabytes of UTF-8")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(run_phase(args.phase, args.mb)))
        return
    results = {}
    for phase in ("kg", "jieba.lcut", "jieba.posseg.lcut"):
        out = subprocess.run(
            [sys.executable, __file__, "--mb", str(args.mb), "--phase", phase],
            capture_output=True,
            text=True,
            check=True,
        )
        results[phase] = json.loads(out.stdout.strip().splitlines()[-1])
        r = results[phase]
        print(
            f"{phase:<20}{r['chars']:>10,} chars {r['seconds']:>8.2f} s {r['chars_per_s']:>10,} chars/s "
            f"peak {r['peak_mb']:>5} MB"
        )
    kg, lcut, posseg = (results[p]["chars_per_s"] for p in ("kg", "jieba.lcut", "jieba.posseg.lcut"))
    print(
        f"kg / jieba.lcut = {kg / lcut:.2f} (target >= 0.5); "
        f"kg / jieba.posseg = {kg / posseg:.2f} (target > 1)"
    )


if __name__ == "__main__":
    main()
