package org.envelopereview.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.envelopereview.action.Action;

import org.springframework.core.io.ClassPathResource;

import static org.envelopereview.review.fixtures.ActionBuilder.action;

/**
 * One quarter of agent activity over the envelopes in {@code review/envelopes}, with
 * every finding a reader of SPEC §4 expects from it.
 */
public final class ReviewScenario {

	static final String PA = "PA-FAILOVER-007";

	static final String LEGACY = "NS-LEGACY-001";

	/** The action whose finding a restart test makes fail once. */
	static final String LATE_ACTION = "a-0200";

	static final int FILLER_ACTIONS = 40;

	private ReviewScenario() {
	}

	static Path envelopesDir() {
		try {
			return new ClassPathResource("review/envelopes").getFile().toPath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static List<Action> actions() {
		List<Action> actions = new ArrayList<>();
		// late in Q2, never reverted: its 30-minute deadline falls on 1 July
		actions.add(action().id("a-0001").at("2026-06-30T23:50:00Z").cidr("10.0.3.0/24").build());
		actions.add(action().id("a-0002").at("2026-07-03T03:47:00Z").revertBy("2026-07-03T04:17:00Z").build());
		actions.add(action().id("a-0003")
			.at("2026-07-03T04:10:00Z")
			.type("security_group.ingress.remove")
			.reverts("a-0002")
			.build());
		actions.add(action().id("a-0004").at("2026-07-04T10:00:00Z").cidr("0.0.0.0/0").ports("22").build());
		actions.add(action().id("a-0005")
			.at("2026-07-05T09:00:00Z")
			.agent("dr-agent")
			.envelope(null)
			.type("route.add")
			.resource("tgw-rtb-0a9b1")
			.build());
		actions
			.add(action().id("a-0006").at("2026-07-06T09:00:00Z").agent("ghost-agent").envelope("GHOST-999").build());
		actions.add(action().id("a-0007")
			.at("2026-07-07T09:00:00Z")
			.type("logging.config.modify")
			.resource("log-config-main")
			.cidr(null)
			.ports(null)
			.build());
		actions.add(action().id("a-0008")
			.at("2026-07-08T09:00:00Z")
			.model("orchestrator-2.4.0")
			.cidr("2001:db8:10:1::/64")
			.ports("8443")
			.build());
		actions.add(action().id("a-0009")
			.at("2026-07-08T09:20:00Z")
			.type("security_group.ingress.remove")
			.reverts("a-0008")
			.build());
		// names the envelope of an invalid file: not unknown, and counted in its
		// ENV-INVALID finding
		actions.add(action().id("a-0010").at("2026-07-09T09:00:00Z").envelope("PA-BROKEN-900").build());
		for (int i = 0; i < FILLER_ACTIONS; i++) {
			actions.add(action().id(String.format("a-%04d", 100 + i))
				.at(String.format("2026-08-%02dT%02d:00:00Z", 1 + i / 24, i % 24))
				.type("security_group.ingress.remove")
				.resource("sg-0a1bffff")
				.cidr("10.0.99.0/24")
				.build());
		}
		actions.add(action().id(LATE_ACTION)
			.at("2026-09-10T12:00:00Z")
			.cidr("10.0.5.0/24")
			.rationale("failover event FE-2026-0910", 0.5)
			.build());
		actions.add(action().id("a-0201")
			.at("2026-09-10T12:10:00Z")
			.type("security_group.ingress.remove")
			.reverts(LATE_ACTION)
			.build());
		return actions;
	}

	/**
	 * {@code code|board|envelope|action|discriminator} of every finding expected in
	 * 2026-Q3.
	 */
	static Set<String> expectedFindings() {
		return new TreeSet<>(List.of(
				// payments-cab: PA-FAILOVER-007's actions
				"OOS-NOT-REVERTED|payments-cab|PA-FAILOVER-007|a-0001|",
				"OOS-CIDR|payments-cab|PA-FAILOVER-007|a-0004|cidrs",
				"OOS-PORT|payments-cab|PA-FAILOVER-007|a-0004|ports",
				"OOS-NOT-REVERTED|payments-cab|PA-FAILOVER-007|a-0004|",
				"OOS-ACTION-TYPE|payments-cab|PA-FAILOVER-007|a-0007|",
				"LOG-SUPPRESSION|payments-cab|PA-FAILOVER-007|a-0007|",
				"OOS-MODEL|payments-cab|PA-FAILOVER-007|a-0008|", "OOS-RATIONALE|payments-cab|PA-FAILOVER-007|a-0200|",
				// payments-cab: PA-FAILOVER-007 as exercised
				"ENV-MODEL-DRIFT|payments-cab|PA-FAILOVER-007||orchestrator-2.4.0",
				"EXP-RULE-DRIFT|payments-cab|PA-FAILOVER-007||sg-0a1b2c3d",
				"EXP-SCOPE-GROWTH|payments-cab|PA-FAILOVER-007||actionTypes",
				"EXP-SCOPE-GROWTH|payments-cab|PA-FAILOVER-007||resources",
				"EXP-SCOPE-GROWTH|payments-cab|PA-FAILOVER-007||ipv4Addresses",
				"EXP-SCOPE-GROWTH|payments-cab|PA-FAILOVER-007||ipv6Addresses",
				"EXP-SCOPE-GROWTH|payments-cab|PA-FAILOVER-007||ports",
				"EXP-NEAR-BOUNDS|payments-cab|PA-FAILOVER-007||ipv4Addresses",
				"EXP-NEAR-BOUNDS|payments-cab|PA-FAILOVER-007||ports",
				// payments-cab: the invalid file names its board
				"ENV-INVALID|payments-cab|PA-BROKEN-900||pa-broken-900.yaml",
				// network-security: its stale, dormant envelope
				"ENV-REVIEW-OVERDUE|network-security|NS-LEGACY-001||", "ENV-EXPIRED|network-security|NS-LEGACY-001||",
				"ENV-APPROVER-INACTIVE|network-security|NS-LEGACY-001||approver",
				"ENV-COMPLIANCE-STALE|network-security|NS-LEGACY-001||PCI-DSS-3.2.1",
				"ENV-DORMANT|network-security|NS-LEGACY-001||",
				// network-security, the default board: what belongs to no board
				"OOS-NO-ENVELOPE|network-security||a-0005|", "ENV-UNKNOWN|network-security|GHOST-999||"));
	}

}
