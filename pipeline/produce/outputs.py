"""Every output of a build, declared once, as data: the output registry.

One declaration says what an output is (its name, scope, renderer kind, template, context
function, path in build/, link text on the overview page, noun in `bygg`'s summary, what its
key depends on beyond its inputs and template, and whether `bygg --pdf` converts it). The job
list, the overview page's links, the summary line, `kontrollera`'s template check, the list of
template names and the README's table of outputs all read this registry; adding an output is
one declaration here, one context function and one template.

The module stays light (the unchanged-build answer reads it before any Office library is
imported): context functions are named as "module:function" and imported when first used.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from importlib import import_module

from .. import resources
from ..model import BESLUTSUNDERLAG_KRAVER

# The renderer kinds (produce/kinds.py): a Word template, a deck template, a calendar
WORD, DECK, CALENDAR = "word", "deck", "kalender"
HTML = "html"  # a page from a Jinja template in templates/, escaped for HTML (render/html.py)
FORMATS = {".docx": "Word", ".pptx": "PowerPoint", ".pdf": "PDF", ".ics": "kalenderfil, .ics",
           ".html": "webbsida"}
# What else a key can depend on: the logo (templates/logotyp.png or .svg), the meeting (decks)
LOGO, MEETING = "logotyp", "mote"
# … and every nämnd read: an output about one nämnd that shows what the others wrote about it
# (its context function is given them as `namnder`)
NAMNDER = "namnder"
OVERVIEW_TEMPLATE = "oversikt.html"  # build/index.html, written by every build (not a job)


class Scope(Enum):
    """How many of an output a build makes, and from which nämnder."""

    NAMND = "per nämnd"  # one per nämnd built without errors, from its workbook
    KOMMUN = "kommunövergripande"  # one, from every nämnd built without errors
    I_ARBETE = "alla nämnder i arbete"  # one, from every nämnd read, with errors or not

    @property
    def per_namnd(self) -> bool:
        """Return True when the output is made once for each nämnd."""
        return self is Scope.NAMND


@dataclass(frozen=True)
class Output:
    """One kind of output of a build."""

    name: str  # its identity in the registry and the manifest: "beslutsunderlag"
    scope: Scope
    kind: str  # WORD, DECK, CALENDAR or HTML
    path: str  # inside build/, "{kod}" the nämnd's code: "{kod}/beslutsunderlag-{kod}.docx"
    link: str  # on the overview page, before the format: "Beslutsunderlag" (Word)
    noun: tuple[str, str]  # in bygg's summary, one and many: ("bilaga", "bilagor")
    template: str = ""  # the file in templates/ it is rendered from
    context: str = ""  # "module:function" under pipeline.render returning what it sees
    title: str = ""  # a deck's or calendar's title: "Verksamhetsidé – {namnd.namn}"
    author: str = ""  # a deck's author: "{kommun.namn}, {namnd.forvaltning}"
    depends: tuple[str, ...] = ()  # LOGO, MEETING: beyond its workbooks and template
    pdf: bool = False  # `bygg --pdf` writes a PDF beside it
    part_of: str = ""  # counted in the summary with that output: "avrapportering med bilaga"
    options: tuple[tuple[str, object], ...] = ()  # the renderer kind's own settings
    about: str = ""  # what it is, for the README's table of outputs
    requires: tuple[str, ...] = ()  # a nämnd's sheets (attributes) it is not made without
    named: str = ""  # what it is called in a sentence: "beslutsunderlaget" (default: the link)

    @property
    def in_text(self) -> str:
        """Return what the output is called in a sentence."""
        return self.named or self.link[:1].lower() + self.link[1:]

    def target(self, kod: str = "") -> str:
        """Return the output's path inside the build folder, with forward slashes."""
        return self.path.format(kod=kod)

    def context_function(self):
        """Return the function that builds what the template sees (imported on first use)."""
        module, _, function = self.context.partition(":")
        return getattr(import_module(module, "pipeline.render"), function)


