"""Course tools: copy the course into a working folder (``medialit lab``), post it on a hub
(``medialit link``), and where the course is published (``publishing.yaml``)."""
