"""Tags in text frames: split-run repair, rendering with Jinja, paragraph loops, fitting."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from pptx.oxml.ns import qn

from . import measure

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
PARAGRAPH_STATEMENT = re.compile(r"^\s*\{%p\s+(.*?)\s*-?%\}\s*$", re.S)
# Markers that cannot occur in printed data: `tags.protected` strips these characters.
P_OPEN, P_MID, P_CLOSE, R_OPEN, R_CLOSE = "\x02", "\x03", "\x04", "\x05", "\x06"
_OUTPUT_PARAGRAPH = re.compile(f"{P_OPEN}(\\d+){P_MID}(.*?){P_CLOSE}", re.S)
_OUTPUT_RUN = re.compile(f"{R_OPEN}(\\d+){R_CLOSE}")
_MARKERS = re.compile("\x02\\d+\x03|\x05\\d+\x06|[\x02-\x06]")  # indexed ones first
A_R, A_T, A_BR, A_P = qn("a:r"), qn("a:t"), qn("a:br"), qn("a:p")


def strip_markers(text: str) -> str:
    """Return rendered text without the engine's markers."""
    return _MARKERS.sub("", text)


def paragraph_text(p) -> str:
    """Return the text of a paragraph's runs (breaks and fields are not part of tags)."""
    return "".join(r.findtext(A_T) or "" for r in p.iter(A_R))


def has_tags(element) -> bool:
    """Return True when the text inside an element (a text body, a table) holds tags."""
    return any("{" in (t.text or "") for t in element.iter(A_T))


def join_split_tags(p) -> None:
    """Move each tag that PowerPoint split over several runs into the first of those runs."""
    for group in _run_groups(p):
        texts = [r.findtext(A_T) or "" for r in group]
        joined = "".join(texts)
        if not TAG.search(joined):
            continue
        owner = [i for i, t in enumerate(texts) for _ in t]
        for match in TAG.finditer(joined):
            first = owner[match.start()]
            for c in range(match.start(), match.end()):
                owner[c] = first
        new = [""] * len(group)
        for c, ch in enumerate(joined):
            new[owner[c]] += ch
        for run, text in zip(group, new, strict=True):
            run.find(A_T).text = straighten_quotes(text)


_CURLY = str.maketrans({"“": '"', "”": '"', "„": '"', "″": '"', "‘": "'", "’": "'", "‚": "'"})


def straighten_quotes(text: str) -> str:
    """Return text whose tags have straight quotes (AutoCorrect curls them as you type)."""
    return TAG.sub(lambda m: m[0].translate(_CURLY), text) if "{" in text else text


def _run_groups(p) -> list[list]:
    """Return runs in groups that no break or field interrupts."""
    groups, current = [], []
    for child in p:
        if child.tag == A_R and child.find(A_T) is not None:
            current.append(child)
        elif child.tag in (A_BR, qn("a:fld")):
            if current:
                groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def frame_source(txBody) -> str:
    """Return one Jinja source for a text body: paragraphs and runs carry index markers."""
    out = []
    for i, p in enumerate(txBody.findall(A_P)):
        join_split_tags(p)
        statement = PARAGRAPH_STATEMENT.match(paragraph_text(p))
        if statement:
            out.append("{% " + statement[1] + " %}")
            continue
        out.append(f"{P_OPEN}{i}{P_MID}")
        for j, child in enumerate(p):
            if child.tag == A_R:
                out.append(f"{R_OPEN}{j}{R_CLOSE}{child.findtext(A_T) or ''}")
        out.append(P_CLOSE)
    return "".join(out)


