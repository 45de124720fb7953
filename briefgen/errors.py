"""briefgen's own exceptions. The core raises these; only the CLI turns them into exit codes."""


class BriefgenError(Exception):
    """A problem the user can fix; its message is one clear line."""


class InputError(BriefgenError):
    """An article could not be read or used."""


class UnknownAlgorithm(BriefgenError, ValueError):
    """A summarizer name that is not in the registry."""


class RenderError(BriefgenError):
    """A template could not be rendered or a PDF could not be written."""
