"""GUI tests: the wizard driven as a user would, offscreen, with pytest-qt."""
