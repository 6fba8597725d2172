"""Tags in text frames: split-run repair, rendering with Jinja, paragraph loops, fitting."""

from __future__ import annotations

import copy
import re

from pptx.oxml.ns import qn

from . import measure

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
PARAGRAPH_STATEMENT = re.compile(r"^\s*\{%p\s+(.*?)\s*-?%\}\s*$", re.S)
# Markers that cannot occur in data: the environment's finalize strips these characters.
P_OPEN, P_MID, P_CLOSE, R_OPEN, R_CLOSE = "\x02", "\x03", "\x04", "\x05", "\x06"
_OUTPUT_PARAGRAPH = re.compile(f"{P_OPEN}(\\d+){P_MID}(.*?){P_CLOSE}", re.S)
_OUTPUT_RUN = re.compile(f"{R_OPEN}(\\d+){R_CLOSE}")
A_R, A_T, A_BR, A_P = qn("a:r"), qn("a:t"), qn("a:br"), qn("a:p")


def paragraph_text(p) -> str:
    """Return the text of a paragraph's runs (breaks and fields are not part of tags)."""
    return "".join(r.findtext(A_T) or "" for r in p.iter(A_R))


def has_tags(txBody) -> bool:
    """Return True when a text body holds template tags."""
    return any("{" in (t.text or "") for t in txBody.iter(A_T))


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
            run.find(A_T).text = text


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
    for p in originals:
        txBody.remove(p)
    for match in _OUTPUT_PARAGRAPH.finditer(output):
        source = originals[int(match[1])]
        parts = _OUTPUT_RUN.split(match[2])[1:]
        texts = {int(parts[k]): parts[k + 1] for k in range(0, len(parts), 2)}
        p = copy.deepcopy(source)
        for j, child in enumerate(list(p)):
            if child.tag == A_R:
                _set_run_text(p, child, texts.get(j, ""))
        txBody.append(p)
    if not txBody.findall(A_P):
        empty = copy.deepcopy(originals[0])
        for run in empty.findall(A_R):
            empty.remove(run)
        txBody.append(empty)


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


def lines_needed(text: str, width_emu: int, size_pt: float) -> int:
    """Return how many lines a text takes in a column of the given width."""
    return measure.lines_needed(text, width_emu / EMU_PER_PT, size_pt)


def text_height(paragraphs: list[tuple[str, float]], width_emu: int) -> int:
    """Return the height in EMU that (text, size) paragraphs need in a box of this width."""
    points = 0.0
    for text, size in paragraphs:
        points += lines_needed(text, width_emu, size) * size * measure.LINE_HEIGHT + size * 0.3
    return int(points * EMU_PER_PT)


def run_size(p, default: float = 18.0) -> float:
    """Return the font size in points of a paragraph's first sized run, or the default."""
    for rpr in p.iter(qn("a:rPr"), qn("a:endParaRPr")):
        if rpr.get("sz"):
            return int(rpr.get("sz")) / 100
    return default


def fit_text(txBody, width_emu: int, height_emu: int, minimum_scale: float) -> bool:
    """Shrink a text body's font to fit its box (normAutofit); return False if it cannot."""
    paragraphs = [(paragraph_text(p), run_size(p)) for p in txBody.findall(A_P)]
    needed = text_height(paragraphs, width_emu)
    if needed <= height_emu:
        return True
    scale = 1.0
    while scale > minimum_scale:
        scale = round(scale - 0.05, 2)
        scaled = [(t, s * scale) for t, s in paragraphs]
        if text_height(scaled, width_emu) <= height_emu:
            break
    body_pr = txBody.find(qn("a:bodyPr"))
    for child in list(body_pr):
        if child.tag in (qn("a:normAutofit"), qn("a:spAutoFit"), qn("a:noAutofit")):
            body_pr.remove(child)
    autofit = body_pr.makeelement(qn("a:normAutofit"), {"fontScale": f"{int(scale * 100000)}"})
    body_pr.insert(0, autofit)
    return text_height([(t, s * scale) for t, s in paragraphs], width_emu) <= height_emu



def split_to_fit(txBody, width_emu: int, height_emu: int, minimum_scale: float) -> list:
    """Fit a text body, shrinking first; return the paragraphs that must move to a new slide."""
    if fit_text(txBody, width_emu, height_emu, minimum_scale):
        return []
    paragraphs = txBody.findall(A_P)
    sized = [(paragraph_text(p), run_size(p) * minimum_scale) for p in paragraphs]
    keep = len(paragraphs) - 1
    while keep > 1 and text_height(sized[:keep], width_emu) > height_emu:
        keep -= 1
    rest = paragraphs[keep:]
    for p in rest:
        txBody.remove(p)
    fit_text(txBody, width_emu, height_emu, minimum_scale)
    return rest
