"""Stream articles through the scorers (in this process, worker processes or Dask), cache, write output."""
