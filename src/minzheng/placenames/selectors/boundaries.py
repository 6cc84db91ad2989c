"""界线 reads: lines of either side, a line with its 界桩 and rounds, overdue 联合检查."""

from datetime import date

from ..models import BoundaryDispute, BoundaryLine, BoundaryMarker, DisputeStatus
from ..rules.boundaries import joint_inspection_due
from .common import either_side, one_on_side


def line_list(user):
    return either_side(BoundaryLine.objects.all(), user).order_by("code")


def line_detail(user, pk: int) -> BoundaryLine:
    return one_on_side(BoundaryLine.objects.all(), user, pk)


def marker_detail(user, pk: int) -> BoundaryMarker:
    return one_on_side(BoundaryMarker.objects.select_related("line"), user, pk, "line__")


def dispute_detail(user, pk: int) -> BoundaryDispute:
    return one_on_side(BoundaryDispute.objects.select_related("line"), user, pk, "line__")


def last_joint_inspection(line: BoundaryLine):
    return line.joint_inspections.order_by("-round_number").first()


def joint_due(line: BoundaryLine, years: int) -> date:
    last = last_joint_inspection(line)
    return joint_inspection_due(last.inspected_on if last else line.agreed_on, years)


def open_disputes(user):
    return either_side(BoundaryDispute.objects.filter(status=DisputeStatus.OPEN), user, "line__")
