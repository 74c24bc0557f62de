"""Evaluation of chronicle's components against annotated corpora."""
