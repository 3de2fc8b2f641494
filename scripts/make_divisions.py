"""Convert jionlp's location dictionary into kg/data/divisions.tsv and division_changes.tsv.

Usage::

    python scripts/make_divisions.py /path/to/jionlp-1.5.31-py2.py3-none-any.whl [--out kg/data]

Reads ``jionlp/dictionary/china_location.zip`` (province → city → county →
township → village tree) and ``china_location_change.txt`` (dated renames)
straight from the wheel; villages are dropped.  See kg/data/SOURCES.md.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kg.gazetteer import GENERIC_NAMES, short_form

VERSION = "1"
PSEUDO = ("省直辖行政区划", "市直辖行政区划", "区直辖行政区划", "县直辖行政区划")
TOWNSHIP_SUFFIXES = ("镇", "乡", "街道", "苏木", "街道办事处")
NOT_TOWNSHIP = ("监狱", "公司", "农场", "林场", "筹备处", "管理处")
ZONE_ABBREVIATIONS = (
    ("高新技术产业开发区", "高新区"), ("高新技术产业园区", "高新区"), ("高新技术开发区", "高新区"),
    ("高技术产业开发区", "高新区"), ("经济技术开发区", "经开区"), ("经济开发区", "经开区"),
)  # fmt: skip


@dataclass
class Node:
    name: str
    code: str
    alias: str
    level: str
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    out_code: str = ""


def read_wheel(path: Path) -> tuple[str, str]:
    """Location tree text and change-log text from the wheel."""
    with zipfile.ZipFile(path) as whl:
        inner = whl.read("jionlp/dictionary/china_location.zip")
        changes = whl.read("jionlp/dictionary/china_location_change.txt").decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(inner)) as z:
        tree = z.read("china_location.txt").decode("utf-8")
    return tree, changes


def parse_tree(text: str) -> list[Node]:
    """Provinces with nested cities, counties and townships (villages skipped)."""
    levels = ("provincial", "city", "county", "township")
    stack: list[Node] = []
    roots: list[Node] = []
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        if not line.strip() or depth > 3:
            continue
        fields = line.strip().split("\t") + ["", ""]
        node = Node(fields[0], fields[1], fields[2], levels[depth])
        del stack[depth:]
        if depth:
            node.parent = stack[-1]
            stack[-1].children.append(node)
        else:
            roots.append(node)
        stack.append(node)
    return roots


def is_township(name: str) -> bool:
    """Genuine township-level divisions only (no farms, prisons, companies, zones)."""
    return name.endswith(TOWNSHIP_SUFFIXES) and not any(w in name for w in NOT_TOWNSHIP)


def zone_short(name: str, province_short: str) -> str:
    """``山西长治高新技术产业园区`` → ``长治高新区``; other names unchanged."""
    for long, abbr in ZONE_ABBREVIATIONS:
        if name.endswith(long):
            name = name[: -len(long)] + abbr
            break
    for prefix in (province_short, province_short + "省"):
        if name.startswith(prefix) and len(name) - len(prefix) >= 4:
            name = name[len(prefix) :]
    return name


def township_short(name: str, parent: Node | None) -> str:
    """Short form of a township, without a leading county name (``济源市王屋镇`` → ``王屋``)."""
    short = short_form(name)
    if parent is not None:
        for prefix in (parent.name, short_form(parent.name)):
            if short.startswith(prefix) and len(short) - len(prefix) >= 2:
                return short[len(prefix) :]
    return short


def choose_short(node: Node, province_short: str) -> tuple[str, list[str]]:
    """Short name and extra aliases for a province, city or county node."""
    aliases = [a for a in node.alias.split("/") if a]
    short = aliases[0] if aliases else short_form(node.name)
    if short in GENERIC_NAMES or len(short) < 2:
        short = zone_short(node.name, province_short)
        if short in GENERIC_NAMES:
            short = node.name
    return short, [a for a in aliases[1:] if a not in (short, node.name)]


def flatten(roots: list[Node]) -> list[list[str]]:
    """Rows (code, name, short, level, parent_code, aliases) with pseudo levels removed."""
    rows: list[list[str]] = []
    used: set[str] = set()
    for prov in roots:
        emit(prov, None, prov.alias, rows, used)
    return rows


def emit(node: Node, parent: Node | None, prov_short: str, rows: list, used: set[str]) -> None:
    """Emit ``node`` under ``parent`` and recurse; pseudo and duplicate levels pass their children up."""
    if node.level == "township" and not is_township(node.name):
        return
    duplicate = node.level == "city" and parent is not None and node.code == parent.code
    if node.name in PSEUDO or duplicate:
        for child in node.children:
            emit(child, parent, prov_short, rows, used)
        return
    node.out_code = assign_code(node, parent, used)
    if node.level == "township":
        short, extra = township_short(node.name, parent), []
    else:
        short, extra = choose_short(node, prov_short)
    parent_code = parent.out_code if parent else ""
    rows.append([node.out_code, node.name, short, node.level, parent_code, "|".join(extra)])
    for child in node.children:
        emit(child, node, prov_short, rows, used)


def assign_code(node: Node, parent: Node | None, used: set[str]) -> str:
    """The node's own 6-digit code, or a synthetic ``<parent>-<nnn>`` when missing or taken."""
    code = node.code
    if not re.fullmatch(r"\d{6}", code or "") or code in used or node.level == "township":
        assert parent is not None, node.name
        n = 1
        while f"{parent.out_code}-{n:03d}" in used:
            n += 1
        code = f"{parent.out_code}-{n:03d}"
    used.add(code)
    return code