_NAMND_DECK_TITLE = "Verksamhetsidé – {namnd.namn}"


def _arbetsmaterial(passes: str, what: str) -> Output:
    """Return the declaration of the processtöd's material for a period of passes ("1-2"):
    one template for all three periods, dated by the nämnd's own passes (not by a meeting);
    pass 3–4's shows what the other nämnder wrote about the nämnd at the avstämning."""
    period = f"pass {passes.replace('-', '–')}"
    return Output(f"arbetsmaterial-{passes}", Scope.NAMND, DECK,
                  f"{{kod}}/arbetsmaterial-pass-{passes}-{{kod}}.pptx", f"Arbetsmaterial {period}",
                  ("arbetsmaterial", "arbetsmaterial"), template="arbetsmaterial.pptx",
                  context=f".context_arbetsmaterial:pass_{passes.replace('-', '_')}_context",
                  title=f"Arbetsmaterial {period} – {{namnd.namn}}",
                  author="{kommun.namn}, {namnd.forvaltning}",
                  depends=(LOGO, NAMNDER) if passes == "3-4" else (LOGO,),
                  options=(("summary", "… och {count} {noun} till – se arbetsboken"),),
                  about=f"Processtödets arbetsmaterial till {what}. Gruppens svar hittills, och "
                        "tomma ytor att skriva på där inget är skrivet.")


OUTPUTS: list[Output] = [
    Output("beslutsunderlag", Scope.NAMND, WORD, "{kod}/beslutsunderlag-{kod}.docx",
           "Beslutsunderlag", ("beslutsunderlag", "beslutsunderlag"),
           template="beslutsunderlag.docx", context=".context:memo_context", pdf=True,
           depends=(LOGO,),
           requires=BESLUTSUNDERLAG_KRAVER, named="beslutsunderlaget",
           about="Tjänsteskrivelsen till nämnden, högst fyra sidor; byggs när arbetsboken har "
                 "en formulering och förslag till beslut."),
    Output("bilaga", Scope.NAMND, WORD, "{kod}/bilaga-1-{kod}.docx",
           "Bilaga 1", ("bilaga", "bilagor"),
           template="bilaga.docx", context=".context:bilaga_context", pdf=True,
           depends=(LOGO,),
           requires=("verksamhetsideer",), named="bilaga 1",
           about="Bilaga 1: utvecklingsgruppens underlag och förslag till verksamhetsidé; byggs "
                 "när arbetsboken har en formulering."),
    Output("avstamning", Scope.NAMND, DECK, "{kod}/avstamning-{kod}.pptx",
           "Avstämningspresentation", ("presentation", "presentationer"),
           template="avstamning.pptx", context=".context_avstamning:avstamning_context",
           title=_NAMND_DECK_TITLE, author="{kommun.namn}, {namnd.forvaltning}",
           depends=(LOGO, MEETING), pdf=True,
           about="Nämndens presentation för mötet: dagordning, underlaget, dialogfrågor."),
    _arbetsmaterial("1-2", "pass 1 och 2: syftet och övningarna om vad, för vem och varför, "
                           "utmaningar och möjligheter och beroenden"),
    _arbetsmaterial("3-4", "pass 3 och 4: insikterna från avstämningen och övningen att "
                           "formulera verksamhetsidén, med formuleringarna hittills"),
    _arbetsmaterial("5", "pass 5: verksamhetsidén, reflektionerna, förslaget till beslut och "
                         "det beslutsunderlaget ännu saknar"),
    Output("tidplan", Scope.NAMND, CALENDAR, "{kod}/tidplan-{kod}.ics",
           "Tidplan", ("kalenderfil", "kalenderfiler"), title=_NAMND_DECK_TITLE,
           about="Nämndens möten och de gemensamma milstolparna, att importera i en kalender."),
    Output("kommunovergripande", Scope.I_ARBETE, DECK, "kommunovergripande.pptx",
           "Kommunövergripande presentation", ("presentation", "presentationer"),
           template="kommunovergripande.pptx", context=".context_kommun:kommun_context",
           title="Verksamhetsidéer i {kommun.namn} – kommunövergripande",
           author="{kommun.namn}", depends=(LOGO, MEETING), pdf=True,
           options=(("summary", "… och {count} {noun} till – se nämndernas "
                                "avstämningsunderlag"),),  # the deck has no bilaga 1
           about="Presentationen för det gemensamma mötet: alla nämnder tillsammans, också de "
                 "som har fel i arbetsboken."),
    Output("kommun-tidplan", Scope.KOMMUN, CALENDAR, "tidplan.ics",
           "Gemensam tidplan", ("kalenderfil", "kalenderfiler"),
           title="Verksamhetsidé – {kommun.namn}",
           about="Alla nämnders möten och de gemensamma milstolparna."),
    Output("avrapportering", Scope.KOMMUN, WORD, "avrapportering.docx",
           "Avrapportering till kommunstyrelsen", ("avrapportering", "avrapporteringar"),
           template="avrapportering.docx",
           context=".context_avrapportering:avrapportering_context", pdf=True, depends=(LOGO,),
           about="Kommunstyrelsens avrapportering av uppdraget, högst fyra sidor."),
    Output("bilaga-avrapportering", Scope.KOMMUN, WORD, "bilaga-avrapportering.docx",
           "Bilaga 1 till avrapporteringen", ("bilaga till avrapporteringen",
                                              "bilagor till avrapporteringen"),
           template="bilaga-avrapportering.docx",
           context=".context_avrapportering:bilaga_avrapportering_context", pdf=True,
           depends=(LOGO,),
           part_of="avrapportering",
           about="Avrapporteringens bilaga 1: verksamhetsidéerna och det nämnderna delar."),
    Output("intranat", Scope.I_ARBETE, WORD, "intranat.docx",
           "Intranätstext", ("intranätstext", "intranätstexter"),
           template="intranat.docx", context=".context_intranat:intranat_context",
           about="Kommunikatörens text till intranätet vid avstämningen i oktober: uppdraget, "
                 "läget i varje nämnd den dagen, det nämnderna har gemensamt och det som kommer "
                 "sedan."),
    Output("intranat-sida", Scope.I_ARBETE, HTML, "intranat.html",
           "Intranätstext", ("webbsida", "webbsidor"),
           template="intranat.html", context=".context_intranat:intranat_context",
           part_of="intranat",
           about="Samma text som en fristående, tillgänglig webbsida att klistra in på "
                 "intranätet."),
]


