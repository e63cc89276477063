"""Engine: partitions, the local and Spark runners, the columnar path, scan state."""
