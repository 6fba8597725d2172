"""Shapes filled from data by their name: native charts, matrix tables and pictures, and the
check that no chart or table lost the name that binds it."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pptx.shapes.shapetree import SlideShapeFactory

from .errors import EngineError, Kind, Location
from .options import Options
from .shapes import P_CNVPR, all_shape_elements, has_tags, is_chart, shape_name, table_of
from .tables import fill_matrix
from .tags import Tags


@dataclass(frozen=True)
class ChartSpec:
    """Data for a native chart: categories, named series of numbers, and a text equivalent."""

    categories: list[str]
    series: list[tuple[str, list[float]]]
    number_format: str = "0"
    description: str = ""  # the chart's alternative text


@dataclass(frozen=True)
class Matrix:
    """A table of text with a header row and a header column."""

    header: list[str]
    rows: list[list[str]]
    groups: tuple[tuple[str, int], ...] = ()  # heading cells spanning columns above the header


_NOT_A = {"chart": Kind.NOT_A_CHART, "matrix": Kind.NOT_A_TABLE}


class Bindings:
    """The bindings of one template: shape names `prefix:NAME` filled from context[key][NAME]."""

    def __init__(self, options: Options) -> None:
        self.by_prefix = options.bindings()
        self.by_role = {role: binding for role, binding in self.by_prefix.values()}
        self._unbound: list[tuple[Location, str]] | None = None  # found once per template
        self._bound: set[tuple[str, str]] = set()

    def split(self, name: str):
        """Return (role, binding, bound name) for a shape name that binds data, else None."""
        prefix, _, bound = name.partition(":")
        if bound and prefix in self.by_prefix:
            role, binding = self.by_prefix[prefix]
            return role, binding, bound
        return None

    def check(self, template: str, trees: list, context: Mapping) -> None:
        """Refuse a template whose chart or table lost the name that binds it to data: it would
        publish the template's example data (PowerPoint renames a shape whose chart is
        replaced). `trees` are the template slides' shape trees."""
        if self._unbound is None:
            self._unbound = []
            for number, tree in enumerate(trees, start=1):
                for element in all_shape_elements(tree):
                    name = shape_name(element)
                    split = self.split(name)
                    if split is not None:
                        self._bound.add((split[0], split[2]))
                    elif is_chart(element):
                        self._unbound.append((Location(template, number, name), "chart"))
                    elif (tbl := table_of(element)) is not None and not has_tags(tbl):
                        self._unbound.append((Location(template, number, name), "matrix"))
        for where, role in self._unbound:
            binding = self.by_role[role]
            missing = tuple(n for n in context.get(binding.key, {}) if (role, n) not in self._bound)
            if missing:
                kind = Kind.UNBOUND_CHART if role == "chart" else Kind.UNBOUND_TABLE
                raise EngineError(kind, where, binding=binding.prefix, choices=missing)

    def bind(self, slide, element, split, scope: Mapping, where: Location) -> None:
        """Fill a shape named for data, or raise what is wrong with its name or its data."""
        if slide is None:
            return  # a binding on a master or layout: nothing to place it on
        role, binding, name = split
        offered = Tags.run(lambda: scope.get(binding.key, {}), where)
        value = offered.get(name)
        fits = {"chart": is_chart(element), "matrix": table_of(element) is not None,
                "picture": True}[role]
        if not fits:
            raise EngineError(_NOT_A[role], where, name=name, binding=binding.prefix,
                              choices=tuple(offered))
        if value is None and role != "picture":
            raise EngineError(Kind.NO_DATA_FOR_BINDING, where, name=name, binding=binding.prefix,
                              choices=tuple(offered))
        if role == "chart":
            fill_chart(SlideShapeFactory(element, slide.shapes), value)
        elif role == "matrix":
            fill_matrix(element, value.header, value.rows, value.groups)
        else:
            place_picture(slide, SlideShapeFactory(element, slide.shapes), value, name)


def fill_chart(frame, spec: ChartSpec) -> None:
    """Replace a chart's data (the chart stays native and editable) and its alternative text."""
    from pptx.chart.data import CategoryChartData  # pulls in xlsxwriter: only for charts

    data = CategoryChartData(number_format=spec.number_format)
    data.categories = spec.categories
    for name, values in spec.series:
        data.add_series(name, values)
    frame.chart.replace_data(data)
    if spec.description:
        frame._element.find(".//" + P_CNVPR).set("descr", spec.description)


def place_picture(slide, shape, picture: bytes | Path | None, name: str) -> None:
    """Replace a named placeholder shape with a picture fitted inside its box, or remove it."""
    element = shape._element
    if picture is not None:
        from PIL import Image

        data = picture.read_bytes() if isinstance(picture, Path) else picture
        with Image.open(io.BytesIO(data)) as img:
            ratio = img.width / img.height
        width, height = shape.width, shape.height
        if width / height > ratio:
            width = int(height * ratio)
        else:
            height = int(width / ratio)
        left = shape.left + (shape.width - width) // 2
        top = shape.top + (shape.height - height) // 2
        pic = slide.shapes.add_picture(io.BytesIO(data), left, top, width, height)
        descr = element.find(".//" + P_CNVPR).get("descr") or name
        pic._element.find(".//" + P_CNVPR).set("descr", descr)
        element.addprevious(pic._element)
    element.getparent().remove(element)
