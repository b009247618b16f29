"""What the plugin generates: pages, downloads and the navigation."""
