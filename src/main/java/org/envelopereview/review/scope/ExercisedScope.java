package org.envelopereview.review.scope;

import java.math.BigInteger;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

import inet.ipaddr.IPAddress;

import org.envelopereview.envelope.PortRange;
import org.envelopereview.review.scope.ScopeMeasurement;

/**
 * The effective policy of one envelope in one period: what its agents actually exercised
 * (SPEC §4 EXP-*). Failed attempts are not counted: they changed nothing.
 *
 * @param actionCount successful actions naming the envelope
 * @param ipv4Blocks the union of IPv4 prefixes opened, merged into prefix blocks
 * @param ports the union of ports opened, merged into ranges
 * @param rulesByResource permissive rules open per resource at period start and end
 */
public record ExercisedScope(String period, long actionCount, SortedSet<String> actionTypes,
		SortedSet<String> resources, SortedSet<String> regions, SortedSet<String> agents, List<IPAddress> ipv4Blocks,
		List<IPAddress> ipv6Blocks, List<PortRange> ports, OpenRules openRules,
		SortedMap<String, OpenRules> rulesByResource) {

	public static BigInteger addressCount(List<IPAddress> blocks) {
		return blocks.stream().map(IPAddress::getCount).reduce(BigInteger.ZERO, BigInteger::add);
	}

	public static int portCount(List<PortRange> ranges) {
		return ranges.stream().mapToInt(PortRange::size).sum();
	}

	public BigInteger ipv4Addresses() {
		return addressCount(this.ipv4Blocks);
	}

	public BigInteger ipv6Addresses() {
		return addressCount(this.ipv6Blocks);
	}

	public int portCount() {
		return portCount(this.ports);
	}

	public ScopeMeasurement measurement() {
		return new ScopeMeasurement(this.period, this.actionCount, this.actionTypes.size(), this.resources.size(),
				ipv4Addresses(), ipv6Addresses(), portCount(), this.regions.size(), this.agents.size(),
				this.openRules.start(), this.openRules.end(), this.openRules.peak());
	}

	/** Permissive rules open at period start, at period end, and at most at once. */
	public record OpenRules(int start, int end, int peak) {

		public static final OpenRules NONE = new OpenRules(0, 0, 0);

	}

}
