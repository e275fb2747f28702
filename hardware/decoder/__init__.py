"""Code decoding: the port (`port`), the zxing-cpp and ZBar backends with the
zxing fallback passes, and the factory that builds the configured one."""
