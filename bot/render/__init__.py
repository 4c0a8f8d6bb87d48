"""Renderers: an `Answer` to a Slack message (Block Kit) or to plain text. Pure functions."""

from bot.render.blocks import build_help_blocks, build_message
from bot.render.text import render_text

__all__ = ["build_help_blocks", "build_message", "render_text"]