def apply_output(txBody, output: str) -> None:
    """Rebuild a text body's paragraphs from rendered output, keeping each run's formatting."""
    originals = txBody.findall(A_P)
    rendered = [(int(match[1]), _run_texts(match[2]))
                for match in _OUTPUT_PARAGRAPH.finditer(output)]
    if [i for i, _ in rendered] == list(range(len(originals))):  # no paragraph loops ran:
        for p, (_, texts) in zip(originals, rendered, strict=True):  # fill them where they are
            _set_texts(p, texts)
        return
    for p in originals:
        txBody.remove(p)
    for index, texts in rendered:
        p = copy.deepcopy(originals[index])
        _set_texts(p, texts)
        txBody.append(p)
    if not txBody.findall(A_P):
        empty = copy.deepcopy(originals[0])
        for run in empty.findall(A_R):
            empty.remove(run)
        txBody.append(empty)


def _run_texts(output: str) -> dict[int, str]:
    parts = _OUTPUT_RUN.split(output)[1:]
    return {int(parts[k]): parts[k + 1] for k in range(0, len(parts), 2)}


def _set_texts(p, texts: dict[int, str]) -> None:
    """Set each run of a paragraph to its rendered text (by the run's index in the paragraph)."""
    for j, child in enumerate(list(p)):
        if child.tag == A_R:
            _set_run_text(p, child, texts.get(j, ""))


def _set_run_text(p, run, text: str) -> None:
    """Set a run's text; line breaks become <a:br/> with the run's own formatting."""
    lines = text.split("\n")
    run.find(A_T).text = lines[0]
    anchor = run
    for line in lines[1:]:
        br = p.makeelement(A_BR, {})
        rpr = run.find(qn("a:rPr"))
        if rpr is not None:
            br.append(copy.deepcopy(rpr))
        anchor.addnext(br)
        new = copy.deepcopy(run)
        new.find(A_T).text = line
        br.addnext(new)
        anchor = new


EMU_PER_PT = 12700
A_RPR, A_END_RPR, A_FLD = qn("a:rPr"), qn("a:endParaRPr"), qn("a:fld")
_AUTOFIT = (qn("a:normAutofit"), qn("a:spAutoFit"), qn("a:noAutofit"))
SHRINK_STEP = 0.05


@dataclass(frozen=True)
class Box:
    """Room for text: usable width and height in EMU, and the font family that fills it."""

    width: int
    height: int
    family: str | None = None


@dataclass(frozen=True)
class _Paragraph:
    text: str  # breaks as line feeds
    size: float  # the largest run size, points
    line: float  # line height per point of size
    before: float  # space before, points
    after: float  # space after, points

    def lines(self, box: Box, size: float) -> list[int]:
        return measure.wrap(self.text, box.width / EMU_PER_PT, size, box.family)

    def height(self, box: Box, scale: float, minimum: float, *, first: bool, last: bool) -> float:
        size = scaled(self.size, scale, minimum)
        return (len(self.lines(box, size)) * size * self.line
                + (0 if first else self.before) + (0 if last else self.after))


def scaled(size: float, scale: float, minimum: float) -> float:
    """Return a font size shrunk by a scale, in half points, never below the minimum."""
    return max(minimum, min(size, round(size * scale * 2) / 2))


def visible_text(p) -> str:
    """Return a paragraph's text as shown: runs and fields, breaks as line feeds."""
    out = []
    for child in p:
        if child.tag in (A_R, A_FLD):
            out.append(child.findtext(A_T) or "")
        elif child.tag == A_BR:
            out.append("\n")
    return "".join(out)


def run_size(p, default: float = 18.0) -> float:
    """Return the font size in points of a paragraph's first sized run, or the default."""
    for rpr in p.iter(A_RPR, A_END_RPR):
        if rpr.get("sz"):
            return int(rpr.get("sz")) / 100
    return default


def _largest_size(p, default: float) -> float:
    sizes = [int(r.get("sz")) / 100 for r in p.iter(A_RPR) if r.get("sz")]
    if any(r.find(A_RPR) is None or not r.find(A_RPR).get("sz") for r in p.iter(A_R, A_FLD)):
        sizes.append(default)  # a run without a size of its own inherits the default
    return max(sizes) if sizes else run_size(p, default)


