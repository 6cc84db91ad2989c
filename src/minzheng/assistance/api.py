"""REST endpoints of the 社会救助 domain (added to the one NinjaAPI in minzheng/api.py)."""

from ninja import Router

router = Router(tags=["社会救助"])
