"""Pages of the recommendations: `public` (progress views) and `workspace` (answering,
reviewing and recording)."""
