"""Template context every page needs: the sidebar and the user's division."""

from django.urls import reverse

from minzheng.core.permissions import has_capability, path_closed_to

from .navigation import NAVIGATION


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    groups = []
    for group in NAVIGATION:
        items = [
            i
            for i in group.items
            if (not i.capability or any(has_capability(user, c) for c in i.capability.split("|")))
            and not path_closed_to(user, reverse(i.url_name) if i.built else f"/platform/{i.slug}/")
        ]
        if items:
            groups.append((group, items))
    from minzheng.core.permissions import Capability
    from minzheng.core.selectors.divisions import division_name

    return {
        "nav_groups": groups,
        "user_division_name": division_name(user.division_code),
        # the header's 全局检索 box: for those who read the registry (not the 审计管理员, confined to the log)
        "global_search": has_capability(user, Capability.VIEW_REGISTRY)
        and not path_closed_to(user, "/search/"),
    }