def by_name(name: str) -> Output:
    """Return the declared output of that name."""
    return next(o for o in OUTPUTS if o.name == name)


def template_names() -> tuple[str, ...]:
    """Return every template the tool ships, in the registry's order, the overview page's last."""
    return tuple(dict.fromkeys([*(o.template for o in OUTPUTS if o.template),
                                OVERVIEW_TEMPLATE]))


def template_files() -> tuple[str, ...]:
    """Return every file of a templates folder a build reads: the templates and the logo."""
    return (*template_names(), *resources.LOGOS)


def link_text(output: Output, suffix: str) -> str:
    """Return an output's link on the overview page: "Beslutsunderlag (Word)"."""
    return f"{output.link} ({FORMATS.get(suffix, suffix.lstrip('.'))})"


def outputs_markdown() -> str:
    """Return the README's table of outputs, from the registry."""
    scope = {Scope.NAMND: "en per nämnd", Scope.KOMMUN: "en", Scope.I_ARBETE: "en"}
    lines = ["| Fil i `build/` | Vad det är | Mall i `templates/` | Antal |", "|---|---|---|---|"]
    for d in OUTPUTS:
        template = f"`{d.template}`" if d.template else "–"
        lines.append(f"| `{d.target('KOD')}`" + (" och PDF med `--pdf`" if d.pdf else "")
                     + f" | {d.about} | {template} | {scope[d.scope]} |")
    return "\n".join(lines) + "\n"
