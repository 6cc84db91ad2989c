"""区划选择 (division picker) partial: the children of a division, inside the user's jurisdiction."""

from django.shortcuts import render

from ..selectors.divisions import children_in_jurisdiction


def division_children(request):
    parent = request.GET.get("parent", "")
    children = children_in_jurisdiction(request.user, parent) if parent else []
    return render(
        request,
        "core/partials/division_children.html",
        {"children": children, "name": request.GET.get("name", "division")},
    )