def dedupe_townships(roots: list[Node]) -> None:
    """Sort townships by name within each county and drop repeats, for stable synthetic codes."""

    def walk(node: Node) -> None:
        if node.children and node.children[0].level == "township":
            seen: dict[str, Node] = {}
            for child in node.children:
                seen.setdefault(child.name, child)
            node.children = sorted(seen.values(), key=lambda n: n.name)
        for child in node.children:
            walk(child)

    for root in roots:
        walk(root)


def parse_changes(text: str, rows: list[list[str]]) -> list[tuple[str, ...]]:
    """Rows (date, old_name, old_short, old_parent, new_code, new_name, new_parent, approval).

    Where the tree still carries the old name of a renamed division, the row in
    ``rows`` is renamed to the new name (the code is kept).
    """
    names = {r[0]: r[1] for r in rows}
    by_code = {r[0]: r for r in rows}
    out = []
    for line in text.splitlines():
        if "=>" not in line:
            continue
        old, new = line.split("=>")
        o, n = old.split("\t"), new.split("\t")
        if len(o) == 8:
            day, approval, old_parent, old_name, old_short = o[0], o[1], o[4], o[6], o[7]
            new_parent, new_name = n[1], n[2]
        else:
            day, approval, old_parent, old_name, old_short = o[0], o[1], o[2], o[4], o[5]
            new_parent, new_name = n[0], n[1]
        code = find_target(rows, names, new_parent, new_name)
        if code and by_code[code][1] == old_name != new_name:
            print(f"renamed {old_name} -> {new_name} ({code})", file=sys.stderr)
            by_code[code][1], by_code[code][2] = new_name, short_form(new_name)
            names[code] = new_name
        if not code:
            print(f"unresolved change: {line}", file=sys.stderr)
        elif old_name == names[code] and old_parent == new_parent:
            continue
        new_name = names.get(code, new_name)
        out.append((day, old_name, old_short, old_parent, code, new_name, new_parent, approval))
    return sorted(set(out))


def find_target(rows: list[list[str]], names: dict[str, str], parent: str, name: str) -> str:
    """Code of ``name`` under ``parent``: exact name, same short form, or a one-character typo."""
    siblings = [r for r in rows if r[3] in ("city", "county") and names.get(r[4]) == parent]
    for r in siblings:
        if r[1] == name:
            return r[0]
    for r in siblings:
        if short_form(r[1]) == short_form(name):
            return r[0]
    for r in siblings:
        a = r[1]
        same_ends = len(a) == len(name) and a[0] == name[0] and a[-1] == name[-1]
        if same_ends and sum(x != y for x, y in zip(a, name, strict=True)) == 1:
            print(f"change target {name} read as {a}", file=sys.stderr)
            return r[0]
    return ""


def write(out: Path, rows: list[list[str]], changes: list[tuple[str, ...]], wheel: str) -> None:
    stamp = f"# kg divisions v{VERSION}; source {wheel}; generated {date.today().isoformat()}"
    with (out / "divisions.tsv").open("w", encoding="utf-8", newline="\n") as f:
        f.write(stamp + "; township codes are synthetic (<county code>-<nnn>)\n")
        f.write("code\tname\tshort\tlevel\tparent_code\taliases\n")
        f.writelines("\t".join(r) + "\n" for r in rows)
    with (out / "division_changes.tsv").open("w", encoding="utf-8", newline="\n") as f:
        f.write(stamp + "\n")
        f.write("date\told_name\told_short\told_parent\tnew_code\tnew_name\tnew_parent\tapproval\n")
        f.writelines("\t".join(r) + "\n" for r in changes)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wheel", type=Path)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "kg" / "data")
    args = ap.parse_args(argv)
    tree, change_text = read_wheel(args.wheel)
    roots = parse_tree(tree)
    dedupe_townships(roots)
    rows = flatten(roots)
    changes = parse_changes(change_text, rows)
    write(args.out, rows, changes, args.wheel.name)
    print(Counter(r[3] for r in rows), f"{len(changes)} changes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