def _spacing(ppr, tag: str, size: float) -> float:
    element = ppr.find(qn(tag)) if ppr is not None else None
    if element is None:
        return 0.0
    points, percent = element.find(qn("a:spcPts")), element.find(qn("a:spcPct"))
    if points is not None:
        return int(points.get("val", "0")) / 100
    if percent is not None:
        return int(percent.get("val", "0")) / 100000 * size * measure.LINE_HEIGHT
    return 0.0


def _line_factor(ppr, size: float) -> float:
    element = ppr.find(qn("a:lnSpc")) if ppr is not None else None
    if element is not None:
        percent, points = element.find(qn("a:spcPct")), element.find(qn("a:spcPts"))
        if percent is not None:
            return measure.LINE_HEIGHT * int(percent.get("val", "100000")) / 100000
        if points is not None and size:
            return int(points.get("val", "0")) / 100 / size
    return measure.LINE_HEIGHT


def _paragraphs(txBody, default_size: float) -> list[_Paragraph]:
    out = []
    for p in txBody.findall(A_P):
        size = _largest_size(p, default_size)
        ppr = p.find(qn("a:pPr"))
        out.append(_Paragraph(visible_text(p), size, _line_factor(ppr, size),
                              _spacing(ppr, "a:spcBef", size), _spacing(ppr, "a:spcAft", size)))
    return out


def _height(paragraphs: list[_Paragraph], box: Box, scale: float, minimum: float) -> float:
    last = len(paragraphs) - 1
    return sum(p.height(box, scale, minimum, first=i == 0, last=i == last)
               for i, p in enumerate(paragraphs))


def text_height(txBody, box: Box, default_size: float = 18.0) -> int:
    """Return the height in EMU a text body needs at its own sizes."""
    return int(_height(_paragraphs(txBody, default_size), box, 1.0, 0) * EMU_PER_PT)


@dataclass(frozen=True)
class Fitted:
    """The outcome of fitting: paragraphs that move on, the height used, and whether the box
    could not hold even one line (then nothing moves on and the text stands as it is)."""

    rest: list
    height: int
    too_small: bool = False


