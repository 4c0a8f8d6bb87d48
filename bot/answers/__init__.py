"""Answer builders: plain data with citations, no Slack. Rendering lives elsewhere."""
