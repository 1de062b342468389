package org.envelopereview.envelope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A temporary envelopes directory written from small named texts. */
final class EnvelopeDirectoryFixture {

	static final String BOARDS = """
			apiVersion: envelope-review/v1
			boards:
			  - id: payments-cab
			    name: Payments Change Advisory Board
			    default: true
			    members:
			      - {name: Jae-min Kim, role: Chair, email: jmin@example.com}
			approvers:
			  - {email: jmin@example.com, name: Jae-min Kim, activeFrom: 2023-01-01}
			  - {email: old@example.com, name: Former Approver, activeFrom: 2020-01-01, activeUntil: 2025-12-31}
			""";

	/** A minimal valid envelope; its line numbers are relied on by the tests. */
	static final String ENVELOPE = """
			apiVersion: envelope-review/v1
			id: PA-TEST-001
			title: Test envelope
			board: payments-cab
			owner: network-platform
			tier: 2
			approval: {approver: jmin@example.com, approvedAt: 2025-05-02, changeRef: CHG-2025-0412}
			review: {cadenceDays: 90, lastReviewedAt: 2026-08-12, lastReviewedBy: jmin@example.com}
			expiresAt: 2027-05-02
			agents: [failover-agent]
			actions:
			  - type: security_group.ingress.add
			    scope:
			      cidrs: ["10.0.0.0/16"]
			      ports: ["443"]
			""";

	private final Path directory;

	EnvelopeDirectoryFixture(Path directory) {
		this.directory = directory;
	}

	static String replace(String text, String target, String replacement) {
		assertThat(text).as("fixture text to change").contains(target);
		return text.replace(target, replacement);
	}

	EnvelopeDirectoryFixture file(String name, String text) {
		return file(name, text.getBytes(StandardCharsets.UTF_8));
	}

	EnvelopeDirectoryFixture file(String name, byte[] bytes) {
		try {
			Files.write(this.directory.resolve(name), bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** Writes the standard boards.yaml and one envelope {@code pa-test-001.yaml}. */
	EnvelopeCatalog loadEnvelope(String envelope) {
		return file(EnvelopeLoader.BOARDS_FILE, BOARDS).file("pa-test-001.yaml", envelope).load();
	}

	EnvelopeCatalog load() {
		return new EnvelopeLoader().load(this.directory);
	}

	/** The problems as {@code name:line: field: message}, the directory left out. */
	List<String> problems(EnvelopeCatalog catalog) {
		String prefix = this.directory.toString() + this.directory.getFileSystem().getSeparator();
		return catalog.problems().stream().map((problem) -> problem.toString().replace(prefix, "")).toList();
	}

}
