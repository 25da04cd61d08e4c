"""The `planqa` command line: an edge of the pipeline, like the UI (app.py, ui/).

It imports every stage (corpus → index → qa → eval) and no stage imports it."""
