"""The bench's docxtemplater peer: its template is current with ours and says the same things.

The bench itself is not part of the test run; these check what it compares against.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile

import pytest

from bench import peers
from pipeline.examples import KOMMUN, NAMNDER


def test_the_peer_template_is_made_from_ours():
    """The committed template is what `python -m bench.peers` makes from templates/."""
    def parts(blob: bytes) -> dict[str, bytes]:
        with zipfile.ZipFile(io.BytesIO(blob)) as z:
            return {name: z.read(name) for name in z.namelist()}

    assert parts(peers.PEER_TEMPLATE.read_bytes()) == parts(peers.make_template()), (
        "Run `python -m bench.peers` after changing templates/beslutsunderlag.docx")


def test_the_peer_template_has_no_docxtpl_tag_left():
    with zipfile.ZipFile(peers.PEER_TEMPLATE) as z:
        for name in z.namelist():
            if peers._PARTS.match(name):
                assert not re.search(r"\{\{|\{%", z.read(name).decode()), name


def test_row_loops_repeat_the_row_between_them():
    row = '<w:tr><w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc></w:tr>'
    xml = "".join(row.format(t) for t in ("{%tr for r in rader %}", "{{ r.a }}",
                                          "{%tr endfor %}"))
    assert peers.convert_part(xml) == row.format("{#rader}{a}{/rader}")


@pytest.mark.parametrize("tag, expected", [
    ("{{ namnd.datum|datum }}", "{namnd.datum}"),
    ("{% if namnd.kunder %}x{% endif %}", "{#namnd.kunder.length > 0}x{/namnd.kunder.length > 0}"),
    ("{%p for s in kommun.uppdrag|stycken %}{{ s }}{%p endfor %}",
     "{#kommun.uppdrag_stycken}{.}{/kommun.uppdrag_stycken}"),
    ("{%p for d in x %}{{ d|part }}{{ d.typ|lower }}{%p endfor %}", "{#x}{part}{typ | lower}{/x}"),
])
def test_tags_are_rewritten(tag, expected):
    assert peers.convert_part(f"<w:t>{tag}</w:t>") == f"<w:t>{expected}</w:t>"


@pytest.mark.parametrize("tag", ["{{ namnd.namn|upper }}", "{% for a, b in x %}{% endfor %}",
                                 "{% set x = 1 %}"])
def test_an_unknown_tag_is_refused(tag):
    with pytest.raises(peers.Unsupported):
        peers.convert_part(f"<w:t>{tag}</w:t>")


@pytest.mark.parametrize("namnd", NAMNDER, ids=lambda n: n.kod)
def test_the_exported_context_is_json(namnd):
    data = json.loads(json.dumps(peers.context(KOMMUN, namnd, "Tabelltext")))
    assert data["namnd"]["kod"] == namnd.kod
    assert data["veckoschema"].startswith("<w:tbl>")


@pytest.mark.skipif(not shutil.which("node")
                    or not (peers.NODE_PROJECT / "node_modules" / "docxtemplater").is_dir(),
                    reason="docxtemplater is installed by the bench (`python -m bench`)")
@pytest.mark.parametrize("namnd", NAMNDER, ids=lambda n: n.kod)
def test_docxtemplater_writes_the_same_text_as_ours(namnd, tmp_path):
    from pipeline.render.docx import DocxRenderer

    docx = DocxRenderer(peers.OUR_TEMPLATE, KOMMUN)
    out = tmp_path / "peer.docx"
    peers.docxtemplater(peers.context(KOMMUN, namnd, docx._style_id("Tabelltext")), 1, out)
    assert peers.visible_text(out.read_bytes()) == peers.visible_text(docx.render(namnd))
