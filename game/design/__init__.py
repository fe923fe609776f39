"""One card design in millimetres, drawn by both the window (game.ui) and the PDF (game.printing)."""
