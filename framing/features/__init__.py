"""The feature families: sentiment, loaded terms, attribution and readability."""
