"""新增家庭: register a household with its members by hand (one page, up to eight members)."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from .. import codes
from ..errors import MinzhengError
from ..forms import HouseholdForm, MemberRowForm
from ..models import Household
from ..permissions import Capability, require
from ..person_rules import clean_person
from ..services import registry

MEMBER_ROWS = 8
MEMBER_FIELDS = ("name", "id_number", "relation", "sex", "birth_date", "ethnicity", "phone", "without_id")


def household_create(request):
    require(request.user, Capability.EDIT_REGISTRY)
    posted = request.POST if request.method == "POST" else None
    rows = [
        MemberRowForm(posted, prefix=f"m{i}").values() if posted else dict.fromkeys(MEMBER_FIELDS, "")
        for i in range(MEMBER_ROWS)
    ]
    row_errors: dict[int, dict[str, str]] = {}
    if request.method == "POST":
        members = []
        for i, row in enumerate(rows):
            if not row["name"] and not row["id_number"]:
                continue
            person = clean_person(
                id_number=row["id_number"],
                name=row["name"],
                sex=row["sex"],
                birth_date=row["birth_date"],
                ethnicity=row["ethnicity"],
                phone=row["phone"],
                without_id=row["without_id"] == "1",
            )
            relation = codes.RELATION_BY_LABEL.get(row["relation"], "")
            if not relation:
                person.errors["relation"] = "请选择与户主关系"
            if person.errors:
                row_errors[i] = person.errors
            members.append(registry.NewMember(person=person, relation=relation))
        head = HouseholdForm(request.POST)
        if not head.is_valid():
            for errors in head.errors.values():
                messages.error(request, errors[0])
        elif not members:
            messages.error(request, "请至少填写户主一行")
        elif not row_errors:
            try:
                typed = head.cleaned_data
                household = registry.register_household(
                    request.user,
                    residence_division_code=typed["residence_division_code"],
                    address=typed["address"],
                    area_type=typed["area_type"] or Household.URBAN,
                    members=members,
                    established_on=typed["established_on"] or date.today(),
                )
            except MinzhengError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, f"已新增家庭 {household.number}")
                return redirect("core:household_detail", pk=household.pk)
        else:
            messages.error(request, "成员信息有误，请按提示修改")
    return render(
        request,
        "core/household_form.html",
        {
            "rows": [(i, row, row_errors.get(i, {})) for i, row in enumerate(rows)],
            "relations": codes.RELATIONS,
            "ethnicities": codes.ETHNICITIES,
            "post": request.POST,
            "today": date.today(),
            "active_nav": "households",
            "page_title": "新增家庭",
            "breadcrumbs": [
                ("人口家庭", None),
                ("家庭户", reverse("core:household_list")),
                ("新增家庭", None),
            ],
        },
    )
