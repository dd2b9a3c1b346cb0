"""Read a folder or file of articles and their metadata into ``Article`` records."""
