"""资金项目监督's published interface: the only module other apps may import.

Nothing is published yet; the plan indicators (福彩销售网点数, 公益金用于养老服务比例) will come through
``indicator_sources.py`` (found by convention), not through here.
"""

__all__: list[str] = []
