package org.envelopereview.envelope;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.envelopereview.envelope.EnvelopeDirectoryFixture.BOARDS;
import static org.envelopereview.envelope.EnvelopeDirectoryFixture.ENVELOPE;

/**
 * Files that are not envelopes at all, or are built to exhaust the reader, are rejected.
 */
class HostileEnvelopeFileTests {

	@TempDir
	Path directory;

	private EnvelopeDirectoryFixture fixture;

	@BeforeEach
	void writeBoards() {
		this.fixture = new EnvelopeDirectoryFixture(this.directory).file("boards.yaml", BOARDS);
	}

	@Test
	void shouldRejectAnAliasBombBeforeExpandingIt() {
		// given
		StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
		for (char name = 'b'; name <= 'j'; name++) {
			String previous = "*" + (char) (name - 1);
			bomb.append(name).append(": &").append(name).append(" [");
			bomb.append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
		}
		// when
		EnvelopeCatalog catalog = this.fixture.file("bomb.yaml", bomb.toString()).load();
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly("bomb.yaml:4: more than 20 aliases");
	}

	@Test
	void shouldAcceptAFewAliasesThatShareAScope() {
		// given
		String shared = ENVELOPE.replace("    scope:\n", "    scope: &payments\n")
				+ "  - type: security_group.ingress.remove\n    scope: *payments\n";
		// when
		EnvelopeCatalog catalog = this.fixture.file("pa-test-001.yaml", shared).load();
		// then
		assertThat(catalog.problems()).isEmpty();
		assertThat(catalog.envelopes().get(0).actions()).hasSize(2);
	}

	@Test
	void shouldRejectAnAliasInsideTheCollectionItNames() {
		// when
		EnvelopeCatalog catalog = this.fixture.file("loop.yaml", "a: &loop [x, *loop]\n").load();
		// then
		assertThat(this.fixture.problems(catalog))
			.containsExactly("loop.yaml:1: alias *loop refers to a collection that contains it");
	}

	@Test
	void shouldRejectAnAliasToAnAnchorThatWasNeverDefined() {
		// when
		EnvelopeCatalog catalog = this.fixture.file("alias.yaml", "id: PA-TEST-001\nactions: *classes\n").load();
		// then
		assertThat(this.fixture.problems(catalog))
			.containsExactly("alias.yaml:2: invalid YAML: found undefined alias classes (column 10)");
	}

	@Test
	void shouldRejectNestingDeeperThanTwentyLevels() {
		// when
		EnvelopeCatalog catalog = this.fixture.file("deep.yaml", "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n")
			.load();
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly("deep.yaml:1: nesting is deeper than 20 levels");
	}

	@Test
	void shouldRejectAFileOverOneMebibyteButKeepItsDigest() throws Exception {
		// given
		byte[] big = ("# " + "x".repeat(SafeYaml.MAX_BYTES) + "\n").getBytes(StandardCharsets.UTF_8);
		// when
		EnvelopeCatalog catalog = this.fixture.file("big.yaml", big).load();
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly(
				"big.yaml: the file is 1048579 bytes; envelope files are limited to 1048576 bytes (1 MiB)");
		String expected = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(big));
		assertThat(catalog.files()).filteredOn((file) -> file.fileName().equals("big.yaml"))
			.singleElement()
			.satisfies((file) -> assertThat(file.sha256()).isEqualTo(expected));
	}

	@Test
	void shouldRejectASecondDocumentInOneFile() {
		// when
		EnvelopeCatalog catalog = this.fixture.file("two.yaml", ENVELOPE + "---\n" + ENVELOPE).load();
		// then
		assertThat(this.fixture.problems(catalog))
			.containsExactly("two.yaml:16: a file holds exactly one YAML document; found a second one here");
	}

	@Test
	void shouldRejectAnEmptyFileAndAFileThatIsNotAMapping() {
		// when
		EnvelopeCatalog catalog = this.fixture.file("empty.yaml", "# nothing here\n")
			.file("list.yml", "- PA-TEST-001\n")
			.load();
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly("empty.yaml: the file is empty",
				"list.yml:1: expected a mapping, got a list");
	}

	@Test
	void shouldRejectBytesThatAreNotUtf8ButKeepTheFile() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.file("latin1.yaml", "title: Übersicht\n".getBytes(StandardCharsets.ISO_8859_1))
			.load();
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly("latin1.yaml: is not UTF-8 text");
		assertThat(catalog.files()).extracting(EnvelopeFile::fileName).contains("latin1.yaml");
	}

	@Test
	void shouldReadAUtf8FileThatStartsWithAByteOrderMark() {
		// when
		EnvelopeCatalog catalog = this.fixture.file("pa-test-001.yaml", "\uFEFF" + ENVELOPE).load();
		// then
		assertThat(catalog.problems()).isEmpty();
	}

	@Test
	void shouldIgnoreFilesThatAreNotYamlAndSubdirectories() throws Exception {
		// given
		Files.createDirectory(this.directory.resolve("archive.yaml"));
		// when
		EnvelopeCatalog catalog = this.fixture.file("README.md", "# notes\n").file("pa-test-001.yaml", ENVELOPE).load();
		// then
		assertThat(catalog.problems()).isEmpty();
		assertThat(catalog.files()).extracting(EnvelopeFile::fileName)
			.containsExactly("boards.yaml", "pa-test-001.yaml");
	}

	@Test
	void shouldThrowOnlyWhenTheDirectoryItselfCannotBeRead() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EnvelopeLoader().load(this.directory.resolve("missing")))
			.withMessageContaining("does not exist or is not a directory");
	}

}
