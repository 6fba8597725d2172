"""The Word template as users leave it: schema-valid output from any template, endnotes,
comments and tracked changes, and template errors that name the place in Swedish."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import jinja2
import pytest

from pipeline import resources
from pipeline.diagnostics import Severity, TemplateError
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.render.context import Filters
from pipeline.render.docx import DocxRenderer, nearby_text
from pipeline.render.environment import environment, error_line, jinja_message_sv
from tests.office import audit_errors, convert, needs_libreoffice

TEMPLATE = resources.default_templates() / "beslutsunderlag.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = "word/_rels/document.xml.rels"
TYPES = "[Content_Types].xml"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml."
SN = NAMNDER[1]  # Socialnämnden: a nämnd with every section
HINT = "Kontrollera att varje {{ … }} och {%p … %} är hel och att varje if och for har sitt slut."
NAMES = "Rätta stavningen i mallen; namnen listas i README under Mallar."
FILTERS = "Filtren listas i README under Mallar."


# -- template variants, edited as Word writes them --

def variant(tmp_path: Path, edit: Callable[[dict[str, bytes]], None]) -> Path:
    """Return a copy of the template with its parts edited."""
    with zipfile.ZipFile(TEMPLATE) as z:
        parts = {info.filename: z.read(info) for info in z.infolist()}
    edit(parts)
    path = tmp_path / "beslutsunderlag.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
    return path


def replace(parts: dict[str, bytes], name: str, old: str, new: str) -> None:
    assert old.encode() in parts[name], (name, old)
    parts[name] = parts[name].replace(old.encode(), new.encode(), 1)


def add_part(parts: dict[str, bytes], name: str, xml: str, rel: str, content_type: str) -> None:
    """Add a part related from the document, with its content type, as Word does."""
    parts[name] = xml.encode()
    rid = f"rIdTest{len(parts)}"
    replace(parts, RELS, "</Relationships>", f'<Relationship Id="{rid}" Type="{rel}" '
            f'Target="{name.removeprefix("word/")}"/></Relationships>')
    replace(parts, TYPES, "</Types>",
            f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>')


def notes(kind: str, text: str) -> str:
    """Return a footnotes or endnotes part with Word's two separators and one note."""
    def note(extra: str, body: str) -> str:
        return f"<w:{kind} {extra}><w:p>{body}</w:p></w:{kind}>"

    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind}s xmlns:w="{W}">'
            + note('w:type="separator" w:id="-1"', "<w:r><w:separator/></w:r>")
            + note('w:type="continuationSeparator" w:id="0"',
                   "<w:r><w:continuationSeparator/></w:r>")
            + note('w:id="1"', f'<w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> '
                               f"{text}</w:t></w:r>")
            + f"</w:{kind}s>")


def with_notes(footnote: str, endnote: str):
    def edit(parts: dict[str, bytes]) -> None:
        add_part(parts, "word/footnotes.xml", notes("footnote", footnote),
                 OFFICE_REL + "footnotes", WORD_TYPE + "footnotes+xml")
        add_part(parts, "word/endnotes.xml", notes("endnote", endnote),
                 OFFICE_REL + "endnotes", WORD_TYPE + "endnotes+xml")
        replace(parts, "word/document.xml", "Arbetsprocessen</w:t></w:r>",
                'Arbetsprocessen</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
                '<w:r><w:endnoteReference w:id="1"/></w:r>')
    return edit


