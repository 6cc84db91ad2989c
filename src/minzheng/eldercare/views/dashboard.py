"""养老服务 总览 (dashboard), the indicators' drill-down pages and the public institution list."""

from datetime import date, timedelta

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from minzheng.core.indicator_sources import collect_indicator_sources
from minzheng.core.jurisdiction import covers
from minzheng.core.selectors.divisions import division_name, names_of
from minzheng.web.kit.charts import bars, pie

from ..rules.ratios import free_beds
from ..rules.visits import Month
from ..selectors import dashboard, indicators, public
from ..selectors.hardship import unvisited_elders
from ..services.parameters import disabled_from_level
from .common import Cell, base_context, crumbs, masked, paginate, parse_date, table_page


def dashboard_page(request):
    user = request.user
    today = date.today()
    by_division = dashboard.beds_by_child_division(user)
    names = names_of({row["code"] for row in by_division})
    charts = {
        "beds": bars(
            [names.get(row["code"], row["code"]) for row in by_division],
            {
                "床位": [row["total"] for row in by_division],
                "护理型床位": [row["nursing"] for row in by_division],
                "在住": [row["occupied"] for row in by_division],
            },
            rotate=30,
        ),
        "levels": pie(
            [{"name": label, "value": n} for label, n in dashboard.level_series(user)], radius="65%"
        ),
    }
    sources = [s for code, s in sorted(collect_indicator_sources().items()) if code.startswith("eldercare.")]
    start = today.replace(month=1, day=1)
    figures = []
    for source in sources:
        period_start = Month.of(today).first_day if source.period_type == "month" else start
        value = source.compute(user.division_code, period_start, today)
        figures.append((source, value))
    return render(
        request,
        "eldercare/dashboard.html",
        base_context(
            "养老服务总览",
            crumbs(("总览", None)),
            summary=dashboard.summary(user),
            charts=charts,
            figures=figures,
            division=division_name(user.division_code),
            queue=[(label, n, reverse(name) + query) for label, n, name, query in dashboard.work_queue(user)],
        ),
    )


def indicator_detail(request, code: str):
    """The records behind one indicator for a division (inside the viewer's jurisdiction) and period."""
    source = collect_indicator_sources().get(code)
    division = request.GET.get("division") or request.user.division_code
    if (
        source is None
        or not code.startswith("eldercare.")
        or not covers(request.user.division_code, division)
    ):
        raise Http404("记录不存在或不在您的管辖范围内")
    end = parse_date(request.GET.get("end")) or date.today()
    start = parse_date(request.GET.get("start")) or end.replace(month=1, day=1)
    value = source.compute(division, start, end)
    headers, rows = _records(code, division, start, end)
    page = paginate(request, rows, per_page=50)
    intro = (
        f"{division_name(division)}，{start} 至 {end}：{source.name} = "
        f"{value.value if value.value is not None else '—'}{source.unit}（{value.numerator} / {value.denominator}）。"
        f"口径：{source.definition}。{value.note}"
    )
    return table_page(
        request,
        title=source.name,
        trail=crumbs(("总览", reverse("eldercare:dashboard")), (source.name, None)),
        page_obj=page,
        headers=headers,
        rows=list(page),
        intro=intro,
    )


def _institution_link(i) -> Cell:
    return Cell(i.name, reverse("eldercare:institution_detail", args=[i.pk]))


def _records(code: str, division: str, start: date, end: date) -> tuple[list[str], list]:
    if code in {"eldercare.nursing_bed_ratio", "eldercare.social_workers_per_hundred_beds"}:
        qs = indicators.institutions_in_service(division, end).order_by("division_code", "name")
        names = names_of(set(qs.values_list("division_code", flat=True)))
        return ["机构", "区划", "床位总数", "护理型床位"], [
            [_institution_link(i), names.get(i.division_code, ""), i.beds_total, i.nursing_beds] for i in qs
        ]
    if code == "eldercare.township_coverage":
        covered = indicators.covered_townships(division, end)
        return ["街道（乡镇）", "区划代码", "综合功能养老服务机构"], [
            [t.name, t.code, Cell("有", tag="green") if t.code in covered else Cell("无", tag="red")]
            for t in indicators.townships(division)
        ]
    if code == "eldercare.social_workers_per_thousand_elderly":
        qs = (
            indicators.social_workers(division, end)
            .select_related("institution", "facility")
            .order_by("division_code")
        )
        return ["姓名", "所在机构/设施", "证书", "入职日期"], [
            [s.name, (s.institution or s.facility).name, s.certificate, s.hired_on] for s in qs
        ]
    if code == "eldercare.monthly_visit_rate":
        month = Month.of(end)
        return [f"{month} 未探访的在册老人", "困难类型", "探访责任人"], [
            [
                Cell(e.person.name, reverse("eldercare:elder_detail", args=[e.pk])),
                "、".join(e.category_labels()),
                e.assigned_to.display_name if e.assigned_to else "未指定",
            ]
            for e in unvisited_elders(division, month)
        ]
    if code == "eldercare.tekun_disabled_institutional_rate":
        elders = indicators.disabled_tekun_elders(division, end, disabled_from_level(division, end))
        elders = elders.annotate(housed=indicators.in_institution_on(end)).select_related("person")
        return ["姓名", "证件号码", "最近能力等级", "集中供养"], [
            [
                Cell(e.person.name, reverse("eldercare:elder_detail", args=[e.pk])),
                masked(e.person),
                e.latest_level,
                Cell("机构供养", tag="green") if e.housed else Cell("分散供养", tag="orange"),
            ]
            for e in elders
        ]
    raise Http404


def public_institutions(request):
    """公开: institutions with rating and free beds; no login, no personal data."""
    q = request.GET.get("q", "").strip()[:50]
    division = request.GET.get("division", "").strip()[:12]
    rows = public.public_institutions(division if division.isdigit() else "", q)
    page = paginate(request, rows)
    names = names_of({i.division_code for i in page})
    for institution in page:
        institution.free_beds = free_beds(institution.beds_total, institution.occupied)
        institution.stars = "★" * institution.grade if institution.grade else "未评定"
    return render(
        request,
        "eldercare/public_institutions.html",
        {
            "page_obj": page,
            "names": names,
            "q": q,
            "today": date.today(),
            "page_title": "养老机构信息公开",
            "inspections": public.public_inspection_results(date.today() - timedelta(days=365))[:100],
            "blacklist": public.public_blacklist(date.today()),
        },
    )
