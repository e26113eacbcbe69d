"""The Qt desktop app. Only this package imports Qt; it talks to services, never to SQL."""