def parts_of(blob: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        return {name: z.read(name) for name in z.namelist()}


def render_error(path: Path) -> str:
    with pytest.raises(TemplateError) as caught:
        DocxRenderer(path, KOMMUN).render(SN)
    return caught.value.message


# -- schema validity --

def test_every_example_word_document_passes_openxml_audit(example_build):
    documents = [p for p in example_build if p.suffix == ".docx"]
    assert len(documents) == 13  # 5 memos, 5 bilagor 1, the avrapportering and its bilaga,
    #                               the intranet text
    for path in documents:
        assert audit_errors(path) == [], path.name


@pytest.mark.parametrize("name", ["beslutsunderlag.docx", "bilaga.docx", "intranat.docx"])
def test_the_templates_themselves_pass_openxml_audit(name):
    template = resources.default_templates() / name
    assert audit_errors(template) == []
    assert "word/stylesWithEffects.xml" not in parts_of(template.read_bytes())


def test_a_stale_styles_with_effects_from_word_is_left_out_of_the_documents(tmp_path):
    """Word 2010 and later save a copy of the styles; a restyled template can leave it out of
    step with styles.xml, which Word then repairs. Documents never carry it."""
    def edit(parts):
        add_part(parts, "word/stylesWithEffects.xml",
                 f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 f'<w:styles xmlns:w="{W}"><w:docDefaults/></w:styles>',
                 "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
                 "application/vnd.ms-word.stylesWithEffects+xml")

    path = variant(tmp_path, edit)
    assert "word/stylesWithEffects.xml" in parts_of(path.read_bytes())
    renderer = DocxRenderer(path, KOMMUN)
    blob = renderer.render(SN)
    parts = parts_of(blob)
    assert "word/stylesWithEffects.xml" not in parts
    assert b"stylesWithEffects" not in parts[RELS] + parts[TYPES]
    assert audit_errors(blob) == []
    assert renderer.warnings == []


def test_switches_libreoffice_writes_as_true_are_written_as_the_schema_allows(tmp_path):
    def edit(parts):
        xml = parts["word/document.xml"].decode()
        parts["word/document.xml"] = re.sub(r"<w:(tblHeader|cantSplit)/>", r'<w:\1 w:val="true"/>',
                                            xml).encode()

    path = variant(tmp_path, edit)
    assert audit_errors(path)  # the schema allows only "on" and "off" there
    blob = DocxRenderer(path, KOMMUN).render(SN)
    assert b'w:val="true"' not in parts_of(blob)["word/document.xml"]
    assert audit_errors(blob) == []


def document_text(blob: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(blob))
    return [p.text for p in document.paragraphs] + [
        " | ".join(c.text for c in row.cells) for t in document.tables for row in t.rows]


@needs_libreoffice
def test_the_template_saved_by_libreoffice_gives_the_same_valid_documents(tmp_path):
    source = tmp_path / "mall" / "beslutsunderlag.docx"
    source.parent.mkdir()
    source.write_bytes(TEMPLATE.read_bytes())
    saved = convert(source, "docx:MS Word 2007 XML", tmp_path)
    renderer = DocxRenderer(saved, KOMMUN)
    original = DocxRenderer(TEMPLATE, KOMMUN)
    assert renderer.warnings == []
    for namnd in NAMNDER:
        blob = renderer.render(namnd)
        assert audit_errors(blob) == [], namnd.kod
        assert document_text(blob) == document_text(original.render(namnd)), namnd.kod


# -- endnotes and footnotes --

def test_tags_in_footnotes_and_endnotes_are_rendered(tmp_path):
    path = variant(tmp_path, with_notes("Fotnot för {{ namnd.namn }}.",
                                        "Slutnot: {{ kommun.namn }}, {{ namnd.datum|datum }}."))
    blob = DocxRenderer(path, KOMMUN).render(SN)
    parts = parts_of(blob)
    footnotes, endnotes = parts["word/footnotes.xml"].decode(), parts["word/endnotes.xml"].decode()
    assert f"Fotnot för {SN.namn}." in footnotes
    assert f"Slutnot: {KOMMUN.namn}, " in endnotes
    assert "{{" not in footnotes + endnotes and "}}" not in footnotes + endnotes
    assert audit_errors(blob) == []


# -- comments and tracked changes --

COMMENTS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{W}">'
    '<w:comment w:id="0" w:author="Cecilia Carlsson" w:date="2024-05-02T09:00:00Z" w:initials="CC">'
    "<w:p><w:r><w:annotationRef/></w:r><w:r><w:t>Stämmer rubriken?</w:t></w:r></w:p></w:comment>"
    '<w:comment w:id="1" w:author="Cecilia Carlsson" w:date="2024-05-02T09:01:00Z" w:initials="CC">'
    "<w:p><w:r><w:annotationRef/></w:r><w:r><w:t>Fråga Anna.</w:t></w:r></w:p></w:comment>"
    "</w:comments>"
)
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"


