"""``flossgui bench``: how fast this machine computes, draws, starts and idles the app.

Each figure is printed with its target so a clinic can check its own hardware. Nothing here
is imported by the app; Qt is imported only by the figures that draw.
"""
