"""Turn the comparison into charts and Markdown/HTML pages through templates."""
