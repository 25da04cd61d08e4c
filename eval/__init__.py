"""Evaluation: gold set -> metrics, baselines and reports."""
