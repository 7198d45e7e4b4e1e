"""Renderers: one module per output format. They read a Document and never import Qt."""
