"""Preloaded by the guard's fork server: warm the pipeline, then freeze the heap so the
collector does not touch (and so copy) the pages every forked document worker shares."""

import gc

from pipeline.batch.warm import warm

warm()
gc.freeze()
