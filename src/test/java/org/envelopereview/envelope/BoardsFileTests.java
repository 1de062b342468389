package org.envelopereview.envelope;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopereview.envelope.EnvelopeDirectoryFixture.BOARDS;
import static org.envelopereview.envelope.EnvelopeDirectoryFixture.ENVELOPE;
import static org.envelopereview.envelope.EnvelopeDirectoryFixture.replace;

/** The rules of boards.yaml: boards, members and the approver directory. */
class BoardsFileTests {

	private static final String SECOND_BOARD = """
			  - id: network-security
			    name: Network Security Board
			    default: true
			    members:
			      - {name: Dana Park, role: Chair, email: dpark@example.com}
			approvers:
			""";

	@TempDir
	Path directory;

	private EnvelopeDirectoryFixture fixture;

	@BeforeEach
	void createFixture() {
		this.fixture = new EnvelopeDirectoryFixture(this.directory);
	}

	@Test
	void shouldReadBoardsMembersAndApprovers() {
		// when
		EnvelopeCatalog catalog = this.fixture.file("boards.yaml", BOARDS).load();
		// then
		assertThat(catalog.problems()).isEmpty();
		BoardDirectory directory = catalog.directory();
		assertThat(directory.defaultBoard()).map(Board::name).contains("Payments Change Advisory Board");
		assertThat(directory.board("payments-cab").orElseThrow().members())
			.containsExactly(new Board.Member("Jae-min Kim", "Chair", "jmin@example.com"));
		assertThat(directory.approver("OLD@example.com"))
			.hasValueSatisfying((approver) -> assertThat(approver.activeUntil()).isEqualTo(LocalDate.of(2025, 12, 31)));
		assertThat(catalog.files()).singleElement().satisfies((file) -> {
			assertThat(file.fileName()).isEqualTo("boards.yaml");
			assertThat(file.valid()).isTrue();
			assertThat(file.envelopeId()).isNull();
		});
	}

	@Test
	void shouldReportAMissingBoardsFileAndEveryBoardItLeavesUndefined() {
		// when
		EnvelopeCatalog catalog = this.fixture.file("pa-test-001.yaml", ENVELOPE).load();
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly(
				"boards.yaml: is missing: it defines the boards and the approver directory every envelope refers to",
				"pa-test-001.yaml:4: board: board 'payments-cab' is not defined in boards.yaml",
				"pa-test-001.yaml:7: approval.approver: 'jmin@example.com' is not in the approver directory of boards.yaml",
				"pa-test-001.yaml:8: review.lastReviewedBy: 'jmin@example.com' is not in the approver directory of boards.yaml");
	}

	@Test
	void shouldAllowOnlyOneDefaultBoard() {
		// when
		EnvelopeCatalog catalog = this.fixture.file("boards.yaml", replace(BOARDS, "approvers:\n", SECOND_BOARD))
			.load();
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly(
				"boards.yaml:10: boards[1].default: only one board may be the default; boards[0].default (line 5) already is");
	}

	@Test
	void shouldAcceptBoardsWithNoDefault() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.file("boards.yaml", replace(replace(BOARDS, "approvers:\n", SECOND_BOARD), "    default: true\n", ""))
			.load();
		// then
		assertThat(catalog.problems()).isEmpty();
		assertThat(catalog.directory().defaultBoard()).isEmpty();
	}

	@Test
	void shouldRejectABoardIdThatIsNotLowerCase() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.file("boards.yaml", replace(BOARDS, "id: payments-cab", "id: Payments_CAB"))
			.load();
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly(
				"boards.yaml:3: boards[0].id: 'Payments_CAB' is not a board id: use lower-case letters, digits and '-' (e.g. payments-cab)");
	}

	@Test
	void shouldRejectABoardIdDefinedTwice() {
		// given
		String again = SECOND_BOARD.replace("network-security", "payments-cab").replace("    default: true\n", "");
		// when
		EnvelopeCatalog catalog = this.fixture.file("boards.yaml", replace(BOARDS, "approvers:\n", again)).load();
		// then
		assertThat(this.fixture.problems(catalog))
			.containsExactly("boards.yaml:8: boards[1].id: board 'payments-cab' is already defined at line 3");
	}

	@Test
	void shouldRequireEachMemberToHaveANameRoleAndEmail() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.file("boards.yaml",
					replace(BOARDS, "{name: Jae-min Kim, role: Chair, email: jmin@example.com}",
							"{name: Jae-min Kim, email: jmin(at)example.com}"))
			.file("pa-test-001.yaml", ENVELOPE)
			.load();
		// then: the board is still known, so its envelopes are not made invalid by the
		// typo
		assertThat(this.fixture.problems(catalog)).containsExactly(
				"boards.yaml:7: boards[0].members[0].role: is required",
				"boards.yaml:7: boards[0].members[0].email: 'jmin(at)example.com' is not an email address");
		assertThat(catalog.envelopes()).extracting(Envelope::id).containsExactly("PA-TEST-001");
	}

	@Test
	void shouldKeepTheValidMembersOfABoardWithABrokenOne() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.file("boards.yaml", replace(BOARDS, "      - {name: Jae-min Kim, role: Chair, email: jmin@example.com}\n",
					"      - {name: Jae-min Kim, role: Chair, email: jmin@example.com}\n      - {name: No Role}\n"))
			.load();
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly(
				"boards.yaml:8: boards[0].members[1].role: is required",
				"boards.yaml:8: boards[0].members[1].email: is required");
		assertThat(catalog.directory().board("payments-cab").orElseThrow().members()).extracting(Board.Member::name)
			.containsExactly("Jae-min Kim");
	}

	@Test
	void shouldRequireAtLeastOneMember() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.file("boards.yaml",
					replace(BOARDS, "    members:\n      - {name: Jae-min Kim, role: Chair, email: jmin@example.com}\n",
							"    members: []\n"))
			.load();
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly(
				"boards.yaml:6: boards[0].members: must list at least one member (they sign off the pack)");
	}

	@Test
	void shouldRejectAnApproverActiveUntilBeforeActiveFrom() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.file("boards.yaml", replace(BOARDS, "activeUntil: 2025-12-31", "activeUntil: 2019-12-31"))
			.load();
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly(
				"boards.yaml:10: approvers[1].activeUntil: activeUntil 2019-12-31 is before activeFrom 2020-01-01");
		assertThat(catalog.directory().approver("old@example.com")).isEmpty();
	}

	@Test
	void shouldAcceptAnApproverActiveForASingleDay() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.file("boards.yaml", replace(BOARDS, "activeUntil: 2025-12-31", "activeUntil: 2020-01-01"))
			.load();
		// then
		assertThat(catalog.problems()).isEmpty();
	}

	@Test
	void shouldRejectTheSameApproverListedTwiceWhateverTheCase() {
		// when
		EnvelopeCatalog catalog = this.fixture
			.file("boards.yaml", BOARDS + "  - {email: JMIN@example.com, name: Jae-min Kim, activeFrom: 2024-01-01}\n")
			.load();
		// then
		assertThat(this.fixture.problems(catalog)).containsExactly(
				"boards.yaml:11: approvers[2].email: approver 'JMIN@example.com' is already listed at line 9");
	}

}
