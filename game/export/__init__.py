"""Printable exports: card sets (cards_pdf), the facilitator guide (guide_pdf), the help
handout (help_pdf) and session summaries (summary). Import them from their modules: fpdf2 is
loaded only by what prints."""
