"""The pygame window: the app loop, scenes, input, widgets; cards are drawn from game.design."""