def commented_and_tracked(parts: dict[str, bytes]) -> None:
    """Edit the template as Word leaves it with comments and tracked changes."""
    document = "word/document.xml"
    by = 'w:author="{}" w:date="2024-05-01T10:00:00Z"'
    anna, bo = by.format("Anna Andersson"), by.format("Bo Berg")
    # a comment on the heading "Arbetsprocessen", and one on the heading "Uppdraget"
    for cid, heading in ((0, "Arbetsprocessen"), (1, "Uppdraget")):
        replace(parts, document, f"<w:t xml:space=\"preserve\">{heading}</w:t></w:r>",
                f'<w:t xml:space="preserve">{heading}</w:t></w:r><w:commentRangeEnd w:id="{cid}"/>'
                f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                f'<w:commentReference w:id="{cid}"/></w:r>')
    # an insertion and a deletion in a paragraph, and a tag changed while tracking
    replace(parts, document, '<w:t xml:space="preserve">{{ namnd.namn }}s utvecklingsgrupp',
            '<w:t xml:space="preserve">{{ namnd.namn }}s utvecklingsgrupp</w:t></w:r>'
            f'<w:ins w:id="10" {anna}><w:r><w:t xml:space="preserve"> (infogat)</w:t></w:r></w:ins>'
            f'<w:del w:id="11" {bo}><w:r><w:delText xml:space="preserve"> BORTTAGET'
            "</w:delText></w:r></w:del><w:r><w:t xml:space=\"preserve\">")
    replace(parts, document, "{{ planerat_beslut|datum }}",
            '{{ planerat_</w:t></w:r>'
            f'<w:del w:id="12" {anna}><w:r><w:delText>datum</w:delText></w:r></w:del>'
            f'<w:ins w:id="13" {anna}><w:r><w:t>beslut</w:t></w:r></w:ins>'
            '<w:r><w:t xml:space="preserve">|datum }}')
    # a formatting change, a moved text and a deleted paragraph whose text joins the next one
    replace(parts, document, '<w:t xml:space="preserve">Gruppen har träffats',
            f'<w:t xml:space="preserve">FLYTTAD </w:t></w:r><w:moveFromRangeStart w:id="20" '
            f'w:name="move1" {bo}/><w:moveFrom w:id="21" {bo}><w:r><w:t>GAMMAL PLATS</w:t></w:r>'
            f'</w:moveFrom><w:moveFromRangeEnd w:id="20"/><w:r><w:rPr><w:b/><w:rPrChange w:id="22" '
            f'{bo}><w:rPr/></w:rPrChange></w:rPr><w:t xml:space="preserve">Gruppen har träffats')
    replace(parts, document, "<w:body>",
            f'<w:body><w:p><w:pPr><w:rPr><w:del w:id="30" {anna}/></w:rPr></w:pPr>'
            f'<w:del w:id="31" {anna}><w:r><w:delText>HELT BORTTAGET STYCKE</w:delText></w:r>'
            "</w:del></w:p>")
    # a change in the header
    replace(parts, "word/header1.xml", "Tjänsteskrivelse</w:t></w:r>",
            f'Tjänsteskrivelse</w:t></w:r><w:ins w:id="40" {anna}><w:r><w:t xml:space="preserve">'
            " (utkast)</w:t></w:r></w:ins>")
    add_part(parts, "word/comments.xml", COMMENTS, OFFICE_REL + "comments",
             WORD_TYPE + "comments+xml")
    add_part(parts, "word/commentsExtended.xml",
             f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             f'<w15:commentsEx xmlns:w15="{W15}"/>',
             "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml")
    add_part(parts, "word/people.xml",
             f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             f'<w15:people xmlns:w15="{W15}"/>',
             "http://schemas.microsoft.com/office/2011/relationships/people",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml")
    parts["word/_rels/comments.xml.rels"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="'
        b'http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
        b'Target="https://example.se" TargetMode="External"/></Relationships>')
    for cid, heading in ((0, "Arbetsprocessen"), (1, "Uppdraget")):  # the ranges' starts
        xml = parts[document].decode()
        at = xml.index(f'<w:t xml:space="preserve">{heading}</w:t>')
        run = xml.rindex("<w:r>", 0, at)
        parts[document] = (xml[:run] + f'<w:commentRangeStart w:id="{cid}"/>'
                           + xml[run:]).encode()


def test_comments_and_tracked_changes_are_not_copied_into_the_documents(tmp_path):
    path = variant(tmp_path, commented_and_tracked)
    renderer = DocxRenderer(path, KOMMUN)
    blob = renderer.render(SN)
    parts = parts_of(blob)
    for name in ("word/comments.xml", "word/commentsExtended.xml", "word/people.xml",
                 "word/_rels/comments.xml.rels"):
        assert name not in parts
    assert not re.search(rb"comments|people", parts[RELS] + parts[TYPES])
    everything = b"".join(blob for name, blob in parts.items() if name.endswith(".xml"))
    for mark in (b"w:author", b"<w:ins ", b"<w:del ", b"<w:moveFrom", b"<w:moveTo", b"Change ",
                 b"<w:comment", b"Anna Andersson", b"Cecilia"):
        assert mark not in everything, mark
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(blob)).paragraphs)
    assert f"{SN.namn}s utvecklingsgrupp (infogat) har arbetat" in text
    assert "BORTTAGET" not in text and "GAMMAL PLATS" not in text
    assert "FLYTTAD Gruppen har träffats" in text
    assert "sammanträde den 22 februari 2022." in text
    # the deleted paragraph is gone: the document still begins with the nämnd's name
    assert text.startswith(SN.namn)
    header = parts["word/header1.xml"].decode()
    assert "Tjänsteskrivelse (utkast)" in re.sub(r"<[^>]+>", "", header)
    assert audit_errors(blob) == []


