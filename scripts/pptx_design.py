"""The decks' design system: part of scripts/make_pptx_templates.py.

One master with three layouts that the templates use: "Titelbild" (the title slide: a logo
place or the kommun's name set as a wordmark, a band at the right edge), "Rubrik och innehåll" (content:
the title, a short accent rule, tables aligned with the title) and "Avsnitt" (section dividers).
Every layout but the title's carries the footer (tags the engine renders on layouts: kommun ·
nämnd · meeting) and the slide number (a field PowerPoint and LibreOffice number per slide).
Colours meet 4.5:1 against their backgrounds; no text is set below 12 pt.
"""

from __future__ import annotations

import copy

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

ACCENT = RGBColor(0x1F, 0x4E, 0x79)  # 8.6:1 on white
ACCENT_2 = RGBColor(0x2E, 0x75, 0xB6)  # rules and marks only (no text)
LIGHT = RGBColor(0xDC, 0xE6, 0xF1)
PALE = RGBColor(0xF2, 0xF6, 0xFA)  # divider background: TEXT 14:1, MUTED 6.5:1 on it
TEXT = RGBColor(0x26, 0x26, 0x26)  # 15:1 on white
MUTED = RGBColor(0x59, 0x59, 0x59)  # 7:1 on white
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)
CONTENT_TOP = Inches(1.5)
CONTENT_WIDTH = WIDTH - 2 * MARGIN
CONTENT_HEIGHT = Inches(5.2)  # down to the footer rule
FOOTER_TOP = Inches(7.0)
BAND = Inches(0.45)  # the title slide's band at the right edge
TITLE_WIDTH = Inches(10.5)  # the title slide's texts
BODY_PT = 14
CELL_MARGIN = Inches(0.06)  # above and below a cell's text
# the default template's layouts the design keeps (by their index there); the others go
_KEPT = {0: "Titelbild", 2: "Avsnitt", 5: "Rubrik och innehåll"}
LAYOUT_TITLE, LAYOUT_SECTION, LAYOUT_TITLE_ONLY = 0, 1, 2  # their indexes in the new deck
SLIDE_NUMBER_FIELD = "{5A0C3E61-2B1F-4E0B-9B47-6E1D2C3A4B01}"  # fixed: templates are reproducible


def row_height(size_pt: float = BODY_PT, lines: int = 1) -> int:
    """Return a table row's height measured for its text: lines of 1.2 × size plus margins."""
    return int(Pt(size_pt * 1.2 * lines) + 2 * CELL_MARGIN)


def new_deck(footer: str = ""):
    """Return an empty 16:9 presentation with the design's master and layouts.

    `footer` (tags allowed: the engine renders layouts with the deck's context) is set at the
    bottom of the content and section layouts, beside the slide number.
    """
    prs = Presentation()
    scale = WIDTH / prs.slide_width
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    for holder in [prs.slide_master, *prs.slide_layouts]:
        for shape in holder.shapes:
            if shape.left is not None:
                shape.left, shape.width = int(shape.left * scale), int(shape.width * scale)
    _theme(prs)
    _title_style(prs.slide_master)
    layouts = list(prs.slide_layouts)
    for index, name in _KEPT.items():
        layout = layouts[index]
        layout.name = name
        for shape in list(layout.placeholders):
            if shape.placeholder_format.idx >= 10:  # date, footer, number: ours are shapes
                shape._element.getparent().remove(shape._element)
    _title_layout(prs, layouts[0])
    _section_layout(prs, layouts[2], footer)
    _content_layout(prs, layouts[5], footer)
    for index, layout in enumerate(layouts):
        if index not in _KEPT:
            prs.slide_layouts.remove(layout)
    return prs


def _theme(prs) -> None:
    """Make the theme's first accent the design's, so table bands and charts match."""
    theme = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme")
    theme._blob = theme.blob.replace(b'<a:accent1><a:srgbClr val="4F81BD"/>',
                                     b'<a:accent1><a:srgbClr val="1F4E79"/>')


