package org.envelopereview.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Envelope Review reads and writes; relative paths resolve against the working
 * directory.
 *
 * @param envelopesDir the envelope files and boards.yaml
 * @param outputDir where packs and evidence files are written
 * @param dataDir the embedded H2 database and the development signing key
 */
@ConfigurationProperties("review")
public record ReviewPaths(@DefaultValue("./envelopes") Path envelopesDir, @DefaultValue("./out") Path outputDir,
		@DefaultValue("./data") Path dataDir) {
}
