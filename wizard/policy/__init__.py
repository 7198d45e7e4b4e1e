"""The policy engine: answers + language -> a format-neutral Document. Never imports Qt."""
