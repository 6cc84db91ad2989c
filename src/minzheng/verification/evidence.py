"""证据行 of a 核对 report: the page kit's one renderer of the batch engine's evidence (``web.kit.evidence``),
named here for the report page and PDF."""

from minzheng.web.kit.evidence import (  # noqa: F401
    DATASETS,
    FIELDS,
    SOURCES,
    EvidenceRow,
    evidence_rows,
    income_source,
    reasons_for_display,
    records_for_display,
    shown,
)
