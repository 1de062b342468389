package org.envelopereview.review.scope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import inet.ipaddr.IPAddress;

import org.envelopereview.envelope.PortRange;

/**
 * The distinct values agents exercised under one envelope over a window, unmerged: each
 * CIDR and port range as an action opened it, so that a reader can tell a use inside a
 * declared block from an out-of-scope one that merely covers it (a recommendation to
 * narrow must not count an opened 0.0.0.0/0 as use of 10.0.0.0/16). Counted as
 * {@link ExercisedScope} counts: successful actions; CIDRs and ports of opening actions.
 */
public record ScopeUse(long actionCount, SortedSet<String> actionTypes, SortedSet<String> regions,
		SortedSet<String> agents, List<IPAddress> cidrsOpened, List<PortRange> portsOpened) {

	public static final ScopeUse NONE = new ScopeUse(0, new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), List.of(),
			List.of());

	public ScopeUse {
		actionTypes = Collections.unmodifiableSortedSet(new TreeSet<>(actionTypes));
		regions = Collections.unmodifiableSortedSet(new TreeSet<>(regions));
		agents = Collections.unmodifiableSortedSet(new TreeSet<>(agents));
		cidrsOpened = List.copyOf(new LinkedHashSet<>(cidrsOpened));
		portsOpened = List.copyOf(new LinkedHashSet<>(portsOpened));
	}

	/** What either window exercised. */
	public ScopeUse union(ScopeUse other) {
		TreeSet<String> types = new TreeSet<>(this.actionTypes);
		types.addAll(other.actionTypes);
		TreeSet<String> allRegions = new TreeSet<>(this.regions);
		allRegions.addAll(other.regions);
		TreeSet<String> allAgents = new TreeSet<>(this.agents);
		allAgents.addAll(other.agents);
		List<IPAddress> cidrs = new ArrayList<>(this.cidrsOpened);
		cidrs.addAll(other.cidrsOpened);
		List<PortRange> ports = new ArrayList<>(this.portsOpened);
		ports.addAll(other.portsOpened);
		return new ScopeUse(this.actionCount + other.actionCount, types, allRegions, allAgents, cidrs, ports);
	}

}
