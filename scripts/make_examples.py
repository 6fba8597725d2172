"""Write the example workbooks in inputs/ from pipeline/examples (run after a format change)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.blank import write_examples  # noqa: E402
from pipeline.examples import KOMMUN, NAMNDER  # noqa: E402
from pipeline.read import schema  # noqa: E402
from pipeline.read.blank_workbook import write_workbook  # noqa: E402


def main() -> None:
    inputs = ROOT / "inputs"
    write_workbook(schema.KOMMUN, inputs / "kommun.xlsx", KOMMUN)
    for path in [inputs / "kommun.xlsx", *write_examples(inputs, NAMNDER, KOMMUN)]:
        print(f"Skrev {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
