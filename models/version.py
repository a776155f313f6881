"""The pipeline version: a change re-extracts every document on the next run."""

PIPELINE_VERSION = "0.4.0"
