package org.envelopereview.review.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.review.fixtures.Fixtures;
import org.envelopereview.review.run.RunInputs;
import org.envelopereview.system.ReviewPaths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReviewOutputsTests {

	@TempDir
	Path out;

	private ReviewOutputs outputs() {
		return new ReviewOutputs(new ReviewPaths(Path.of("envelopes"), this.out, Path.of("data")));
	}

	private static RunInputs run(int number) {
		EnvelopeCatalog catalog = new EnvelopeCatalog(Fixtures.directory(), List.of(), List.of(), List.of());
		return new RunInputs(10 + number, number, Fixtures.Q3, null, catalog, Path.of("envelopes"));
	}

	@Test
	void shouldMoveAnEarlierRunsFilesAsideBeforeWriting() throws IOException {
		ReviewOutputs outputs = outputs();
		outputs.write(run(1), Fixtures.PAYMENTS, false, List.of());
		Path board = this.out.resolve("2026-Q3").resolve(Fixtures.PAYMENTS);
		Files.writeString(board.resolve("review-pack.pdf"), "pack of run 1");
		assertThat(outputs.write(run(2), Fixtures.PAYMENTS, false, List.of())).hasValueSatisfying(
				(note) -> assertThat(note).contains("review-pack.pdf", "of run 1", board.resolve("runs/1").toString()));
		assertThat(board.resolve("runs/1/review-pack.pdf")).hasContent("pack of run 1");
		assertThat(board.resolve("runs/1/findings.json")).exists();
		assertThat(board.resolve("review-pack.pdf")).doesNotExist();
		assertThat(board.resolve("findings.json")).exists();
	}

	@Test
	void shouldReplaceItsOwnFilesWhenTheSameRunWritesAgain() throws IOException {
		ReviewOutputs outputs = outputs();
		outputs.write(run(1), Fixtures.PAYMENTS, false, List.of());
		assertThat(outputs.write(run(1), Fixtures.PAYMENTS, false, List.of())).isEmpty();
		assertThat(this.out.resolve("2026-Q3").resolve(Fixtures.PAYMENTS).resolve("runs")).doesNotExist();
	}

	@Test
	void shouldKeepFilesOfAnUnknownRunUnderAnUnnumberedName() throws IOException {
		Path board = Files.createDirectories(this.out.resolve("2026-Q3").resolve(Fixtures.PAYMENTS));
		Files.writeString(board.resolve("findings.json"), "{}\n");
		outputs().write(run(3), Fixtures.PAYMENTS, false, List.of());
		assertThat(board.resolve("runs/unnumbered/findings.json")).hasContent("{}");
	}

	@Test
	void shouldRefuseABoardIdThatWouldLeaveTheOutputDirectory() {
		assertThatIllegalArgumentException().isThrownBy(() -> outputs().boardDir(Fixtures.Q3, "../../etc"));
		assertThatIllegalArgumentException().isThrownBy(() -> outputs().boardDir(Fixtures.Q3, ".."));
		assertThat(outputs().boardDir(Fixtures.Q3, "payments-cab"))
			.isEqualTo(this.out.toAbsolutePath().normalize().resolve("2026-Q3/payments-cab"));
	}

}
