package org.envelopereview.action;

import java.util.List;
import java.util.Set;

/** The canonical action types of SPEC §3 and how they affect permissive rules. */
public final class ActionTypes {

	public static final List<String> ALL = List.of("security_group.ingress.add", "security_group.ingress.remove",
			"security_group.egress.add", "security_group.egress.remove", "nacl.entry.add", "nacl.entry.replace",
			"nacl.entry.remove", "firewall.rule.add", "firewall.rule.modify", "firewall.rule.disable",
			"firewall.rule.remove", "route.add", "route.replace", "route.remove", "dns.record.upsert",
			"dns.record.delete", "lb.listener.modify", "mesh.policy.update", "mesh.mtls.modify", "inspection.bypass",
			"logging.config.modify");

	private static final Set<String> KNOWN = Set.copyOf(ALL);

	private static final List<String> OPENING_SUFFIXES = List.of(".add", ".upsert", ".replace", ".modify", ".disable",
			".bypass");

	private ActionTypes() {
	}

	public static boolean isKnown(String type) {
		return KNOWN.contains(type);
	}

	/**
	 * Opening actions widen what is allowed; they count towards addresses, ports and open
	 * rules.
	 */
	public static boolean isOpening(String type) {
		return OPENING_SUFFIXES.stream().anyMatch(type::endsWith);
	}

	/** Closing actions ({@code .remove}, {@code .delete}) narrow what is allowed. */
	public static boolean isClosing(String type) {
		return type.endsWith(".remove") || type.endsWith(".delete");
	}

}
