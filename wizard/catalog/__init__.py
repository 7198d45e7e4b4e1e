"""Reference data loaders: supervisory authorities, Art. 8 ages, processors."""
