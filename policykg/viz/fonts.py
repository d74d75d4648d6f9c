"""A font with Chinese glyphs for charts, or one clear error: never a chart of boxes (tofu).

Found in this order: ``$POLICYKG_CJK_FONT`` (a font file), then well-known CJK
families matplotlib knows (Noto Sans CJK from Debian's ``fonts-noto-cjk``, Source
Han Sans, WenQuanYi, Microsoft YaHei, PingFang), then any family with "CJK" in its
name. Each candidate must hold a glyph for every character of ``PROBE``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

ENV = "POLICYKG_CJK_FONT"
PREFERRED = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
             "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "SimHei", "Noto Serif CJK SC", "Source Han Serif SC")
#: Characters every chart title uses (技术交易额, 目标, 实际, 亿元, 万件); a font missing one would draw a box.
PROBE = "中文技术交易额目标实际亿元万件单位牵头任务年"
INSTALL_HINT = ("install one: `apt-get install fonts-noto-cjk` (Debian/Ubuntu), `dnf install google-noto-sans-cjk-fonts` "
                "(Fedora), or point POLICYKG_CJK_FONT at a .otf/.ttf/.ttc file with Chinese glyphs")


class NoCJKFont(RuntimeError):
    """No installed font can draw Chinese; the message says how to get one."""


@dataclass(frozen=True)
class CJKFont:
    family: str
    path: Path


def has_glyphs(path: str | Path, text: str = PROBE) -> bool:
    try:
        face = FT2Font(str(path))
    except (OSError, RuntimeError, ValueError):
        return False
    return all(face.get_char_index(ord(ch)) != 0 for ch in text)


def _candidates() -> list[CJKFont]:
    entries = font_manager.fontManager.ttflist
    by_family: dict[str, list[font_manager.FontEntry]] = {}
    for entry in entries:
        by_family.setdefault(entry.name, []).append(entry)
    names = [f for f in PREFERRED if f in by_family] + sorted(f for f in by_family if "CJK" in f and f not in PREFERRED)
    out = []
    for family in names:
        regular = sorted(by_family[family], key=lambda e: (e.weight not in (400, "normal", "regular"), e.style != "normal"))
        out.append(CJKFont(family, Path(regular[0].fname)))
    return out


@lru_cache(maxsize=1)
def cjk_font() -> CJKFont:
    """The font charts draw Chinese with; raises ``NoCJKFont`` when there is none."""
    override = os.environ.get(ENV)
    if override:
        path = Path(override)
        if not path.is_file() or not has_glyphs(path):
            raise NoCJKFont(f"{ENV}={override} is not a font file with Chinese glyphs; {INSTALL_HINT}")
        font_manager.fontManager.addfont(str(path))
        return CJKFont(font_manager.FontProperties(fname=str(path)).get_name(), path)
    for attempt in range(2):
        for font in _candidates():
            if has_glyphs(font.path):
                return font
        if attempt == 0:
            # matplotlib caches its font list; a font installed after the cache was made is only seen on a rescan
            font_manager.fontManager = font_manager._load_fontmanager(try_read_cache=False)  # type: ignore[attr-defined]
    raise NoCJKFont(f"no font with Chinese glyphs is installed, so a chart would show boxes instead of 中文; {INSTALL_HINT}")
