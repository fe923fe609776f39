"""The screens of the window, one module per kind; App in game.ui.app keeps them in a stack."""
