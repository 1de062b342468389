package org.envelopereview.envelope;

import java.util.List;

import inet.ipaddr.IPAddress;

/**
 * Where an action class may act. A {@code null} dimension places no constraint; an empty
 * one allows nothing (SPEC §2).
 *
 * @param resources resource globs ({@code *}, {@code ?})
 * @param cidrs IPv4 or IPv6 prefixes; an action's CIDR must lie wholly inside one of them
 * @param ports single ports or inclusive ranges
 */
public record Scope(List<String> resources, List<IPAddress> cidrs, List<PortRange> ports, List<String> protocols,
		List<String> regions) {

	public static final Scope UNCONSTRAINED = new Scope(null, null, null, null, null);

	public Scope {
		resources = copyOrNull(resources);
		cidrs = copyOrNull(cidrs);
		ports = copyOrNull(ports);
		protocols = copyOrNull(protocols);
		regions = copyOrNull(regions);
	}

	private static <T> List<T> copyOrNull(List<T> values) {
		return (values != null) ? List.copyOf(values) : null;
	}

}
