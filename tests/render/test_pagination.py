"""The tjänsteskrivelse and its bilaga on paper: each example memo and the long workbook's memo
fit four A4 pages as LibreOffice lays them out, no heading ends a page, the signature stands with
what precedes it, no word in a table is broken, and no page holds only a few trailing lines."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
import pytest

from pipeline.produce import produce
from tests.long_workbook import write_long_inputs
from tests.office import SOFFICE, audit_errors, needs_libreoffice

pytestmark = [pytest.mark.slow, needs_libreoffice,
              pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")]

MAX_MEMO_PAGES = 4
MIN_LAST_PAGE_LINES = 5  # a last page of fewer lines is a page a secretary would pull back


def to_pdfs(documents: list[Path], outdir: Path) -> dict[str, Path]:
    """Convert documents to PDF with one LibreOffice run; return the PDFs by document name."""
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--norestore", "--convert-to", "pdf", "--outdir", str(outdir),
                        *map(str, documents)], check=True, capture_output=True, timeout=600)
    return {d.name: outdir / f"{d.stem}.pdf" for d in documents}


def pages(pdf: Path) -> list[list[str]]:
    """Return each page's non-empty lines of body text (header and footer lines left out)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    out = []
    for number, page in enumerate(text.rstrip("\f").split("\f")):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if lines and re.search(r"Sida \d+ av \d+$", lines[-1]):
            lines = lines[:-1]  # the footer
        out.append(lines[1:] if number else lines)  # a later page's one-line header
    return out


def headings(document: docx.Document) -> set[str]:
    return {p.text.strip() for p in document.paragraphs
            if p.style.name.startswith("Heading") and p.text.strip()}


def table_words(document: docx.Document) -> set[str]:
    """Return the words of the body tables' cells, as LibreOffice must keep them whole."""
    words = set()
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                words |= {w.strip(".,:;()") for w in cell.text.split() if len(w) > 3}
    return {w for w in words if w}


@pytest.fixture(scope="module")
def long_build(tmp_path_factory) -> list[Path]:
    root = tmp_path_factory.mktemp("lang")
    write_long_inputs(root / "inputs")
    report = produce(root / "inputs", root / "build", None)
    return report.written


@pytest.fixture(scope="module")
def laid_out(example_build, long_build, tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """Every example memo and bilaga, and the long workbook's, with their PDFs."""
    documents = {}
    for label, written in (("exempel", example_build), ("lang", long_build)):
        chosen = [p for p in written if p.name.startswith(("beslutsunderlag-", "bilaga-"))]
        pdfs = to_pdfs(chosen, tmp_path_factory.mktemp(f"pdf-{label}"))
        documents |= {f"{label}/{p.name}": (p, pdfs[p.name]) for p in chosen}
    return documents


def test_every_memo_and_bilaga_was_laid_out(laid_out):
    assert len([n for n in laid_out if n.startswith("exempel/beslutsunderlag-")]) == 5
    assert len([n for n in laid_out if n.startswith("exempel/bilaga-1-")]) == 5
    assert {"lang/beslutsunderlag-SN.docx", "lang/bilaga-1-SN.docx"} <= set(laid_out)


def test_every_memo_fits_four_pages_the_long_one_too(laid_out):
    counts = {name: len(pages(pdf)) for name, (_, pdf) in laid_out.items()
              if "/beslutsunderlag-" in name}
    assert counts and all(n <= MAX_MEMO_PAGES for n in counts.values()), counts


def test_the_long_bilaga_holds_all_of_the_groups_material(laid_out):
    document, pdf = laid_out["lang/bilaga-1-SN.docx"]
    text = "\n".join(line for page in pages(pdf) for line in page)
    for number in (1, 40):
        assert f"Målgrupp {number}" in text
    assert "del 30" in text


@pytest.mark.parametrize("kind", ["beslutsunderlag-", "bilaga-1-"])
def test_no_page_ends_with_a_heading(laid_out, kind):
    for name, (document, pdf) in laid_out.items():
        if kind not in name:
            continue
        titles = headings(docx.Document(document))
        for number, lines in enumerate(pages(pdf)[:-1], start=1):
            assert lines and lines[-1] not in titles, f"{name}, sida {number}: {lines[-1]}"


def test_the_signature_stands_with_what_precedes_it(laid_out):
    for name, (document, pdf) in laid_out.items():
        if "/beslutsunderlag-" not in name:
            continue
        last = pages(pdf)[-1]
        paragraphs = docx.Document(document).paragraphs
        signature = [p.text.split("\t")[0] for p in paragraphs if p.style.name == "Underskrift"]
        assert signature, name
        # the signature, and before it on the same page the list of documents or recipients
        assert any(signature[0].strip() in line for line in last) or not signature[0].strip()
        assert "Expedieras till" in last or "Beslutsunderlag" in last, (name, last)


def test_no_last_page_holds_only_a_few_trailing_lines(laid_out):
    for name, (_, pdf) in laid_out.items():
        laid = pages(pdf)
        if len(laid) > 1:
            assert len(laid[-1]) >= MIN_LAST_PAGE_LINES, (name, laid[-1])


def test_no_word_in_a_table_is_broken_across_lines(laid_out):
    for name, (document, pdf) in laid_out.items():
        tokens = {w.strip(".,:;()") for page in pages(pdf) for line in page for w in line.split()}
        broken = table_words(docx.Document(document)) - tokens
        assert not broken, (name, sorted(broken)[:10])


def test_funktionsnedsattning_stays_whole_in_the_narrow_column(laid_out):
    _, pdf = laid_out["lang/bilaga-1-SN.docx"]
    text = "\n".join(line for page in pages(pdf) for line in page)
    assert "funktionsnedsättning" in text
    assert not re.search(r"funktionsnedsättni?n?\s*$", text, re.M)


def test_the_long_documents_pass_openxml_audit(long_build):
    for path in long_build:
        if path.suffix == ".docx":
            assert audit_errors(path) == [], path.name
