"""Produce templates/avstamning.pptx, templates/kommunovergripande.pptx and
templates/arbetsmaterial.pptx (16:9).

Run `python scripts/make_pptx_templates.py`. The committed templates are this script's output:
the design system is scripts/pptx_design.py, the shared parts scripts/pptx_parts.py, and each
deck its own module (scripts/pptx_avstamning.py, scripts/pptx_kommun.py,
scripts/pptx_arbetsmaterial.py). Staff may restyle them in PowerPoint (theme, fonts, colours,
positions) as long as the tags and the shape names `diagram:…`, `matris:…` and `bild:…` stay;
see README, "Mallar".
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the deck modules beside it

from pptx_arbetsmaterial import arbetsmaterial  # noqa: E402
from pptx_avstamning import avstamning  # noqa: E402
from pptx_kommun import kommunovergripande  # noqa: E402

from pipeline.output import atomic_write  # noqa: E402


def main() -> None:
    for name, build in (("avstamning.pptx", avstamning),
                        ("kommunovergripande.pptx", kommunovergripande),
                        ("arbetsmaterial.pptx", arbetsmaterial)):
        target = ROOT / "templates" / name
        atomic_write(target, build())
        print(f"Skrev {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
