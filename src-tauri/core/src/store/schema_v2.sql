-- Schema 2: where the user left each box on the domain map. Canvas pixels
-- (geometry, never money); `node` is `domain:NAME` or `team:DOMAIN/TEAM`.
CREATE TABLE map_positions (
    node TEXT PRIMARY KEY,
    x    INTEGER NOT NULL,
    y    INTEGER NOT NULL
) STRICT;
