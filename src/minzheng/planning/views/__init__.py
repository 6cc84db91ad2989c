"""规划监测 pages: plans (``plans``), indicators and entry (``indicators``), monitoring (``cockpit``), 民政报表 (``statforms``)."""
