"""Batch engine (批处理引擎): department data intake and the two jobs that read it, on DuckDB or Spark.

Pure Python + SQL, no Django. One package per job, each with its own entry point and contracts:

- ``minzheng.batch.intake`` — department deliveries: validation, the exchange store, database-table intake;
- ``minzheng.batch.verification`` — 家庭经济状况核对 (``run_verification``);
- ``minzheng.batch.monitoring`` — 低收入人口动态监测预警 (``run_monitoring``);

and what they share: ``backends`` (DuckDB, Spark), ``steps`` (a job's SQL step), ``sql_fragments`` (money
and evidence SQL both engines agree on), ``contract_tables``, ``ids``, ``errors``. The jobs do not import each
other (``.importlinter``). See README.md in this package for the contracts.
"""
