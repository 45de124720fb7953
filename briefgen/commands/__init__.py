"""One module per `briefgen` verb; each is a thin Click wrapper over a library call."""
