"""docxtemplater (Node) as a peer: the beslutsunderlag rendered from an equivalent Word template.

The peer's template is made from ours (templates/beslutsunderlag.docx) by rewriting docxtpl's
tags into docxtemplater's: {{ x }} → {x}, {%p for x in y %} → {#y} alone in its paragraph
(dropped with `paragraphLoop`), {%tr for … %} rows → {#y} … {/y} in the repeated row, {% if %}
→ a condition section, {{ veckoschema }} → {@veckoschema} (raw XML, as ours inserts the week
grid). Regenerate it with `python -m bench.peers` after a change to our template.

The data is our own context, exported as JSON with what our template filters do already done
(dates written out, |stycken split, |part and |namnder looked up, the week grid as XML);
docxtemplater's expressions parser handles dots, `||` and `.length`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_PROJECT = Path(__file__).resolve().parent / "docxtemplater"
PEER_TEMPLATE = NODE_PROJECT / "beslutsunderlag.docx"
OUR_TEMPLATE = ROOT / "templates" / "beslutsunderlag.docx"
# The parts whose tags are rewritten (docxtemplater renders the same ones)
_PARTS = re.compile(r"^(word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml|docProps/core\.xml)$")
_ROW = re.compile(r"<w:tr[ >].*?</w:tr>", re.S)
_TEXT = re.compile(r"(<w:t(?:\s[^>]*)?>)(.*?)(</w:t>)", re.S)
_TAG = re.compile(r"\{%-?(?:[pr]|tr)?\s+(?P<stmt>.*?)\s*-?%\}|\{\{\s*(?P<expr>.*?)\s*\}\}")
_FOR = re.compile(r"for (\w+) in (.+)")


class Unsupported(ValueError):
    """Our template uses a tag the rewrite does not know; extend `_expression`."""


def _expression(expr: str, loops: list[tuple[str, str]]) -> str:
    """Return a docxtpl (Jinja) expression as docxtemplater's expressions parser writes it."""
    expr = expr.strip()
    if " or " in expr:
        return " || ".join(f"{_expression(part, loops)}.length > 0" for part in expr.split(" or "))
    name, _, flt = (s.strip() for s in expr.partition("|"))
    if flt in ("datum", ""):  # dates are exported written out
        pass
    elif flt in ("lower", "gemen"):
        flt = f" | {flt}"
    elif flt in ("part", "namnder", "stycken"):  # looked up or split in the exported data
        name = f"{name}.part" if flt == "part" else f"{name}_{flt}"
        flt = ""
    else:
        raise Unsupported(expr)
    if not re.fullmatch(r"[a-z_][\w.]*", name):
        raise Unsupported(expr)
    head, _, rest = name.partition(".")
    if loops and head == loops[-1][0]:  # the loop's item is the scope in docxtemplater
        name = rest or "."
    elif any(head == var for var, _ in loops):
        raise Unsupported(f"{expr}: an outer loop's variable")
    return name + (flt if flt.startswith(" ") else "")


def _condition(expr: str, loops: list[tuple[str, str]]) -> str:
    """Return a Jinja `if` test as a docxtemplater section that is true or false, never a
    loop: a section over a non-empty list would repeat its content."""
    converted = _expression(expr, loops)
    return converted if "||" in converted else f"{converted}.length > 0"


def convert_part(xml: str) -> str:
    """Return one XML part with docxtpl's tags rewritten as docxtemplater's."""
    xml = _move_row_tags(xml)
    stack: list[tuple[str, str]] = []  # (kind, closing tag) of the open blocks
    loops: list[tuple[str, str]] = []  # (variable, sequence) of the open loops

    def tag(mt: re.Match) -> str:
        if mt["expr"] is not None:
            if mt["expr"] == "veckoschema":
                return "{@veckoschema}"
            return "{" + _expression(mt["expr"], loops) + "}"
        stmt = mt["stmt"]
        if loop := _FOR.fullmatch(stmt):
            section = _expression(loop[2], loops)
            loops.append((loop[1], section))
            stack.append(("for", section))
            return "{#" + section + "}"
        if stmt.startswith("if "):
            section = _condition(stmt[3:], loops)
            stack.append(("if", section))
            return "{#" + section + "}"
        if stmt in ("endfor", "endif"):
            kind, section = stack.pop()
            if kind != stmt[3:]:
                raise Unsupported(f"{stmt} closes {kind}")
            if kind == "for":
                loops.pop()
            return "{/" + section + "}"
        raise Unsupported(stmt)

    def text(mt: re.Match) -> str:
        return mt[1] + _TAG.sub(tag, mt[2].replace("&quot;", '"')) + mt[3]

    if "<w:t" not in xml:  # docProps/core.xml: the tags are the elements' text
        return _TAG.sub(tag, xml)
    out = _TEXT.sub(text, xml)
    if stack:
        raise Unsupported(f"unclosed {stack}")
    return out


