package org.envelopereview.envelope;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each fixture in {@code envelopes-broken/} breaks one rule; every problem must be
 * reported at once with its file, line and field, and the near miss
 * ({@code valid-control.yaml}) must still load.
 */
class BrokenEnvelopeTests {

	private static final Path DIR = Path.of("src/test/resources/envelopes-broken");

	private static EnvelopeCatalog catalog;

	@BeforeAll
	static void loadBrokenDirectory() {
		catalog = new EnvelopeLoader().load(DIR);
	}

	@Test
	void shouldReportBadYamlSyntaxWithItsLine() {
		assertThat(problems("bad-syntax.yaml")).singleElement()
			.asString()
			.startsWith(file("bad-syntax.yaml") + ":9: invalid YAML: ");
	}

	@Test
	void shouldNameUnknownFieldsAndListTheAllowedOnes() {
		assertThat(problems("unknown-field.yaml")).containsExactly(file("unknown-field.yaml")
				+ ":15: colour: unknown field 'colour'; allowed fields: apiVersion, id, title, board, owner, tier, approval, review, expiresAt, compliance, agents, principals, modelVersions, minConfidence, actions, bounds, rationale",
				file("unknown-field.yaml")
						+ ":24: actions[0].scope.zones: unknown field 'zones'; allowed fields: resources, cidrs, ports, protocols, regions");
	}

	@Test
	void shouldReportWrongTypesAtTheirValues() {
		assertThat(problems("wrong-type.yaml")).containsExactly(
				file("wrong-type.yaml") + ":7: tier: expected a whole number, got 'two'",
				file("wrong-type.yaml") + ":12: agents: expected a list, got 'failover-agent'",
				file("wrong-type.yaml") + ":24: bounds: expected a mapping, got a list");
	}

	@Test
	void shouldRejectAPrefixLongerThanTheAddressAndAPrefixWithHostBitsSet() {
		assertThat(problems("cidr-33.yaml"))
			.containsExactly(file("cidr-33.yaml") + ":19: actions[0].scope.cidrs[1]: '10.0.0.0/33' is not a CIDR", file(
					"cidr-33.yaml")
					+ ":19: actions[0].scope.cidrs[2]: '10.2.0.1/16' is not a CIDR: host bits are set; did you mean 10.2.0.0/16?",
					file("cidr-33.yaml") + ":19: actions[0].scope.cidrs[3]: '2001:db8::/129' is not a CIDR");
	}

	@Test
	void shouldRejectPortsAbove65535AndReversedRanges() {
		assertThat(problems("port-70000.yaml")).containsExactly(
				file("port-70000.yaml")
						+ ":20: actions[0].scope.ports[1]: '70000' is not a port or port range: ports are 0 to 65535",
				file("port-70000.yaml")
						+ ":20: actions[0].scope.ports[2]: '9000-8000' is not a port range: 9000 is greater than 8000");
	}

	@Test
	void shouldRejectABoardThatBoardsYamlDoesNotDefine() {
		assertThat(problems("unknown-board.yaml")).containsExactly(file("unknown-board.yaml")
				+ ":5: board: board 'payments-cba' is not defined in boards.yaml (boards: payments-cab)");
	}

	@Test
	void shouldReportADuplicateIdInBothFilesAndLoadNeither() {
		assertThat(problems("duplicate-id-a.yaml")).containsExactly(
				file("duplicate-id-a.yaml") + ":3: id: duplicate id 'BROKEN-DUPLICATE-007': also declared in "
						+ file("duplicate-id-b.yaml") + ":3");
		assertThat(problems("duplicate-id-b.yaml")).containsExactly(
				file("duplicate-id-b.yaml") + ":3: id: duplicate id 'BROKEN-DUPLICATE-007': also declared in "
						+ file("duplicate-id-a.yaml") + ":3");
		assertThat(catalog.envelope("BROKEN-DUPLICATE-007")).isEmpty();
	}

	@Test
	void shouldRejectTiersOutsideOneToFour() {
		assertThat(problems("tier-5.yaml")).containsExactly(
				file("tier-5.yaml") + ":7: tier: 5 is out of range: must be 1 to 4",
				file("tier-5.yaml") + ":17: actions[0].tier: 0 is out of range: must be 1 to 4");
	}

	@Test
	void shouldRequireTheApproverAtTheLineOfTheApproval() {
		assertThat(problems("missing-approver.yaml"))
			.containsExactly(file("missing-approver.yaml") + ":8: approval.approver: is required");
	}

	@Test
	void shouldRejectApproversAndReviewersWhoAreNotInTheDirectory() {
		assertThat(problems("approver-not-in-directory.yaml")).containsExactly(file("approver-not-in-directory.yaml")
				+ ":8: approval.approver: 'mallory@example.com' is not in the approver directory of boards.yaml",
				file("approver-not-in-directory.yaml")
						+ ":9: review.lastReviewedBy: 'eve@example.com' is not in the approver directory of boards.yaml");
	}

	@Test
	void shouldRejectDatesThatDoNotExistOrAreNotIso() {
		assertThat(problems("bad-date.yaml")).containsExactly(
				file("bad-date.yaml") + ":8: approval.approvedAt: '2025-02-30' is not a calendar date",
				file("bad-date.yaml") + ":10: expiresAt: '02/05/2027' is not an ISO date (YYYY-MM-DD)");
	}

	@Test
	void shouldRejectADurationThatIsNotIso8601() {
		assertThat(problems("bad-duration.yaml")).containsExactly(file("bad-duration.yaml")
				+ ":23: actions[0].temporary.maxDuration: '30m' is not an ISO-8601 duration (e.g. PT30M, PT4H, P1D)");
	}

	@Test
	void shouldLoadOnlyTheValidControlFileAndKeepEveryFileAsRead() {
		assertThat(catalog.envelopes()).extracting(Envelope::id).containsExactly("BROKEN-CONTROL-000");
		assertThat(catalog.files()).extracting(EnvelopeFile::fileName).contains("boards.yaml", "bad-syntax.yaml");
		assertThat(catalog.files()).filteredOn(EnvelopeFile::valid)
			.extracting(EnvelopeFile::fileName)
			.containsExactlyInAnyOrder("boards.yaml", "valid-control.yaml");
		assertThat(catalog.files()).allSatisfy((file) -> assertThat(file.sha256()).hasSize(64));
	}

	@Test
	void shouldKeepTheBoardOfAnInvalidFileSoItsFindingReachesThatBoard() {
		assertThat(catalog.files()).filteredOn((file) -> file.fileName().equals("cidr-33.yaml"))
			.singleElement()
			.satisfies((file) -> {
				assertThat(file.valid()).isFalse();
				assertThat(file.envelopeId()).isEqualTo("BROKEN-CIDR-004");
				assertThat(file.boardId()).isEqualTo("payments-cab");
				assertThat(catalog.problemsOf(file)).hasSize(3)
					.allSatisfy((problem) -> assertThat(problem.field()).startsWith("actions[0].scope.cidrs["));
			});
	}

	@Test
	void shouldFindNoProblemsOfTheValidFile() {
		assertThat(catalog.files()).filteredOn((file) -> file.fileName().equals("valid-control.yaml"))
			.singleElement()
			.satisfies((file) -> assertThat(catalog.problemsOf(file)).isEmpty());
	}

	private static List<String> problems(String name) {
		return catalog.problems()
			.stream()
			.filter((problem) -> problem.file().equals(file(name)))
			.map(EnvelopeProblem::toString)
			.toList();
	}

	private static String file(String name) {
		return DIR.resolve(name).toString();
	}

}
