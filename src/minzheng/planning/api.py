"""REST endpoints of the 规划监测 domain (added to the one NinjaAPI in minzheng/api.py)."""

from ninja import Router

router = Router(tags=["规划监测"])
