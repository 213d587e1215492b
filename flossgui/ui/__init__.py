"""The Qt window: widgets that draw a model Frame and route input back to the model."""