def test_comments_and_tracked_changes_give_one_warning_naming_their_authors(tmp_path):
    renderer = DocxRenderer(variant(tmp_path, commented_and_tracked), KOMMUN)
    assert [(w.file, w.severity, w.message) for w in renderer.warnings] == [(
        "beslutsunderlag.docx", Severity.VARNING,
        "Mallen har 2 kommentarer från Cecilia Carlsson och spårade ändringar från Anna Andersson "
        "och Bo Berg. Kommentarerna tas inte med och ändringarna godkänns i dokumenten: infogad "
        "text tas med och borttagen text utelämnas. Ta bort kommentarerna och godkänn eller "
        "avvisa ändringarna i Word så försvinner varningen.")]


def test_a_single_comment_alone_gets_its_own_wording(tmp_path):
    def edit(parts):
        replace(parts, "word/document.xml", '<w:t xml:space="preserve">Uppdraget</w:t></w:r>',
                '<w:t xml:space="preserve">Uppdraget</w:t></w:r><w:commentRangeEnd w:id="0"/>'
                '<w:r><w:commentReference w:id="0"/></w:r>')
        add_part(parts, "word/comments.xml", COMMENTS.replace(
            COMMENTS[COMMENTS.index('<w:comment w:id="1"'):COMMENTS.index("</w:comments>")], ""),
            OFFICE_REL + "comments", WORD_TYPE + "comments+xml")

    renderer = DocxRenderer(variant(tmp_path, edit), KOMMUN)
    assert [w.message for w in renderer.warnings] == [
        "Mallen har en kommentar från Cecilia Carlsson. Kommentaren tas inte med i dokumenten. "
        "Ta bort kommentaren i Word så försvinner varningen."]
    assert b"commentReference" not in parts_of(renderer.render(SN))["word/document.xml"]


def test_tracked_changes_alone_are_accepted_with_a_warning(tmp_path):
    def edit(parts):
        replace(parts, "word/header1.xml", "Tjänsteskrivelse</w:t></w:r>",
                'Tjänsteskrivelse</w:t></w:r><w:ins w:id="40" w:author="Anna Andersson">'
                '<w:r><w:t xml:space="preserve"> (utkast)</w:t></w:r></w:ins>')

    renderer = DocxRenderer(variant(tmp_path, edit), KOMMUN)
    assert [w.message for w in renderer.warnings] == [
        "Mallen har spårade ändringar från Anna Andersson. Ändringarna godkänns i dokumenten: "
        "infogad text tas med och borttagen text utelämnas. Godkänn eller avvisa ändringarna i "
        "Word så försvinner varningen."]


def test_the_unchanged_template_has_no_warnings():
    assert DocxRenderer(TEMPLATE, KOMMUN).warnings == []


# -- template errors name the part and the text around the tag, in Swedish --

def body_with(tmp_path: Path, *paragraphs: str) -> Path:
    document = docx.Document(TEMPLATE)
    for text in paragraphs:
        document.add_paragraph(text)
    path = tmp_path / "beslutsunderlag.docx"
    document.save(path)
    return path


def test_an_unknown_name_in_the_body_names_the_part_and_the_paragraph(tmp_path):
    path = body_with(tmp_path, "Ansvarig: {{ namnd.namm }}")
    assert render_error(path) == (
        'Mallen beslutsunderlag.docx, brödtext, vid texten "Ansvarig: {{ namnd.namm }}": '
        f'namnet "namm" finns inte i underlaget. {NAMES}')