def _title_style(master) -> None:
    style = master._element.find(qn("p:txStyles")).find(qn("p:titleStyle"))
    level = style.find(qn("a:lvl1pPr"))
    level.set("algn", "l")
    rpr = level.find(qn("a:defRPr"))
    rpr.set("sz", "2800")
    rpr.set("b", "1")
    for fill in rpr.findall(qn("a:solidFill")):
        rpr.remove(fill)
    rpr.insert(0, _fill(rpr, "1F4E79"))


def _fill(parent, color: str):
    fill = parent.makeelement(qn("a:solidFill"), {})
    fill.append(fill.makeelement(qn("a:srgbClr"), {"val": color}))
    return fill


def _on_layout(prs, layout, build) -> None:
    """Add shapes to a layout: `build(slide)` adds them to a scratch slide (layouts cannot add
    shapes), and they move to the layout with ids of their own."""
    scratch = prs.slides.add_slide(prs.slide_layouts[6])
    for shape in list(scratch.placeholders):
        shape._element.getparent().remove(shape._element)
    build(scratch)
    tree = layout.shapes._spTree
    next_id = 100 + len(tree)
    for element in list(scratch.shapes._spTree)[2:]:  # after nvGrpSpPr and grpSpPr
        c_nv_pr = element.find(".//" + qn("p:cNvPr"))
        c_nv_pr.set("id", str(next_id))
        next_id += 1
        tree.append(copy.deepcopy(element))
    sld_ids = prs.slides._sldIdLst
    prs.part.drop_rel(sld_ids[-1].rId)
    sld_ids.remove(sld_ids[-1])


def decorative(shape) -> None:
    """Mark a shape as decorative, so screen readers skip it (Office's adec extension)."""
    c_nv_pr = shape._element.find(".//" + qn("p:cNvPr"))
    ext_lst = c_nv_pr.makeelement(qn("a:extLst"), {})
    ext = ext_lst.makeelement(qn("a:ext"), {"uri": "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"})
    adec = "http://schemas.microsoft.com/office/drawing/2017/decorative"
    ext.append(ext.makeelement(f"{{{adec}}}decorative", {"val": "1"}, nsmap={"adec": adec}))
    ext_lst.append(ext)
    c_nv_pr.append(ext_lst)


def filled(s, name: str, left, top, width, height, color: RGBColor, shape=MSO_SHAPE.RECTANGLE):
    """Add a filled, borderless shape (one that may hold text)."""
    rect = s.shapes.add_shape(shape, left, top, width, height)
    rect.name = name
    rect.fill.solid()
    rect.fill.fore_color.rgb = color
    rect.line.fill.background()
    flat(rect)
    return rect


def rectangle(s, name: str, left, top, width, height, color: RGBColor, shape=MSO_SHAPE.RECTANGLE):
    """Add a filled, borderless, decorative shape."""
    rect = filled(s, name, left, top, width, height, color, shape)
    decorative(rect)
    return rect


def flat(shape) -> None:
    """Remove the theme's shadow from a shape (PowerPoint and LibreOffice alike)."""
    shape.shadow.inherit = False
    effect = shape._element.find(qn("p:style") + "/" + qn("a:effectRef"))
    if effect is not None:
        effect.set("idx", "0")


