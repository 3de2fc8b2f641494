"""Convert jionlp's world location list into kg/data/world.tsv.

    python scripts/make_world.py /tmp/jionlp-1.5.31-py2.py3-none-any.whl [--out kg/data]

Source: jionlp 1.5.31 (Apache-2.0), ``dictionary/world_location.txt``: continents, countries with
their full names, capitals and major cities.  China's own divisions come from divisions.tsv.
"""

from __future__ import annotations

import argparse
import zipfile
from pathlib import Path

HEADER = (
    "# Countries, their capitals and major cities, by continent.\n"
    "# Source: jionlp 1.5.31 (Apache-2.0) dictionary/world_location.txt;\n"
    "# regenerate with scripts/make_world.py.\n"
    "# name\tkind\tcountry\tcontinent\talias\n"
)


def rows(text: str) -> list[tuple[str, str, str, str, str]]:
    out: list[tuple[str, str, str, str, str]] = []
    continent = ""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.endswith(":") or line.endswith("："):
            continent = line.rstrip(":：")
            out.append((continent, "continent", "", "", ""))
            continue
        parts = line.split("\t")
        country, full = parts[0], parts[1] if len(parts) > 1 else ""
        out.append((country, "country", country, continent, full if full != country else ""))
        if country == "中国":
            continue
        for field in parts[2:4]:
            for city in filter(None, field.split("/")):
                if city != country:
                    out.append((city, "city", country, continent, ""))
    seen: set[str] = set()
    return [r for r in out if not (r[0] in seen or seen.add(r[0]))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("wheel")
    parser.add_argument("--out", default="kg/data")
    args = parser.parse_args()
    with zipfile.ZipFile(args.wheel) as wheel:
        text = wheel.read("jionlp/dictionary/world_location.txt").decode("utf-8")
    lines = ["\t".join(r) for r in rows(text)]
    Path(args.out, "world.tsv").write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} world places")


if __name__ == "__main__":
    main()