def test_an_unclosed_if_names_the_paragraph_where_it_begins(tmp_path):
    path = body_with(tmp_path, "Inledning", "{%p if namnd.handlaggare %}", "Text", "Mer text")
    assert render_error(path) == (
        'Mallen beslutsunderlag.docx, brödtext, vid texten "Inledning {%p if namnd.handlaggare '
        f'%}}": "if" avslutas aldrig med "endif". {HINT}')


def test_a_misspelt_filter_is_named_with_the_closest_filter(tmp_path):
    path = body_with(tmp_path, "Datum: {{ namnd.datum|datm }}")
    assert render_error(path) == (
        'Mallen beslutsunderlag.docx, brödtext, vid texten "Datum: {{ namnd.datum|datm }}": '
        f'filtret "datm" finns inte (menar du "datum"?). {FILTERS}')
    # inside a condition Jinja finds it only when rendering; the message is the same
    path = body_with(tmp_path, "{%p if namnd.datum %}", "Datum: {{ namnd.datum|datm }}",
                     "{%p endif %}")
    assert render_error(path) == (
        'Mallen beslutsunderlag.docx, brödtext, vid texten "Datum: {{ namnd.datum|datm }} '
        f'{{%p endif %}}": filtret "datm" finns inte (menar du "datum"?). {FILTERS}')


def test_long_text_around_a_broken_tag_is_shortened_around_the_tag(tmp_path):
    path = body_with(tmp_path, "Början " + "och så vidare " * 8 + "{{ namnd.namn! }} och sedan "
                     "kommer en lång fortsättning som inte behövs i meddelandet alls")
    assert render_error(path) == (
        'Mallen beslutsunderlag.docx, brödtext, vid texten "…och så vidare {{ namnd.namn! }} '
        'och sedan kommer en…": tecknet "!" kan inte stå i en tagg. '
        f"{HINT}")


@pytest.mark.parametrize(("part", "old", "new", "expected"), [
    ("word/header1.xml", "{{ kommun.namn }}", "{{ kommun.nman }}",
     'Mallen beslutsunderlag.docx, sidhuvud, vid texten "{{ kommun.nman }} Tjänsteskrivelse": '
     f'namnet "nman" finns inte i underlaget. {NAMES}'),
    ("word/footer1.xml", "{{ titel }}", "{{ titel|lowr }}",
     'Mallen beslutsunderlag.docx, sidfot, vid texten "{{ titel|lowr }} Sida 1 av 1": '
     f'filtret "lowr" finns inte (menar du "lower"?). {FILTERS}'),
    ("docProps/core.xml", "{{ titel }}", "{{ titl }}",
     'Mallen beslutsunderlag.docx, dokumentegenskaper, vid texten "{{ titl }} Verksamhetsidé '
     f'{{{{ kommun.namn }}}}, {{{{…": namnet "titl" finns inte i underlaget. {NAMES}'),
    ("word/document.xml", "{%tr endfor %}", "{%tr endfr %}",
     'Mallen beslutsunderlag.docx, brödtext, vid texten "{{ rad.aktivitet }} {%tr endfr %}": '
     f'taggen "endfr" finns inte (menar du "endfor"?). {HINT}'),
])
def test_errors_in_each_part_name_it(tmp_path, part, old, new, expected):
    assert render_error(variant(tmp_path, lambda parts: replace(parts, part, old, new))) == expected


def test_errors_in_footnotes_and_endnotes_name_them(tmp_path):
    assert render_error(variant(tmp_path, with_notes("Se {{ namnd.nman }}.", "Slut."))) == (
        'Mallen beslutsunderlag.docx, fotnot, vid texten "Se {{ namnd.nman }}.": namnet "nman" '
        f"finns inte i underlaget. {NAMES}")
    assert render_error(variant(tmp_path, with_notes("Se.", "Källa: {% if x %}"))) == (
        'Mallen beslutsunderlag.docx, slutnot, vid texten "Källa: {% if x %}": "if" avslutas '
        f'aldrig med "endif". {HINT}')


