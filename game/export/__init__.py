"""Printable exports: card sets, the facilitator guide, the help handout, session summaries."""
