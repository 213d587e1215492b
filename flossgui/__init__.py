"""flossgui: an animated guide to the seated lumbar nerve floss (sciatic nerve glide)."""

__version__ = "0.1.0"
