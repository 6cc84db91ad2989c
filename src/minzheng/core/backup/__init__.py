"""备份与恢复: one dated archive holds the database and the files under ``MINZHENG_VAR_DIR``, with a manifest
of checksums and row counts that a restore checks before and after it writes (see ``docs/operations.md``)."""