def test_a_filter_that_fails_on_its_value_gives_no_english(tmp_path):
    path = variant(tmp_path, lambda parts: replace(parts, "docProps/core.xml", "{{ titel }}",
                                                   "{{ titel|datum }}"))
    message = render_error(path)
    assert message == (
        'Mallen beslutsunderlag.docx, dokumentegenskaper, vid texten "{{ titel|datum }} '
        'Verksamhetsidé {{ kommun.namn }}, {{…": en tagg kunde inte användas med underlagets '
        "värden. Kontrollera filtren i taggen och vad de får för värden.")


def test_curly_quotes_in_word_tags_are_straightened(tmp_path):
    """Word's AutoCorrect turns " into “ ”; docxtpl's own preprocessing straightens them."""
    path = body_with(tmp_path, "{% if namnd.kod == “SN” %}Ja, SN{% endif %}"
                               "{% if namnd.kod == ‘KS’ %}Ja, KS{% endif %}")
    text = [p.text for p in docx.Document(io.BytesIO(
        DocxRenderer(path, KOMMUN).render(SN))).paragraphs]
    assert "Ja, SN" in text


def test_nearby_text_shows_the_tags_docxtpl_took_out_of_their_paragraphs():
    line = ('<w:p><w:r><w:t>Sista raden</w:t></w:r></w:p>{% endif %}{% if x %}')
    assert nearby_text(line) == "Sista raden {%p endif %} {%p if x %}"
    assert nearby_text('<w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr>{% for r in rader %}') \
        == "a {%tr for r in rader %}"
    assert nearby_text("<w:p><w:r><w:instrText> PAGE </w:instrText><w:t>1</w:t><w:tab/>"
                       "<w:t>{{ x }}</w:t></w:r></w:p>") == "1 {{ x }}"


# -- Jinja's messages in Swedish --

@pytest.mark.parametrize(("source", "expected"), [
    ("{% if x %}a", '"if" avslutas aldrig med "endif"'),
    ("{% for a in b %}x", '"for" avslutas aldrig med "endfor"'),
    ("{% if x %}{% for a in b %}{% endif %}",
     '"endif" kommer innan "for" har avslutats med "endfor"'),
    ("{% if x %}{% endfor %}", '"endfor" kommer innan "if" har avslutats med "endif"'),
    ("{% if x %}{% else %}{% else %}{% endif %}",
     '"else" står efter "else" i samma "if"; ett "if" har högst ett "else", sist'),
    ("{% endif %}", '"endif" har inget "if" före sig'),
    ("{% endfor %}", '"endfor" har inget "for" före sig'),
    ("{% else %}", '"else" står utanför ett "if"'),
    ("{% elif x %}", '"elif" står utanför ett "if"'),
    ("{% fi x %}", 'taggen "fi" finns inte (menar du "if"?)'),
    ("{% forr a in b %}{% endfor %}", 'taggen "forr" finns inte (menar du "for"?)'),
    ("{% hoppsan %}", 'taggen "hoppsan" finns inte'),
    ("{% if x %}{% endiff %}", 'taggen "endiff" finns inte (menar du "endif"?)'),
    ("{{ x y }}", 'taggen borde sluta med "}}" där det står "y"'),
    ("{{ x = 1 }}", 'taggen borde sluta med "}}" där det står "="'),
    ("{% for x %}{% endfor %}", '"in" väntades men där står "%}"'),
    ("{{ x | }}", 'ett namn väntades men där står "}}"'),
    ("{{ x", 'mallen tar slut där "}}" väntades'),
    ("{{ x ” }}", 'tecknet ” kan inte stå i en tagg; skriv raka citattecken (" eller \') inom '
                  "{{ … }} och {% … %}"),
    ("{{ x « }}", 'tecknet « kan inte stå i en tagg; skriv raka citattecken (" eller \') inom '
                  "{{ … }} och {% … %}"),
    ('{{ "abc }}', 'en text inom citattecken saknar sitt avslutande "'),
    ("{{ 'abc }}", "en text inom citattecken saknar sitt avslutande '"),
    ("{{ x! }}", 'tecknet "!" kan inte stå i en tagg'),
    ("{{ x \x04 }}", "en tagg slutar inte i samma stycke som den börjar; skriv }} eller %} i samma "
                    "stycke som {{ eller {%"),  # a deck's paragraph marker after an open tag
    ("{{ x|datm }}", 'filtret "datm" finns inte (menar du "datum"?)'),
    ("{% if x %}{{ x|datm }}{% endif %}", 'filtret "datm" finns inte (menar du "datum"?)'),
    ("{{ x|qwerty }}", 'filtret "qwerty" finns inte'),
    ("{% if x is evn %}{% endif %}", 'testet "evn" finns inte (menar du "even"?)'),
    ("{{ }}", 'ett namn eller värde saknas före "}}"'),
    ("{% if %}{% endif %}", 'ett namn eller värde saknas före "%}"'),
    ("{{ x. }}", "efter en punkt ska ett namn stå"),
    ("{{ x) }}", '")" står på fel plats'),
    ("{{ (x }}", '"}" står där ")" väntades'),
    ("{{ x[ }}", '"}" står där "]" väntades'),
    ("{% if x }}", "taggen slutar inte som den börjar: {{ slutar med }} och {% slutar med %}"),
    ("{{ x %}", "taggen slutar inte som den börjar: {{ slutar med }} och {% slutar med %}"),
    ("{% %}", "en {% … %} är tom"),
    ("{# abc", "en kommentar {# … saknar sitt #}"),
    ("{% set x %}", '"set" avslutas aldrig med "endset"'),
    ("{% raw %}abc", '"raw" avslutas aldrig med "endraw"'),
    ("{{ namm }}", 'namnet "namm" finns inte i underlaget'),
    ("{{ x.zz }}", 'namnet "zz" finns inte i underlaget'),
])
def test_jinja_errors_are_rewritten_in_swedish(source, expected):
    env = environment(Filters(KOMMUN), "xml")
    with pytest.raises(jinja2.TemplateError) as caught:
        env.from_string(source).render(x=1, b=[])
    assert jinja_message_sv(caught.value, env) == expected
    assert jinja_message_sv(caught.value) == expected  # without the environment: the same names


