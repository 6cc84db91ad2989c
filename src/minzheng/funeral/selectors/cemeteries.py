"""公墓 reads: the list, one cemetery with its sections and plot map, one plot, the plot-area limits."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from minzheng.policy.interface import visible

from ..models import Cemetery, CemeterySection, Plot, PlotAreaLimit, PlotState
from .common import one, scoped

STATE_COLOURS = {PlotState.AVAILABLE: "#d9f2d9", PlotState.RESERVED: "#ffe7ba", PlotState.OCCUPIED: "#b5b5b5"}
CELL = 22


def cemetery_list(user) -> QuerySet[Cemetery]:
    return scoped(
        Cemetery.objects.annotate(
            plots=Count("sections__plots"),
            used=Count("sections__plots", filter=~Q(sections__plots__state=PlotState.AVAILABLE)),
        ),
        user,
    ).order_by("division_code", "name")


def cemetery_detail(user, pk: int) -> Cemetery:
    return one(Cemetery.objects.all(), user, pk)


def plot_detail(user, pk: int) -> Plot:
    return one(
        Plot.objects.select_related("section__cemetery", "first_occupant", "second_occupant"), user, pk
    )


@dataclass(frozen=True)
class MapCell:
    x: int
    y: int
    colour: str
    url: str
    label: str


@dataclass(frozen=True)
class SectionMap:
    section: CemeterySection
    width: int
    height: int
    cells: list[MapCell]
    counts: dict[str, int]


def section_maps(cemetery: Cemetery, plot_url) -> list[SectionMap]:
    """墓区平面图: one SVG grid per section, each plot a square coloured by its state (one query for all)."""
    by_section: dict[int, list[Plot]] = {}
    for plot in Plot.objects.filter(section__cemetery=cemetery).order_by("section_id", "row", "column"):
        by_section.setdefault(plot.section_id, []).append(plot)
    maps = []
    labels = dict(PlotState.choices)
    for section in cemetery.sections.order_by("name"):
        plots = by_section.get(section.pk, [])
        counts = {labels[s]: sum(1 for p in plots if p.state == s) for s in PlotState.values}
        cells = [
            MapCell((p.column - 1) * CELL, (p.row - 1) * CELL, STATE_COLOURS[p.state], plot_url(p.pk), f"{p.number} {labels[p.state]}")
            for p in plots
        ]  # fmt: skip
        maps.append(SectionMap(section, section.columns * CELL, section.rows * CELL, cells, counts))
    return maps


def area_limits(user) -> QuerySet[PlotAreaLimit]:
    return visible(PlotAreaLimit.objects.all(), user).order_by(
        "plot_kind", "division_code", "-effective_from"
    )
