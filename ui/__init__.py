"""The web UI's pieces that are more than wiring (app.py is the entry and holds the tabs)."""