def split_to_fit(txBody, box: Box, minimum_pt: float, default_size: float = 18.0) -> Fitted:
    """Fit a text body in its box, shrinking no further than `minimum_pt`.

    Sizes are written on every run, so the text renders the same in every office suite
    (no autofit scale for one of them to reinterpret). What does not fit even at the minimum
    moves on: whole paragraphs where at least one fits, else the first paragraph is split at
    a line boundary. Each call keeps at least one line, or reports the box as too small.
    """
    paragraphs, scale = _shrink(txBody, box, minimum_pt, default_size)
    needed = _height(paragraphs, box, scale, minimum_pt) * EMU_PER_PT
    if needed <= box.height:
        return Fitted([], int(needed))
    elements = txBody.findall(A_P)
    used, keep = 0.0, 0
    for i, p in enumerate(paragraphs):
        h = p.height(box, scale, minimum_pt, first=i == 0, last=True) * EMU_PER_PT
        if used + h > box.height:
            break
        used += p.height(box, scale, minimum_pt, first=i == 0, last=False) * EMU_PER_PT
        keep = i + 1
    if keep == 0:  # the first paragraph alone is too tall: split it at a line boundary
        first = paragraphs[0]
        size = scaled(first.size, scale, minimum_pt)
        lines = int(box.height / EMU_PER_PT // (size * first.line))
        if lines < 1:
            return Fitted([], int(needed), too_small=True)
        starts = first.lines(box, size)
        head, tail = split_paragraph(elements[0], starts[lines])
        txBody.replace(elements[0], head)
        rest = [tail, *elements[1:]]
        used = lines * size * first.line * EMU_PER_PT
    else:
        rest = elements[keep:]
    for p in rest:
        if p.getparent() is txBody:
            txBody.remove(p)
    return Fitted(rest, int(used))


def shrink_to_fit(txBody, box: Box, minimum_pt: float, default_size: float = 18.0) -> int:
    """Shrink a text body until it fits its box, not below `minimum_pt`, writing the size on
    every run; nothing moves on. Return the height it needs in EMU."""
    paragraphs, scale = _shrink(txBody, box, minimum_pt, default_size)
    return int(_height(paragraphs, box, scale, minimum_pt) * EMU_PER_PT)


def _shrink(txBody, box: Box, minimum_pt: float, default_size: float
            ) -> tuple[list[_Paragraph], float]:
    """Choose the scale at which a text body fits its box (not below the minimum size) and
    write the sizes on every run: no run is left to inherit a size or an autofit scale."""
    paragraphs = _paragraphs(txBody, default_size)
    largest = max((p.size for p in paragraphs), default=minimum_pt)
    floor = min(1.0, minimum_pt / largest) if largest else 1.0
    scale = 1.0
    while _height(paragraphs, box, scale, minimum_pt) * EMU_PER_PT > box.height and scale > floor:
        scale = max(floor, round(scale - SHRINK_STEP, 2))
    no_autofit_scale(txBody)
    set_sizes(txBody, scale, minimum_pt, default_size)
    return paragraphs, scale


def no_autofit_scale(txBody) -> None:
    """Drop shrink-on-overflow: the engine has chosen the sizes (keep resize-shape-to-fit)."""
    body_pr = txBody.find(qn("a:bodyPr"))
    for child in body_pr.findall(qn("a:normAutofit")):
        body_pr.replace(child, body_pr.makeelement(qn("a:noAutofit"), {}))
    if not any(body_pr.find(tag) is not None for tag in _AUTOFIT):  # none inherited either
        warp = body_pr.find(qn("a:prstTxWarp"))
        body_pr.insert(0 if warp is None else 1, body_pr.makeelement(qn("a:noAutofit"), {}))


def run_properties(txBody):
    """Yield the properties of every run, field, break and paragraph end of a text body, made
    where a run has none (so each can carry its own size)."""
    for p in txBody.findall(A_P):
        for child in p:
            if child.tag in (A_R, A_FLD, A_BR):
                rpr = child.find(A_RPR)
                if rpr is None:
                    rpr = child.makeelement(A_RPR, {"lang": "sv-SE"})
                    child.insert(0, rpr)
                yield rpr
            elif child.tag == A_END_RPR:
                yield child


def set_sizes(txBody, scale: float, minimum: float, default_size: float) -> None:
    """Write the (shrunk) size on every run, break and paragraph end of a text body, never
    below the minimum."""
    for rpr in run_properties(txBody):
        size = int(rpr.get("sz")) / 100 if rpr.get("sz") else default_size
        rpr.set("sz", str(int(scaled(size, scale, minimum) * 100)))


def split_paragraph(p, offset: int):
    """Return a paragraph cut in two at an offset of its visible text (head, tail).

    Both halves keep the paragraph's properties and each run's formatting; the space at the
    cut is dropped.
    """
    head, tail = copy.deepcopy(p), copy.deepcopy(p)
    _keep_range(head, 0, offset)
    _keep_range(tail, offset, None)
    for run in tail.findall(A_R)[:1]:
        t = run.find(A_T)
        t.text = (t.text or "").lstrip()
    content = [c for c in head if c.tag in (A_R, A_FLD, A_BR)]
    if content and content[-1].tag == A_BR:  # a break just before the cut: no empty line
        head.remove(content[-1])
    return head, tail


def _keep_range(p, start: int, end: int | None) -> None:
    """Keep only the visible text between two offsets in a paragraph's runs."""
    position = 0
    for child in list(p):
        if child.tag in (A_R, A_FLD):
            length = len(child.findtext(A_T) or "")
        elif child.tag == A_BR:
            length = 1
        else:
            continue
        lo, hi = position, position + length
        position = hi
        if hi <= start or (end is not None and lo >= end):
            p.remove(child)
        elif child.tag != A_BR and (lo < start or (end is not None and hi > end)):
            t = child.find(A_T)
            t.text = t.text[max(start - lo, 0):(end - lo) if end is not None else None]
