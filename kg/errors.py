"""Errors that reach the user as one clear line, never a traceback."""


class UserError(Exception):
    """A mistake of the user's (bad path, bad option, bad query): printed as one line.

    >>> str(UserError("seeds/x.txt: no such file"))
    'seeds/x.txt: no such file'
    """
