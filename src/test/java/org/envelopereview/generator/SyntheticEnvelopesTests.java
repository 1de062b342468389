package org.envelopereview.generator;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.envelope.EnvelopeLoader;
import org.envelopereview.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SyntheticEnvelopesTests {

	@Autowired
	SyntheticEnvelopes synthetic;

	@Autowired
	EnvelopeLoader loader;

	@Test
	void shouldWriteEnvelopesThatAllPassValidation(@TempDir Path directory) throws IOException {
		this.synthetic.write(300, directory);

		EnvelopeCatalog catalog = this.loader.load(directory);

		assertThat(catalog.problems()).isEmpty();
		assertThat(catalog.envelopes()).hasSize(300);
		assertThat(catalog.envelopes()).extracting((envelope) -> envelope.boardId())
			.containsOnly("payments-cab", "network-security", "data-protection");
	}

}
