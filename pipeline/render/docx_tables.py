"""Tables of a rendered Word document made to hold on paper, in Word and in LibreOffice alike:
no row splits across a page break, and no column is narrower than its longest word.

The template gives each column its width; once the workbook's text is in, a column whose
longest word (measured in the template's font at the table text's size) would not fit gets
the room it needs, taken from the columns with room to spare. "Funktionsnedsättning" never
breaks inside a narrow column.
"""

from __future__ import annotations

import re
from functools import cache

from lxml import etree

from .pptx.measure import fits_one_line

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W}
TWIPS_PER_PT = 20
PAD_TWIPS = 108 * 2 + 60  # the cell margins left and right (Table Grid), and a little more
BOLD = 1.08  # bold runs are wider than the regular ones measured


def _q(name: str) -> str:
    return f"{{{W}}}{name}"


@cache
def word_pt(word: str, size_pt: float, font: str) -> float:
    """Return the width of a word (or a short text) in points: the least column width it fits
    on one line."""
    low, high = 0.0, max(40.0, len(word) * size_pt)
    while high - low > 0.25:
        mid = (low + high) / 2
        if fits_one_line(word, mid, size_pt, font):
            high = mid
        else:
            low = mid
    return high


def text_style(styles_xml: bytes, name: str = "Tabelltext") -> tuple[float, str]:
    """Return the size in points and the font of a paragraph style, as the template has them
    (10 pt Calibri when the template does not say)."""
    text = styles_xml.decode("utf-8", "replace")
    size, font = 10.0, "Calibri"
    style = _style_element(text, name)
    if style and (sz := re.search(r'<w:sz w:val="(\d+)"', style)):
        size = int(sz[1]) / 2
    fonts = re.search(r'<w:rFonts [^>]*w:ascii="([^"]+)"', text)
    if fonts:
        font = fonts[1]
    return size, font


_STYLE_START = re.compile(r"<w:style\b[^>]*>")


def _style_element(text: str, name: str) -> str:
    """Return the <w:style> element whose name is `name` ("" when there is none), found from
    its name outwards (a pattern spanning the styles part takes milliseconds)."""
    end_tag = "</w:style>"
    for found in re.finditer(re.escape(f'<w:name w:val="{name}"/>'), text):
        closed = text.rfind(end_tag, 0, found.start())
        start = _STYLE_START.search(text, closed + len(end_tag) if closed >= 0 else 0,
                                    found.start())
        end = text.find(end_tag, found.end())
        if start is not None and end >= 0:
            return text[start.start():end + len(end_tag)]
    return ""


def hold_tables(xml: str, size_pt: float = 10.0, font: str = "Calibri") -> str:
    """Return a document part whose tables' rows never split and whose columns fit their
    longest words; a table with merged cells keeps its widths."""
    if "<w:tbl>" not in xml and "<w:tbl " not in xml:
        return xml
    root = etree.fromstring(xml.encode("utf-8"))
    for table in root.iter(_q("tbl")):
        rows = table.findall(_q("tr"))
        for row in rows:
            _cant_split(row)
        _fit_columns(table, rows, size_pt, font)
    declaration = xml[:xml.index("?>") + 2] if xml.startswith("<?xml") else ""
    body = etree.tostring(root, encoding="unicode")
    return f"{declaration}\n{body}" if declaration else body


def _cant_split(row) -> None:
    """Give a row w:cantSplit (CT_Row: tblPrEx, then trPr, then the cells)."""
    trpr = row.find(_q("trPr"))
    if trpr is None:
        trpr = etree.Element(_q("trPr"))
        after = row.find(_q("tblPrEx"))
        row.insert(0 if after is None else row.index(after) + 1, trpr)
    if trpr.find(_q("cantSplit")) is None:
        trpr.insert(0, etree.Element(_q("cantSplit")))


def _fit_columns(table, rows, size_pt: float, font: str) -> None:
    grid = table.find(_q("tblGrid"))
    if grid is None or table.find(f".//{_q('gridSpan')}") is not None \
            or table.find(f".//{_q('vMerge')}") is not None:
        return
    cols = grid.findall(_q("gridCol"))
    widths = [int(c.get(_q("w"), "0")) for c in cols]
    if not all(widths):
        return
    need = [0] * len(cols)
    for row in rows:
        bold = row.find(f"{_q('trPr')}/{_q('tblHeader')}") is not None
        cells = row.findall(_q("tc"))
        if len(cells) != len(cols):
            return
        for i, cell in enumerate(cells):
            for paragraph in cell.iter(_q("p")):
                text = "".join(t.text or "" for t in paragraph.iter(_q("t")))
                for word in text.split():
                    pt = word_pt(word, size_pt, font) * (BOLD if bold else 1.0)
                    need[i] = max(need[i], int(pt * TWIPS_PER_PT) + PAD_TWIPS)
    fitted = fit_widths(widths, need)
    if fitted == widths:
        return
    for col, width in zip(cols, fitted, strict=True):
        col.set(_q("w"), str(width))
    for row in rows:
        for cell, width in zip(row.findall(_q("tc")), fitted, strict=True):
            tcw = cell.find(f"{_q('tcPr')}/{_q('tcW')}")
            if tcw is not None:
                tcw.set(_q("w"), str(width))
                tcw.set(_q("type"), "dxa")


def fit_widths(widths: list[int], need: list[int]) -> list[int]:
    """Return column widths with the same total where each column is at least what it needs,
    the room taken from the others in proportion to what they can spare. When the words need
    more than the table's width, every column gets its share of what there is."""
    total = sum(widths)
    if all(w >= n for w, n in zip(widths, need, strict=True)):
        return list(widths)
    if sum(need) > total:
        return _shares(need, total)
    wanting = sum(max(0, n - w) for w, n in zip(widths, need, strict=True))
    spare = [max(0, w - n) for w, n in zip(widths, need, strict=True)]
    room = sum(spare)
    out = [max(w, n) - (s * wanting // room if s else 0)
           for w, n, s in zip(widths, need, spare, strict=True)]
    out[max(range(len(out)), key=lambda i: spare[i])] += total - sum(out)  # rounding
    return out


def _shares(need: list[int], total: int) -> list[int]:
    out = [n * total // sum(need) for n in need]
    out[-1] += total - sum(out)
    return out


def text_width_cm(xml: str, at: int) -> float | None:
    """Return the text width in cm of the section that holds position `at` of document.xml:
    its page width less its margins (the section's properties follow its last paragraph)."""
    found = re.search(r"<w:sectPr\b.*?</w:sectPr>", xml[at:], re.S)
    if not found:
        return None
    page = re.search(r'<w:pgSz\b[^>]*\bw:w="(\d+)"', found[0])
    left = re.search(r'<w:pgMar\b[^>]*\bw:left="(\d+)"', found[0])
    right = re.search(r'<w:pgMar\b[^>]*\bw:right="(\d+)"', found[0])
    if not (page and left and right):
        return None
    return (int(page[1]) - int(left[1]) - int(right[1])) / 567