def _move_row_tags(xml: str) -> str:
    """Drop docxtpl's {%tr … %} rows; put their tags at the start of the first and the end of
    the last text in the row between them, where docxtemplater repeats that row."""
    rows = list(_ROW.finditer(xml))
    out, at, opening = [], 0, None
    for i, row in enumerate(rows):
        stmt = re.search(r"\{%tr\s+(.*?)\s*%\}", row[0])
        out.append(xml[at:row.start()])
        at = row.end()
        if stmt is None:
            body = row[0]
            if opening:
                first = _TEXT.search(body)
                body = body[:first.start(2)] + opening + body[first.start(2):]
                opening = None
            following = rows[i + 1][0] if i + 1 < len(rows) else ""
            if re.search(r"\{%tr\s+end", following):
                last = list(_TEXT.finditer(body))[-1]
                close = re.search(r"\{%tr\s+(.*?)\s*%\}", following)[1]
                body = body[:last.end(2)] + "{% " + close + " %}" + body[last.end(2):]
            out.append(body)
        elif not stmt[1].startswith("end"):
            opening = "{% " + stmt[1] + " %}"
    out.append(xml[at:])
    return "".join(out)


def make_template(source: Path = OUR_TEMPLATE) -> bytes:
    """Return the docxtemplater template made from our Word template."""
    from pipeline.output import zip_bytes

    with zipfile.ZipFile(source) as z:
        members = [(info.filename, z.read(info)) for info in z.infolist()]
    return zip_bytes((name, convert_part(blob.decode("utf-8")).encode("utf-8")
                      if _PARTS.match(name) else blob) for name, blob in members)


def _jsonable(value: object) -> object:
    """Return a model value as JSON: fields and properties of dataclasses, dates written out."""
    from pipeline import svenska

    if isinstance(value, dt.date):
        return svenska.datum(value)  # the template shows dates only through |datum
    if isinstance(value, dt.time):
        return svenska.tid(value)
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value):
        names = [f.name for f in dataclasses.fields(value)]
        names += [n for n, a in vars(type(value)).items() if isinstance(a, property)]
        return {n: _jsonable(getattr(value, n)) for n in names}
    return value


def context(kommun, namnd, style_id: str | None) -> dict:
    """Return our context for one nämnd as the peer's JSON data."""
    from pipeline.domain import tidplan
    from pipeline.render.context import Filters, memo_context, stycken
    from pipeline.render.docx_grid import grid_table_xml

    filters = Filters(kommun)
    data = _jsonable(memo_context(kommun, namnd))
    for name in ("sammanfattning", "bedomning", "ekonomi", "barnkonsekvenser"):
        data["namnd"][f"{name}_stycken"] = stycken(getattr(namnd, name))
    data["kommun"]["uppdrag_stycken"] = stycken(kommun.uppdrag)
    for item, beroende in zip(data["namnd"]["beroenden"], namnd.beroenden, strict=True):
        item["part"] = filters.part(beroende)
    for item, synergi in zip(data["namnd"]["synergier"], namnd.synergier, strict=True):
        item["med_namnder"] = filters.namnder(synergi.med)
    grid = tidplan.week_grid(kommun, [namnd])
    data["veckoschema"] = grid_table_xml(grid, style_id) if grid.veckor else ""
    return data


def installed(log=print) -> bool:
    """Install the Node project's locked packages on first use; False (and a one-line note)
    when node or npm is missing or the install fails."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        log("  docxtemplater: skipped (node and npm not found)")
        return False
    installed_lock = NODE_PROJECT / "node_modules" / ".package-lock.json"  # written by npm
    if installed_lock.is_file() and (installed_lock.stat().st_mtime
                                     >= (NODE_PROJECT / "package-lock.json").stat().st_mtime):
        return True
    done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                          cwd=NODE_PROJECT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()] or ["no output"]
        first = next((line for line in lines if "error" in line.lower()), lines[0])
        log(f"  docxtemplater: skipped (npm ci failed: {first.strip()})")
        return False
    return True


def docxtemplater(data: dict, repeat: int, out: Path | None = None) -> dict:
    """Render the peer template `repeat` times in one Node process; return its median ms and
    version (and write the last document to `out`)."""
    with tempfile.TemporaryDirectory(prefix="bench-peer-") as work:
        data_path = Path(work) / "data.json"
        data_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        args = [shutil.which("node") or "node", "render.js", str(PEER_TEMPLATE), str(data_path),
                str(repeat)]
        done = subprocess.run([*args, str(out)] if out else args, cwd=NODE_PROJECT,
                              capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def visible_text(docx: bytes) -> list[str]:
    """Return a document's paragraphs as a reader sees them, for comparing two renderers."""
    import io

    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        parts = sorted(n for n in z.namelist() if _PARTS.match(n) and n.startswith("word/"))
        xml = "".join(z.read(n).decode("utf-8") for n in parts)
    xml = xml.replace("<w:br/>", "<w:t>\n</w:t>").replace("<w:tab/>", "<w:t>\t</w:t>")
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
    texts = ("".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", p)) for p in paragraphs)
    return [html.unescape(t) for t in texts if t.strip()]


def main() -> None:
    PEER_TEMPLATE.write_bytes(make_template())
    print(f"Wrote {PEER_TEMPLATE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
