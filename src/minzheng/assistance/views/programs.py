"""救助项目: the programs configured for the user's divisions."""

from django.shortcuts import render

from minzheng.policy.interface import division_names

from ..selectors.programs import program_list as programs_of
from .common import page_context


def program_list(request):
    programs = list(programs_of(request.user))
    return render(
        request,
        "assistance/program_list.html",
        {
            **page_context("programs", "救助项目"),
            "programs": programs,
            "division_names": division_names(programs),
        },
    )
