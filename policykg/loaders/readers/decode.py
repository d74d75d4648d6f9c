"""Bytes -> str for text formats (txt, html, csv): which encoding, and a refusal for binary.

Detection is charset-normalizer's job, not ours; we only steer it where it is known
to be weak. Measured here (charset-normalizer 3.5): the three GBK bytes of 科技厅 come
back as Big5 mojibake (褪撮泆), and a 20-character GBK title as UTF-16-BE, even when
the candidates are restricted to the Chinese family. So the order is:

1. a byte-order mark decides (UTF-8, UTF-16, UTF-32);
2. NUL bytes without a UTF-16/32 BOM mean a binary file;
3. strict UTF-8 wins whenever it decodes (legacy double-byte text almost never does);
4. charset-normalizer chooses among the Chinese family (GB18030 ⊃ GBK, Big5), and a
   GB reading whose ideographs are nearly all in GB2312 (the 6,763 common simplified
   characters) is preferred to a Big5 reading: Big5 bytes read as GB land in GBK's
   extension rows or symbol rows, so that ratio tells the two apart;
5. charset-normalizer unrestricted, for anything else, if the result looks like text;
6. a nearly clean UTF-8 or GB18030 file (a truncated download, one bad byte) is read
   with the few bad bytes replaced, rather than refused.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from policykg.loaders.errors import LoaderError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHINESE_FAMILY = ["gb18030", "big5"]
_GB2312_SHARE = 0.9  # of ideographs in a GB reading, to accept it over Big5
_LENIENT_GB2312_SHARE = 0.8  # lower: a lost byte shifts the pairs after it, up to the next ASCII byte
_CJK_SHARE = 0.5  # of non-ASCII characters in any Chinese-family reading
_MAX_REPLACED = 0.001  # share of characters a lenient decode may replace


@dataclass(frozen=True)
class Decoded:
    """What a reader returns: the text, and the encoding for formats that have one."""

    text: str
    encoding: str | None


def decode(data: bytes, source: str) -> Decoded:
    """Decode a text file's bytes, or raise LoaderError saying why they are not text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise LoaderError(source, f"undecodable bytes after a {codec} byte-order mark ({exc.reason})") from exc
            return Decoded(text.lstrip("\ufeff"), "utf-8" if codec == "utf-8-sig" else codec)
    if b"\x00" in data:
        raise LoaderError(source, "binary file (NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    chosen = _nearly_utf8(data) or _chinese(data) or _other(data) or _nearly_gb18030(data)
    if chosen is None:
        raise LoaderError(source, "undecodable bytes: not text in UTF-8, GB18030/GBK, Big5 or another known encoding")
    if _control_share(chosen.text) > 0.05:
        raise LoaderError(source, "binary file (control bytes), not text")
    return chosen


def _chinese(data: bytes) -> Decoded | None:
    readings = {m.encoding: str(m) for m in from_bytes(data, cp_isolation=_CHINESE_FAMILY)}
    gb = readings.get("gb18030")
    if gb is not None and _gb2312_share(gb) >= _GB2312_SHARE:
        return Decoded(gb, "gb18030")
    big5 = readings.get("big5")
    if big5 is not None and _cjk_share(big5) >= _CJK_SHARE:
        return Decoded(big5, "big5")
    if gb is not None and _cjk_share(gb) >= _CJK_SHARE:
        return Decoded(gb, "gb18030")  # GBK also holds traditional characters, outside GB2312
    return None


def _other(data: bytes) -> Decoded | None:
    best = from_bytes(data).best()
    if best is None or best.encoding.startswith(("utf_16", "utf_32")):
        return None  # no BOM and no NUL: a UTF-16 reading of odd bytes is mojibake
    text = str(best)
    return Decoded(text, best.encoding) if _looks_like_text(text) else None


def _nearly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a stray bad byte or a cut-off last character (a truncated download).

    Legacy double-byte text fails on nearly every character, so a couple of errors
    among many well-formed multi-byte characters means UTF-8.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    wide = sum(1 for ch in text if not ch.isascii())
    return Decoded(text, "utf-8") if bad <= 2 and bad <= 0.01 * wide else None


def _nearly_gb18030(data: bytes) -> Decoded | None:
    """GB18030/GBK with a few undecodable bytes, if it otherwise reads as Chinese."""
    text = data.decode("gb18030", errors="replace")
    bad = text.count("\ufffd")
    if (
        bad <= max(2, _MAX_REPLACED * len(text))
        and _gb2312_share(text) >= _LENIENT_GB2312_SHARE
        and _looks_like_text(text)
    ):
        return Decoded(text, "gb18030")
    return None


def _is_ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _is_cjk(ch: str) -> bool:
    """Ideographs plus the CJK punctuation and full-width forms that Chinese text uses."""
    return _is_ideograph(ch) or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—·"


_SAMPLE = 65536  # characters looked at to judge a reading; enough to decide, cheap on a 50 MB file


def _gb2312_share(text: str) -> float:
    """Share of non-ASCII characters that are GB2312 ideographs or CJK punctuation."""
    wide = [ch for ch in text[:_SAMPLE] if not ch.isascii()]
    if not wide:
        return 0.0
    ok = 0
    for ch in wide:
        if _is_ideograph(ch):
            try:
                ch.encode("gb2312")
                ok += 1
            except UnicodeEncodeError:
                pass
        elif _is_cjk(ch):
            ok += 1
    return ok / len(wide)


def _cjk_share(text: str) -> float:
    wide = [ch for ch in text[:_SAMPLE] if not ch.isascii()]
    return sum(map(_is_cjk, wide)) / len(wide) if wide else 0.0


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if (ch < " " and ch not in "\t\n\r\f\v") or ch == "\x7f")
    return controls / len(text)


def _looks_like_text(text: str) -> bool:
    """Few control characters and little private-use area: what mojibake of binary is full of."""
    if not text.strip():
        return False
    odd = sum(1 for ch in text if "\ue000" <= ch <= "\uf8ff" or ch == "\ufffd")
    return _control_share(text) <= 0.05 and odd <= 0.05 * len(text)