@pytest.mark.parametrize("error", [
    jinja2.TemplateSyntaxError("block 'a' defined twice", 1),
    jinja2.TemplateRuntimeError("something odd happened"),
    jinja2.TemplateError("anything else"),
    jinja2.UndefinedError("no idea what"),
])
def test_other_jinja_errors_give_a_swedish_sentence_without_the_english(error):
    message = jinja_message_sv(error)
    assert message in ("en tagg kunde inte tolkas", "en tagg kunde inte användas",
                       "ett namn i taggen finns inte i underlaget")
    assert error.message not in message


def test_the_line_of_an_error_is_where_the_unclosed_block_begins():
    env = environment(Filters(KOMMUN), "xml")
    source = "a\n{% if x %}\nb\n{% for y in b %}{% endfor %}\n{{ c }}\nslut"
    with pytest.raises(jinja2.TemplateSyntaxError) as caught:
        env.from_string(source)
    assert error_line(caught.value, source, env) == 2
    source = "a\n\n{{ namm }}"
    with pytest.raises(jinja2.UndefinedError) as caught:
        env.from_string(source).render()
    assert error_line(caught.value, source, env) == 3


# -- templates saved by other programs --

SECTION = '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>'


def _p(text: str, section: str = "") -> str:
    props = f"<w:pPr>{section}</w:pPr>" if section else ""
    return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"


@pytest.mark.parametrize(("tag", "expected"), [
    ("{%p if liggande %}", _p("{%p if liggande %}") + f"<w:p><w:pPr>{SECTION}</w:pPr></w:p>"),
    ("{%p endif %}", f"<w:p><w:pPr>{SECTION}</w:pPr></w:p>" + "<w:p><w:pPr></w:pPr><w:r><w:t>"
                     "{%p endif %}</w:t></w:r></w:p>"),
])
def test_a_section_break_in_a_tag_paragraph_stays_in_its_block(tag, expected):
    """LibreOffice saves an empty paragraph's section break in the {%p %} paragraph before it,
    which docxtpl drops whole: the break gets a paragraph of its own inside the block."""
    from pipeline.render.docx import section_breaks_apart

    moved = section_breaks_apart(_p(tag, SECTION))
    assert moved.replace("<w:pPr></w:pPr>", "") == expected.replace("<w:pPr></w:pPr>", "")
    assert moved.count("<w:sectPr>") == 1
    plain = _p("Veckoöversikt", SECTION)
    assert section_breaks_apart(plain) == plain  # a paragraph of text keeps its break


def test_quotes_written_as_character_references_work_in_tags():
    from pipeline.render.docx import tag_entities

    assert tag_entities("{{ x or &apos;–&apos; }} &amp; {% if y == &quot;a&quot; %}") == (
        "{{ x or '–' }} &amp; {% if y == \"a\" %}")
