"""The motion model: pure Python, no Qt. Everything here is a deterministic function of its inputs."""