def _footer(s, footer: str) -> None:
    """The footer rule, the footer text and the slide number, as shapes of a layout."""
    rule = rectangle(s, "Sidfotslinje", MARGIN, FOOTER_TOP, CONTENT_WIDTH, Emu(9525), LIGHT)
    rule.name = "Sidfotslinje"
    if footer:
        box = textbox(s, "Sidfot", [(footer, 12, False)], top=FOOTER_TOP + Inches(0.04),
                      height=Inches(0.38), width=CONTENT_WIDTH - Inches(1.4), color=MUTED)
        box.text_frame.paragraphs[0].space_after = 0
    box = textbox(s, "Bildnummer", [("", 12, True)], top=FOOTER_TOP + Inches(0.04),
                  height=Inches(0.38), left=WIDTH - MARGIN - Inches(1.2), width=Inches(1.2))
    p = box.text_frame.paragraphs[0]
    p.alignment = PP_ALIGN.RIGHT
    p.space_after = 0
    for run in list(p.runs):
        p._p.remove(run._r)
    field = p._p.makeelement(qn("a:fld"), {"id": SLIDE_NUMBER_FIELD, "type": "slidenum"})
    rpr = field.makeelement(qn("a:rPr"), {"lang": "sv-SE", "sz": "1200", "b": "1"})
    rpr.append(_fill(rpr, "1F4E79"))
    field.append(rpr)
    text = field.makeelement(qn("a:t"), {})
    text.text = "‹#›"
    field.append(text)
    p._p.insert(len(p._p) - (1 if p._p.find(qn("a:endParaRPr")) is not None else 0), field)


def _title_layout(prs, layout) -> None:
    title, sub = layout.placeholders[0], layout.placeholders[1]
    title.left, title.top, title.width, title.height = MARGIN, Inches(2.75), TITLE_WIDTH, Inches(1.25)
    sub.left, sub.top, sub.width, sub.height = MARGIN, Inches(4.1), TITLE_WIDTH, Inches(1.9)
    title.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    sub.text_frame.vertical_anchor = MSO_ANCHOR.TOP

    def build(s):  # a band at the edge, no panel that looks as if a picture were missing
        rectangle(s, "Kantband", WIDTH - BAND, 0, BAND, HEIGHT, ACCENT)
        rectangle(s, "Kantband linje", WIDTH - BAND - Inches(0.1), 0, Inches(0.06), HEIGHT,
                  ACCENT_2)
        rectangle(s, "Rubriklinje", MARGIN + Inches(0.1), Inches(2.2), Inches(1.2), Inches(0.07),
                  ACCENT_2)

    _on_layout(prs, layout, build)


def _section_layout(prs, layout, footer: str) -> None:
    layout.background.fill.solid()
    layout.background.fill.fore_color.rgb = PALE
    title, body = layout.placeholders[0], layout.placeholders[1]
    title.left, title.top, title.width, title.height = Inches(2.9), Inches(2.0), Inches(9.6), Inches(1.4)
    body.left, body.top, body.width, body.height = Inches(2.9), Inches(3.55), Inches(9.6), Inches(2.6)
    title.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
    body.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    for rpr in title._element.iter(qn("a:defRPr")):
        rpr.attrib.pop("cap", None)  # the default layout sets its title in capitals

    def build(s):
        rectangle(s, "Avsnittslinje", Inches(3.0), Inches(3.42), Inches(1.2), Inches(0.07), ACCENT_2)
        _footer(s, footer)

    _on_layout(prs, layout, build)


def _content_layout(prs, layout, footer: str) -> None:
    title = layout.placeholders[0]
    title.left, title.top, title.width, title.height = MARGIN, Inches(0.3), CONTENT_WIDTH, Inches(0.95)
    title.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM

    def build(s):
        rectangle(s, "Rubriklinje", MARGIN + Inches(0.1), Inches(1.3), Inches(0.9), Inches(0.06),
                  ACCENT_2)
        _footer(s, footer)

    _on_layout(prs, layout, build)


def slide(prs, title: str, notes: str = "", layout: int = LAYOUT_TITLE_ONLY):
    """Add a slide with a title and, optionally, a directive in its notes."""
    s = prs.slides.add_slide(prs.slide_layouts[layout])
    s.shapes.title.text = title
    s.shapes.title.name = "Rubrik"
    for shape in list(s.placeholders):
        if shape.placeholder_format.idx != 0:
            shape._element.getparent().remove(shape._element)
    if notes:
        s.notes_slide.notes_text_frame.text = notes
    return s


def textbox(s, name: str, paragraphs: list[tuple[str, int, bool]], top=CONTENT_TOP,
            height=CONTENT_HEIGHT, left=MARGIN, width=CONTENT_WIDTH, color=TEXT):
    """Add a text box of (text, size, bold) paragraphs that wraps within its box."""
    box = s.shapes.add_textbox(left, top, width, height)
    box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.TOP
    for i, (text, size, bold) in enumerate(paragraphs):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = p.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = color
        p.space_after = Pt(6)
    return box


