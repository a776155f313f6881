"""Batch ingestion: finding files, planning a run, extracting each document in a guarded
process, the Prefect flow and its server, and the Parquet store."""
