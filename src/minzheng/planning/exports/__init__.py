"""Documents the planning domain produces: plan monitoring reports (.docx, .pdf, .xlsx) and 民政报表 (.xlsx)."""
