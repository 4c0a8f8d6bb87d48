"""sitrep: reads news articles, extracts facts, answers in Slack with citations."""

__version__ = "0.1.0"
