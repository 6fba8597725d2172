"""Write the generated sections into README.md: the workbook format (from the schema) and the
table of outputs (from the output registry) and the templates' names (from their contracts)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.produce.outputs import outputs_markdown  # noqa: E402
from pipeline.read.formatdoc import format_markdown  # noqa: E402
from pipeline.render.contracts import names_markdown  # noqa: E402

# each generated section: its marker's name and what writes it
SECTIONS = {"format": format_markdown, "utdata": outputs_markdown, "namn": names_markdown}


def main() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    for name, make in SECTIONS.items():
        start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
        if start not in text:
            sys.exit(f"README.md has no {start} marker")
        block = f"{start}\n{make()}{end}"
        text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _, b=block: b, text,
                      flags=re.DOTALL)
    readme.write_text(text, encoding="utf-8")
    print("Uppdaterade README.md")


if __name__ == "__main__":
    main()
