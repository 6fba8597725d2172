"""The workbook format as Markdown, generated from the schema (README, `underlag format`)."""

from __future__ import annotations

from . import schema

KINDS = {"text": "text", "int": "heltal", "date": "datum", "time": "klockslag",
         "choice": "val i lista", "kod": "nämndkod"}


def format_markdown() -> str:
    """Return the documentation of both workbooks' sheets and columns."""
    out = [f"Formatversion {schema.FORMAT_VERSION}.\n"]
    for wb_schema in schema.SCHEMAS:
        out.append(f"\n### {wb_schema.title}\n")
        for sheet in wb_schema.sheets:
            layout = "uppgift i kolumn A, värde i kolumn B" if sheet.is_form else "en rad per sak"
            out.append(f"\n**{sheet.name}** ({layout}). {sheet.description}\n\n")
            out.append("| Kolumn | Typ | Måste fyllas i | Hjälp |\n|---|---|---|---|\n")
            for c in sheet.columns:
                kind = KINDS[c.kind]
                if c.choices:
                    kind += ": " + ", ".join(c.choices)
                out.append(f"| {c.header} | {kind} | {'ja' if c.required else ''} | {c.help} |\n")
    return "".join(out)
