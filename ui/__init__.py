"""The web UI (Gradio): ui.shell assembles the page from one module per tab (ask, districts,
indicators, documents, evaluation) and the pieces they share (common, messages, uploads).
app.py only starts it."""