def title_slide(prs, title: str, kicker: str, meeting: str = "{{ mote.rubrik }}",
                detail: str = "{{ mote.detaljer }}", byline: str = ""):
    """Add the title slide: the logo place (or the kommun's name as a wordmark), a kicker line,
    the title, the meeting and its date, a detail line (time, place) and a byline."""
    s = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE])
    s.shapes.title.text = title
    s.shapes.title.name = "Rubrik"
    run = s.shapes.title.text_frame.paragraphs[0].runs[0]
    run.font.size = Pt(36)  # two lines fit the title's box
    sub = s.placeholders[1]
    sub.name = "Underrubrik"
    frame = sub.text_frame
    frame.text = meeting
    frame.paragraphs[0].runs[0].font.size = Pt(28)
    frame.paragraphs[0].runs[0].font.color.rgb = TEXT
    if detail:
        p = frame.add_paragraph()
        p.text = detail
        p.runs[0].font.size = Pt(16)
        p.runs[0].font.color.rgb = MUTED
        p.space_before = Pt(6)
    for p in frame.paragraphs:
        p.alignment = PP_ALIGN.LEFT
        p.level = 0
    _no_bullets(sub)
    textbox(s, "Ordmärke", [("{% if 'logotyp' not in bilder %}{{ kommun.namn }}{% endif %}",
                             22, True)], top=Inches(0.55), height=Inches(0.9),
            width=Inches(6.0), color=ACCENT)
    textbox(s, "Överrubrik", [(kicker, 16, True)], top=Inches(2.3), height=Inches(0.45),
            width=TITLE_WIDTH, color=ACCENT)
    if byline:
        textbox(s, "Avsändare", [(byline, 16, False)], top=Inches(6.45), height=Inches(0.5),
                width=TITLE_WIDTH, color=MUTED)
    logo = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, MARGIN, Inches(0.45), Inches(3.0),
                              Inches(1.1))
    logo.name = "bild:logotyp"
    logo.fill.background()
    logo.line.fill.background()
    logo._element.find(".//" + qn("p:cNvPr")).set("descr", "Kommunens logotyp")
    return s


def _no_bullets(placeholder) -> None:
    for p in placeholder.text_frame.paragraphs:
        ppr = p._p.get_or_add_pPr()
        ppr.set("marL", "0")
        ppr.set("indent", "0")
        if ppr.find(qn("a:buNone")) is None:
            ppr.append(ppr.makeelement(qn("a:buNone"), {}))


def section_slide(prs, title: str, question: str, number: str = "", notes: str = ""):
    """Add a section divider: a number in a colour square, the section's name and its question
    from the planning document (tags allowed in all three; `notes` may hold a directive)."""
    s = prs.slides.add_slide(prs.slide_layouts[LAYOUT_SECTION])
    s.shapes.title.text = title
    s.shapes.title.name = "Rubrik"
    s.shapes.title.text_frame.paragraphs[0].runs[0].font.size = Pt(40)
    body = s.placeholders[1]
    body.name = "Fråga"
    body.text_frame.text = question
    body.text_frame.paragraphs[0].runs[0].font.size = Pt(22)
    body.text_frame.paragraphs[0].runs[0].font.color.rgb = TEXT
    _no_bullets(body)
    if number:
        box = filled(s, "Avsnittsnummer", MARGIN, Inches(1.95), Inches(1.5), Inches(1.5), ACCENT)
        frame = box.text_frame
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        frame.text = number
        p = frame.paragraphs[0]
        p.alignment = PP_ALIGN.CENTER
        p.runs[0].font.size = Pt(54)
        p.runs[0].font.bold = True
        p.runs[0].font.color.rgb = WHITE
    if notes:
        s.notes_slide.notes_text_frame.text = notes
    return s
