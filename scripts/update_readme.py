"""Write the workbook format, generated from the schema, into README.md."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.read.formatdoc import format_markdown  # noqa: E402

START, END = "<!-- format:start -->", "<!-- format:end -->"


def main() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    block = f"{START}\n{format_markdown()}{END}"
    readme.write_text(re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: block, text,
                             flags=re.DOTALL), encoding="utf-8")
    print("Uppdaterade README.md")


if __name__ == "__main__":
    main()
